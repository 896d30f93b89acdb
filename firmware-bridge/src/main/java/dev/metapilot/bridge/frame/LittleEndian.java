package dev.metapilot.bridge.frame;

/**
 * Reads and writes the little-endian integer fields of the wire format in a byte array; stateless, any thread.
 */
public final class LittleEndian {

    private LittleEndian() {}

    /** Unsigned 8-bit value at {@code at}. */
    public static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    /** Signed 16-bit value at {@code at}. */
    public static short i16(byte[] b, int at) {
        return (short) ((b[at] & 0xFF) | (b[at + 1] << 8));
    }

    /** Unsigned 16-bit value at {@code at}. */
    public static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
    }

    /** Signed 32-bit value at {@code at} (also the bit pattern of an unsigned one). */
    public static int i32(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16) | (b[at + 3] << 24);
    }

    /** Unsigned 32-bit value at {@code at}. */
    public static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFF_FFFFL;
    }

    /** Writes the low 8 bits of {@code v} at {@code at}. */
    public static void put8(byte[] b, int at, int v) {
        b[at] = (byte) v;
    }

    /** Writes the low 16 bits of {@code v} at {@code at}. */
    public static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    /** Writes the low 32 bits of {@code v} at {@code at}. */
    public static void put32(byte[] b, int at, long v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
