package dev.metapilot.bridge.frame;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker 1999): removes every 0x00 from a frame so that 0x00 can delimit
 * frames on the wire.
 *
 * <p>
 * Stateless and allocation-free; called by {@link FrameEncoder} and {@link FrameDecoder} on whichever thread owns them.
 */
public final class Cobs {

    private Cobs() {}

    /** The largest encoding of {@code length} bytes: one code byte per started run of 254 bytes, at least one. */
    public static int maxEncodedLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        return length + length / 254 + 1;
    }

    /**
     * Encodes {@code src[srcOff, srcOff + length)} into {@code dst} at {@code dstOff}, as the reference algorithm does:
     * a block that reaches 254 data bytes gets code 0xFF and a new block starts only if input remains (so 254 non-zero
     * bytes encode to {@code FF <254 bytes>}). Writes no delimiter.
     *
     * @return the number of bytes written, at most {@link #maxEncodedLength(int)}
     */
    public static int encode(byte[] src, int srcOff, int length, byte[] dst, int dstOff) {
        int codeIndex = dstOff;
        int out = dstOff + 1;
        int code = 1;
        for (int i = srcOff, end = srcOff + length; i < end; i++) {
            byte b = src[i];
            if (b == 0) {
                dst[codeIndex] = (byte) code;
                codeIndex = out++;
                code = 1;
            } else {
                dst[out++] = b;
                code++;
                if (code == 0xFF) {
                    dst[codeIndex] = (byte) code;
                    if (i + 1 == end) {
                        return out - dstOff;
                    }
                    codeIndex = out++;
                    code = 1;
                }
            }
        }
        dst[codeIndex] = (byte) code;
        return out - dstOff;
    }

    /**
     * Decodes {@code src[srcOff, srcOff + length)} (one frame without its delimiter) into {@code dst} at
     * {@code dstOff}, writing at most {@code dstCapacity} bytes; accepts a full block at the end with or without a
     * following {@code 01}.
     *
     * @return the decoded length, or -1 when the input is not valid COBS (a 0x00 byte, a block running past the end) or
     * does not fit
     */
    public static int decode(byte[] src, int srcOff, int length, byte[] dst, int dstOff, int dstCapacity) {
        int in = srcOff;
        int end = srcOff + length;
        int out = 0;
        while (in < end) {
            int code = src[in++] & 0xFF;
            if (code == 0) {
                return -1;
            }
            int run = code - 1;
            if (run > end - in || out + run > dstCapacity) {
                return -1;
            }
            for (int k = 0; k < run; k++) {
                byte b = src[in++];
                if (b == 0) {
                    return -1;
                }
                dst[dstOff + out++] = b;
            }
            if (code != 0xFF && in < end) {
                if (out == dstCapacity) {
                    return -1;
                }
                dst[dstOff + out++] = 0;
            }
        }
        return out;
    }
}
