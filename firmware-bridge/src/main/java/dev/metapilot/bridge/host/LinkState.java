package dev.metapilot.bridge.host;

/** Where a {@link BridgeLink} is in its life; read from any thread with {@link BridgeLink#state()}. */
public enum LinkState {
    /** Built, not started. */
    NEW,
    /** Opening the transport. */
    CONNECTING,
    /** Transport open, waiting for the MCU's HELLO. */
    HANDSHAKING,
    /** Handshake done: commands go out, sensors come in. */
    UP,
    /** Waiting before the next connection attempt. */
    BACKING_OFF,
    /** The MCU speaks another protocol version; the link gave up (see {@link VersionMismatchException}). */
    FAILED,
    /** Closed by its owner. */
    CLOSED
}
