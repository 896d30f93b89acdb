package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;
import java.util.Objects;

/**
 * Acknowledges one frame: the MCU acks every ESTOP request, the host acks every ESTOP notification and FAULT.
 *
 * @param ackedSeq the sequence number of the acknowledged frame
 * @param ackedType its type
 * @param result whether the request was carried out
 */
public record Ack(int ackedSeq, MessageType ackedType, Result result) implements Message {

    /** What became of an acknowledged request. */
    public enum Result {
        /** Done (or nothing needed doing). */
        OK(0),
        /** Not done: an e-stop release while the e-stop button is still pressed, say. */
        REFUSED(1);

        private final int code;

        Result(int code) {
            this.code = code;
        }

        /** The byte on the wire. */
        public int code() {
            return code;
        }

        /** The result with wire code {@code code}, or {@code null}. */
        public static Result of(int code) {
            return code == 0 ? OK : code == 1 ? REFUSED : null;
        }
    }

    public Ack {
        Ranges.check("ackedSeq", ackedSeq, 0, 0xFFFF);
        Objects.requireNonNull(ackedType, "ackedType is null");
        Objects.requireNonNull(result, "result is null");
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
