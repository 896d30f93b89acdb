package dev.metapilot.bridge.frame;

import java.util.Objects;

/**
 * Splits a byte stream into frames at 0x00 delimiters and checks each (COBS, length, CRC-32C, version, type, payload
 * size); every bad frame is counted and reported as a {@link FrameFault} and the decoder carries on at the next
 * delimiter, whatever the input. Constant memory, no allocation, no exceptions on any input.
 *
 * <p>
 * Not thread-safe: one decoder per receiving thread (the link's reader thread on the host, the MCU loop).
 */
public final class FrameDecoder {

    /** Receives what the decoder finds, on the thread that called {@link #accept}. */
    public interface Sink {

        /** A valid frame; the view is valid only during this call. */
        void onFrame(Frame frame);

        /** A rejected frame (or a run of bytes too long to be one). */
        void onReject(FrameFault fault);
    }

    private final int version;
    private final byte[] encoded = new byte[FrameFormat.MAX_ENCODED];
    private final Frame frame = new Frame();
    private final FaultCounts rejected = new FaultCounts();
    private int fill;
    private boolean skipping;
    private long frames;

    /**
     * A decoder that accepts frames of protocol {@code version}, and HELLO frames of any version (their layout is
     * frozen so that a version mismatch can be reported rather than dropped).
     */
    public FrameDecoder(int version) {
        if (version < 1 || version > 255) {
            throw new IllegalArgumentException("version must be in [1, 255], got " + version);
        }
        this.version = version;
    }

    /** Feeds {@code length} received bytes; calls {@code sink} for each complete frame or fault. */
    public void accept(byte[] bytes, int offset, int length, Sink sink) {
        Objects.requireNonNull(sink, "sink is null");
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = bytes[i];
            if (b == FrameFormat.DELIMITER) {
                if (!skipping && fill > 0) {
                    decode(sink);
                }
                skipping = false;
                fill = 0;
            } else if (!skipping) {
                if (fill == encoded.length) {
                    skipping = true;
                    reject(FrameFault.OVERSIZED, sink);
                } else {
                    encoded[fill++] = b;
                }
            }
        }
    }

    /** Forgets a partly received frame (after a reconnect, say). */
    public void reset() {
        fill = 0;
        skipping = false;
    }

    /** Frames accepted so far. */
    public long frames() {
        return frames;
    }

    /** Frames rejected so far for {@code fault}. */
    public long rejected(FrameFault fault) {
        return rejected.get(fault);
    }

    /** Frames rejected so far, all faults together. */
    public long rejectedTotal() {
        return rejected.total();
    }

    private void decode(Sink sink) {
        byte[] raw = frame.buffer();
        int n = Cobs.decode(encoded, 0, fill, raw, 0, raw.length);
        if (n < 0) {
            reject(FrameFault.BAD_COBS, sink);
            return;
        }
        if (n < FrameFormat.HEADER_SIZE + FrameFormat.CRC_SIZE) {
            reject(FrameFault.TOO_SHORT, sink);
            return;
        }
        int crcAt = n - FrameFormat.CRC_SIZE;
        if (LittleEndian.i32(raw, crcAt) != Crc32c.compute(raw, 0, crcAt)) {
            reject(FrameFault.BAD_CRC, sink);
            return;
        }
        int payloadLength = LittleEndian.u8(raw, FrameFormat.LENGTH_OFFSET);
        if (payloadLength != crcAt - FrameFormat.HEADER_SIZE) {
            reject(FrameFault.BAD_LENGTH, sink);
            return;
        }
        MessageType type = MessageType.byId(LittleEndian.u8(raw, FrameFormat.TYPE_OFFSET));
        if (LittleEndian.u8(raw, FrameFormat.VERSION_OFFSET) != version && type != MessageType.HELLO) {
            reject(FrameFault.UNSUPPORTED_VERSION, sink);
            return;
        }
        if (type == null) {
            reject(FrameFault.UNKNOWN_TYPE, sink);
            return;
        }
        if (payloadLength != type.payloadSize()) {
            reject(FrameFault.BAD_LENGTH, sink);
            return;
        }
        frame.set(n, type);
        frames++;
        sink.onFrame(frame);
    }

    private void reject(FrameFault fault, Sink sink) {
        rejected.count(fault);
        sink.onReject(fault);
    }
}
