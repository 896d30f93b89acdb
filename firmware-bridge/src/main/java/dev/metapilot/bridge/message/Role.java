package dev.metapilot.bridge.message;

/** Which end of the link sent a HELLO: the host computer or the motor MCU. */
public enum Role {
    /** The computer running the agent. */
    HOST(1),
    /** The motor microcontroller (or its emulator). */
    MCU(2);

    private final int code;

    Role(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The role with wire code {@code code}, or {@code null}. */
    public static Role of(int code) {
        for (Role r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return null;
    }
}
