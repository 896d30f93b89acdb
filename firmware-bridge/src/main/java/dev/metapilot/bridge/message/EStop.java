package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;
import java.util.Objects;

/**
 * The emergency stop: from the host a request to engage or release the MCU's latch (acked), from the MCU a notification
 * that the latch changed (acked by the host).
 *
 * @param engage true to engage (or: was engaged), false to release (or: was released)
 * @param source who engaged or released it
 */
public record EStop(boolean engage, Source source) implements Message {

    /** Who operated the e-stop. */
    public enum Source {
        /** Not known (a state change seen only in the status bits). */
        UNSPECIFIED(0),
        /** The host software (the agent's safety layer or an operator command). */
        HOST(1),
        /** The e-stop button wired to the MCU. */
        BUTTON(2),
        /** The MCU itself (an internal fault). */
        MCU(3);

        private final int code;

        Source(int code) {
            this.code = code;
        }

        /** The byte on the wire. */
        public int code() {
            return code;
        }

        /** The source with wire code {@code code}, or {@code null}. */
        public static Source of(int code) {
            return code >= 0 && code < values().length ? values()[code] : null;
        }
    }

    /** Action byte of an engage request or notification. */
    public static final int ENGAGE = 1;
    /** Action byte of a release request or notification. */
    public static final int RELEASE = 2;

    public EStop {
        Objects.requireNonNull(source, "source is null");
    }

    @Override
    public MessageType type() {
        return MessageType.ESTOP;
    }
}
