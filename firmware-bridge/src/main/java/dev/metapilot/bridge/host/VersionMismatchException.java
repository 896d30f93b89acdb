package dev.metapilot.bridge.host;

/**
 * The MCU speaks a protocol version this host does not; thrown by {@link BridgeLink#awaitUp} to the waiting thread.
 */
public final class VersionMismatchException extends Exception {

    private final int hostVersion;
    private final int mcuVersion;

    public VersionMismatchException(int hostVersion, int mcuVersion) {
        super("protocol version mismatch: host speaks " + hostVersion + ", MCU speaks " + mcuVersion
                + "; update the firmware or the host so that both speak the same version");
        this.hostVersion = hostVersion;
        this.mcuVersion = mcuVersion;
    }

    /** The version the host speaks. */
    public int hostVersion() {
        return hostVersion;
    }

    /** The version the MCU announced. */
    public int mcuVersion() {
        return mcuVersion;
    }
}
