package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.FaultCounts;
import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameDecoder;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.MessageType;
import java.util.Objects;

/**
 * Turns received bytes into messages for one side of the link: frames are checked by a {@link FrameDecoder}, payloads
 * by {@link MessageCodec}, directions by the receiver's {@link Role}; motor commands and sensor states go to the
 * handler in reused mutable twins, everything else as records. Counts accepted, rejected and lost frames (gaps in the
 * peer's sequence numbers).
 *
 * <p>
 * Not thread-safe: one per receiving thread; the handler is called on that thread.
 */
public final class MessageReader {

    /** Receives messages from a {@link MessageReader}, on the thread that feeds it. */
    public interface Handler {

        /** A HELLO, HEARTBEAT, ACK, ESTOP or FAULT. */
        void onMessage(Frame frame, Message message);

        /** A MOTOR_COMMAND (MCU side); {@code command} is reused after this call. */
        default void onMotorCommand(Frame frame, MotorSetpoint command) {
            onMessage(frame, command.toCommand());
        }

        /** A SENSOR_STATE (host side); {@code sample} is reused after this call. */
        default void onSensorState(Frame frame, SensorSample sample) {
            onMessage(frame, sample.toState());
        }

        /** A rejected frame. */
        void onReject(FrameFault fault);
    }

    private final Role receiver;
    private final Handler handler;
    private final FrameDecoder decoder;
    private final Sink sink = new Sink();
    private final MotorSetpoint command = new MotorSetpoint();
    private final SensorSample sample = new SensorSample();
    private final FaultCounts rejected = new FaultCounts();
    private long accepted;
    private long lost;
    private int expectedSeq = -1;

    /** A reader for the {@code receiver} side, accepting protocol {@code version}. */
    public MessageReader(Role receiver, int version, Handler handler) {
        this.receiver = Objects.requireNonNull(receiver, "receiver is null");
        this.handler = Objects.requireNonNull(handler, "handler is null");
        this.decoder = new FrameDecoder(version);
    }

    /** Feeds received bytes; calls the handler for each message or rejected frame. */
    public void accept(byte[] bytes, int offset, int length) {
        decoder.accept(bytes, offset, length, sink);
    }

    /** Forgets a partial frame and the peer's sequence numbering (on a new connection or handshake). */
    public void reset() {
        decoder.reset();
        expectedSeq = -1;
    }

    /** Messages delivered so far. */
    public long accepted() {
        return accepted;
    }

    /** Frames rejected so far for {@code fault}. */
    public long rejected(FrameFault fault) {
        return rejected.get(fault);
    }

    /** Frames rejected so far, all faults together. */
    public long rejectedTotal() {
        return rejected.total();
    }

    /** Frames the peer numbered but that never arrived intact (sequence gaps). */
    public long lost() {
        return lost;
    }

    private final class Sink implements FrameDecoder.Sink {

        @Override
        public void onFrame(Frame frame) {
            MessageType type = frame.type();
            if (receiver == Role.MCU ? !type.sentByHost() : !type.sentByMcu()) {
                onReject(FrameFault.WRONG_DIRECTION);
                return;
            }
            boolean ok;
            if (type == MessageType.MOTOR_COMMAND) {
                ok = MessageCodec.readMotorCommand(frame, command);
                if (ok) {
                    count(frame);
                    handler.onMotorCommand(frame, command);
                }
            } else if (type == MessageType.SENSOR_STATE) {
                ok = MessageCodec.readSensorState(frame, sample);
                if (ok) {
                    count(frame);
                    handler.onSensorState(frame, sample);
                }
            } else {
                Message message = MessageCodec.read(frame);
                ok = message != null;
                if (ok) {
                    if (type == MessageType.HELLO) {
                        expectedSeq = -1;
                    }
                    count(frame);
                    handler.onMessage(frame, message);
                }
            }
            if (!ok) {
                onReject(FrameFault.BAD_PAYLOAD);
            }
        }

        @Override
        public void onReject(FrameFault fault) {
            rejected.count(fault);
            handler.onReject(fault);
        }

        private void count(Frame frame) {
            int seq = frame.seq();
            if (expectedSeq >= 0) {
                int gap = (seq - expectedSeq) & 0xFFFF;
                if (gap < 0x8000) {
                    lost += gap;
                }
            }
            expectedSeq = (seq + 1) & 0xFFFF;
            accepted++;
        }
    }
}
