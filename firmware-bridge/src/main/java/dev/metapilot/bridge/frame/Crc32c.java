package dev.metapilot.bridge.frame;

/**
 * CRC-32C (Castagnoli): polynomial 0x1EDC6F41, reflected input and output, initial value and final XOR 0xFFFFFFFF; the
 * check value of ASCII {@code "123456789"} is 0xE3069283.
 *
 * <p>
 * Table-driven, stateless and allocation-free; called by the frame codec on any thread.
 */
public final class Crc32c {

    /** CRC-32C of ASCII {@code "123456789"}. */
    public static final int CHECK = 0xE3069283;

    private static final int REFLECTED_POLYNOMIAL = 0x82F63B78;
    private static final int[] TABLE = table();

    private Crc32c() {}

    /** The CRC-32C of {@code bytes[offset, offset + length)}. */
    public static int compute(byte[] bytes, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
        }
        return ~crc;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ REFLECTED_POLYNOMIAL : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
