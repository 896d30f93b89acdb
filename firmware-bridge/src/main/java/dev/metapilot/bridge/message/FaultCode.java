package dev.metapilot.bridge.message;

/** The fault codes protocol version 1 defines; a code it does not know reads as {@link #OTHER}. */
public enum FaultCode {
    /** A non-zero motor command outlived its time-to-live; detail: milliseconds since the last valid command. */
    TTL_EXPIRED(0x0001),
    /** A motor command arrived before any HELLO; detail: its sequence number. */
    NO_SESSION(0x0002),
    /** The MCU rejected frames since its last report; detail: how many. */
    BAD_FRAMES(0x0003),
    /** Motor driver over-current; detail: current in mA. */
    OVERCURRENT(0x0010),
    /** Supply under-voltage; detail: voltage in mV. */
    UNDERVOLTAGE(0x0011),
    /** The IMU does not answer; detail: vendor-specific. */
    IMU_FAILURE(0x0012),
    /** An encoder is implausible; detail: 1 left, 2 right, 3 both. */
    ENCODER_FAILURE(0x0013),
    /** Any other code (0x8000 and up are vendor-specific). */
    OTHER(-1);

    private final int code;

    FaultCode(int code) {
        this.code = code;
    }

    /** The 16-bit code on the wire; -1 for {@link #OTHER}. */
    public int code() {
        return code;
    }

    /** The fault with wire code {@code code}, or {@link #OTHER}. */
    public static FaultCode of(int code) {
        for (FaultCode f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return OTHER;
    }
}
