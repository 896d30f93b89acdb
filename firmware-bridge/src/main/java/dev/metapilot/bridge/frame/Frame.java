package dev.metapilot.bridge.frame;

import java.util.Arrays;

/**
 * A decoded, CRC-checked frame as a view over the decoder's buffer: valid only inside
 * {@link FrameDecoder.Sink#onFrame(Frame)}, on the decoder's thread. Payload accessors take offsets relative to the
 * payload.
 */
public final class Frame {

    private final byte[] raw = new byte[FrameFormat.MAX_FRAME];
    private int length;
    private MessageType type;

    Frame() {}

    byte[] buffer() {
        return raw;
    }

    void set(int length, MessageType type) {
        this.length = length;
        this.type = type;
    }

    /** The protocol version in the header. */
    public int version() {
        return LittleEndian.u8(raw, FrameFormat.VERSION_OFFSET);
    }

    /** The message type. */
    public MessageType type() {
        return type;
    }

    /** The sender's 16-bit sequence number. */
    public int seq() {
        return LittleEndian.u16(raw, FrameFormat.SEQ_OFFSET);
    }

    /** The payload length. */
    public int payloadLength() {
        return length - FrameFormat.HEADER_SIZE - FrameFormat.CRC_SIZE;
    }

    /** The decoded frame length: header, payload and CRC. */
    public int length() {
        return length;
    }

    /** Byte {@code index} of the decoded frame (header, payload and CRC), 0 to 255. */
    public int byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside a frame of " + length + " bytes");
        }
        return raw[index] & 0xFF;
    }

    /** A copy of the decoded frame (header, payload and CRC), for tests and logs. */
    public byte[] copyBytes() {
        return Arrays.copyOf(raw, length);
    }

    /** Unsigned 8-bit payload field at {@code at}. */
    public int u8(int at) {
        return LittleEndian.u8(raw, payload(at, 1));
    }

    /** Signed 16-bit payload field at {@code at}. */
    public short i16(int at) {
        return LittleEndian.i16(raw, payload(at, 2));
    }

    /** Unsigned 16-bit payload field at {@code at}. */
    public int u16(int at) {
        return LittleEndian.u16(raw, payload(at, 2));
    }

    /** Signed 32-bit payload field at {@code at}. */
    public int i32(int at) {
        return LittleEndian.i32(raw, payload(at, 4));
    }

    /** Unsigned 32-bit payload field at {@code at}. */
    public long u32(int at) {
        return LittleEndian.u32(raw, payload(at, 4));
    }

    private int payload(int at, int size) {
        if (at < 0 || at + size > payloadLength()) {
            throw new IndexOutOfBoundsException("payload field [" + at + ", " + (at + size) + ") outside a payload of "
                    + payloadLength() + " bytes (" + type + ")");
        }
        return FrameFormat.HEADER_SIZE + at;
    }
}
