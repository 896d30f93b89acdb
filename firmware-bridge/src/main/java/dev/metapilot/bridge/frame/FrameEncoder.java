package dev.metapilot.bridge.frame;

import java.util.Objects;

/**
 * Turns a payload into a frame on the wire: header, payload, CRC-32C, COBS, 0x00 delimiter, written into a caller-owned
 * buffer without allocating.
 *
 * <p>
 * The caller writes the payload into {@link #payload()} from offset {@link FrameFormat#HEADER_SIZE}, then calls
 * {@link #encode}. Not thread-safe: one encoder per sending thread, or the caller's lock around both steps.
 */
public final class FrameEncoder {

    private final int version;
    private final byte[] raw = new byte[FrameFormat.MAX_FRAME];

    /** An encoder that stamps {@code version} (1 to 255) into every header. */
    public FrameEncoder(int version) {
        if (version < 1 || version > 255) {
            throw new IllegalArgumentException("version must be in [1, 255], got " + version);
        }
        this.version = version;
    }

    /** The protocol version stamped into every frame. */
    public int version() {
        return version;
    }

    /** The frame buffer; the payload goes at offset {@link FrameFormat#HEADER_SIZE}. */
    public byte[] payload() {
        return raw;
    }

    /**
     * Completes the frame whose payload of {@code payloadLength} bytes is in {@link #payload()} and writes it,
     * COBS-encoded and followed by the delimiter, to {@code out} at {@code outOff}.
     *
     * @return the bytes written to {@code out}, at most {@link FrameFormat#MAX_WIRE}
     */
    public int encode(MessageType type, int seq, int payloadLength, byte[] out, int outOff) {
        Objects.requireNonNull(type, "type is null");
        if (payloadLength < 0 || payloadLength > FrameFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payloadLength must be in [0, " + FrameFormat.MAX_PAYLOAD + "], got "
                    + payloadLength);
        }
        if (out.length - outOff < FrameFormat.MAX_WIRE) {
            throw new IllegalArgumentException("out needs " + FrameFormat.MAX_WIRE + " bytes from offset " + outOff
                    + ", has " + (out.length - outOff));
        }
        LittleEndian.put8(raw, FrameFormat.VERSION_OFFSET, version);
        LittleEndian.put8(raw, FrameFormat.TYPE_OFFSET, type.id());
        LittleEndian.put16(raw, FrameFormat.SEQ_OFFSET, seq);
        LittleEndian.put8(raw, FrameFormat.LENGTH_OFFSET, payloadLength);
        int crcAt = FrameFormat.HEADER_SIZE + payloadLength;
        LittleEndian.put32(raw, crcAt, Crc32c.compute(raw, 0, crcAt));
        int n = Cobs.encode(raw, 0, crcAt + FrameFormat.CRC_SIZE, out, outOff);
        out[outOff + n] = FrameFormat.DELIMITER;
        return n + 1;
    }
}
