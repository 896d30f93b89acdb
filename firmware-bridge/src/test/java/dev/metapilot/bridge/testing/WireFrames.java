package dev.metapilot.bridge.testing;

import dev.metapilot.bridge.frame.Cobs;
import dev.metapilot.bridge.frame.FrameDecoder;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.message.Message;
import dev.metapilot.bridge.message.MessageWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Builds frames byte by byte, independently of the encoder (CRC from the JDK's {@link CRC32C}), including frames the
 * encoder would never produce (bad lengths, unknown types, other versions); and decodes wire bytes into lists for
 * assertions. Used on the test thread.
 */
public final class WireFrames {

    private WireFrames() {}

    /** A decoded frame: header, payload and a CRC-32C over both. */
    public static byte[] raw(int version, int type, int seq, int lengthField, byte[] payload) {
        byte[] raw = new byte[FrameFormat.HEADER_SIZE + payload.length + FrameFormat.CRC_SIZE];
        raw[0] = (byte) version;
        raw[1] = (byte) type;
        raw[2] = (byte) seq;
        raw[3] = (byte) (seq >>> 8);
        raw[4] = (byte) lengthField;
        System.arraycopy(payload, 0, raw, FrameFormat.HEADER_SIZE, payload.length);
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, raw.length - FrameFormat.CRC_SIZE);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) {
            raw[raw.length - 4 + i] = (byte) (c >>> (8 * i));
        }
        return raw;
    }

    /** A decoded frame with a correct length field. */
    public static byte[] raw(int version, int type, int seq, byte[] payload) {
        return raw(version, type, seq, payload.length, payload);
    }

    /** {@code raw} COBS-encoded and followed by the delimiter. */
    public static byte[] wire(byte[] raw) {
        byte[] out = new byte[Cobs.maxEncodedLength(raw.length) + 1];
        int n = Cobs.encode(raw, 0, raw.length, out, 0);
        out[n] = 0;
        return Arrays.copyOf(out, n + 1);
    }

    /** {@code message} as the library's writer puts it on the wire, as the next frame of {@code writer}. */
    public static byte[] wire(MessageWriter writer, Message message) {
        byte[] out = new byte[FrameFormat.MAX_WIRE];
        return Arrays.copyOf(out, writer.encode(message, out, 0));
    }

    /** The parts concatenated. */
    public static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** What a decoder made of some bytes: the frames it accepted (decoded bytes) and the faults it reported. */
    public record Decoded(List<byte[]> frames, List<FrameFault> faults) {}

    /** Feeds {@code bytes} to {@code decoder} and collects what comes out. */
    public static Decoded decode(FrameDecoder decoder, byte[] bytes) {
        List<byte[]> frames = new ArrayList<>();
        List<FrameFault> faults = new ArrayList<>();
        decoder.accept(bytes, 0, bytes.length, new FrameDecoder.Sink() {
            @Override
            public void onFrame(dev.metapilot.bridge.frame.Frame frame) {
                frames.add(frame.copyBytes());
            }

            @Override
            public void onReject(FrameFault fault) {
                faults.add(fault);
            }
        });
        return new Decoded(frames, faults);
    }
}
