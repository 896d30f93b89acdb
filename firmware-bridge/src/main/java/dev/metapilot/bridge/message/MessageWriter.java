package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.FrameEncoder;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.frame.MessageType;
import java.util.Objects;

/**
 * Encodes messages into complete wire frames in a caller-owned buffer, numbering them with a 16-bit sequence number
 * that wraps; the motor-command and sensor-state methods allocate nothing.
 *
 * <p>
 * Not thread-safe: each sending side keeps one writer and serialises its sends (the host link under its send lock, the
 * MCU loop on its own thread).
 */
public final class MessageWriter {

    private final FrameEncoder encoder;
    private int nextSeq;
    private int lastSeq = -1;

    /** A writer stamping {@code version} into every frame, starting at sequence number 0. */
    public MessageWriter(int version) {
        this.encoder = new FrameEncoder(version);
    }

    /** The protocol version this writer stamps. */
    public int version() {
        return encoder.version();
    }

    /** The sequence number of the last frame encoded, or -1 before the first. */
    public int lastSeq() {
        return lastSeq;
    }

    /**
     * Encodes {@code message} into {@code out} at {@code off} (which needs {@link FrameFormat#MAX_WIRE} bytes).
     *
     * @return the bytes written, delimiter included
     */
    public int encode(Message message, byte[] out, int off) {
        Objects.requireNonNull(message, "message is null");
        if (message instanceof Hello h && h.protocolVersion() != encoder.version()) {
            throw new IllegalArgumentException("HELLO says protocol version " + h.protocolVersion()
                    + " but this writer speaks version " + encoder.version());
        }
        int length = MessageCodec.write(message, encoder.payload(), FrameFormat.HEADER_SIZE);
        return finish(message.type(), length, out, off);
    }

    /** Encodes a MOTOR_COMMAND without allocating; see {@link MessageCodec#writeMotorCommand}. */
    public int encodeMotorCommand(float left, float right, int ttlMs, byte[] out, int off) {
        MessageCodec.writeMotorCommand(left, right, ttlMs, encoder.payload(), FrameFormat.HEADER_SIZE);
        return finish(MessageType.MOTOR_COMMAND, MessageType.MOTOR_COMMAND.payloadSize(), out, off);
    }

    /** Encodes a SENSOR_STATE from {@code sample} without allocating. */
    public int encodeSensorState(SensorSample sample, byte[] out, int off) {
        MessageCodec.writeSensorState(sample, encoder.payload(), FrameFormat.HEADER_SIZE);
        return finish(MessageType.SENSOR_STATE, MessageType.SENSOR_STATE.payloadSize(), out, off);
    }

    private int finish(MessageType type, int length, byte[] out, int off) {
        int seq = nextSeq;
        nextSeq = (nextSeq + 1) & 0xFFFF;
        int n = encoder.encode(type, seq, length, out, off);
        lastSeq = seq;
        return n;
    }
}
