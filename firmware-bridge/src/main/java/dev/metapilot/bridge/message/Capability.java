package dev.metapilot.bridge.message;

/** What an MCU has, as bits of the {@link Hello#capabilities()} mask. */
public enum Capability {
    /** Wheel encoders: the tick counts in SENSOR_STATE are live. */
    ENCODERS(0),
    /** An IMU: gyro and accelerometer in SENSOR_STATE are live. */
    IMU(1),
    /** A hardware e-stop input wired to the MCU. */
    ESTOP_INPUT(2);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    /** This capability's bit in the mask. */
    public int mask() {
        return 1 << bit;
    }

    /** The mask with the bits of {@code capabilities} set. */
    public static int maskOf(Capability... capabilities) {
        int mask = 0;
        for (Capability c : capabilities) {
            mask |= c.mask();
        }
        return mask;
    }
}
