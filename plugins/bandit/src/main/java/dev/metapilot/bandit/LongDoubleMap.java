package dev.metapilot.bandit;

/**
 * A fixed-capacity open-addressing hash map from positive {@code long} keys to {@code double} values, for the
 * belief-state values of {@link BeliefValueTable} (a boxed map would take ten times the memory).
 *
 * <p>
 * Filled on one thread, then only read; not thread-safe while being filled.
 */
final class LongDoubleMap {

    private final long[] keys;
    private final double[] values;
    private final int mask;
    private int size;

    /** A map for at most {@code maxEntries} entries, kept at most half full. */
    LongDoubleMap(long maxEntries) {
        long capacity = Long.highestOneBit(Math.max(4, maxEntries * 2 - 1)) << 1;
        if (capacity > (1 << 30)) {
            throw new IllegalArgumentException("too many entries for one map: " + maxEntries);
        }
        this.keys = new long[(int) capacity];
        this.values = new double[(int) capacity];
        this.mask = (int) capacity - 1;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 33) & mask;
    }

    /** The value of {@code key}, or NaN when absent. */
    double get(long key) {
        for (int i = slot(key);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return Double.NaN;
            }
        }
    }

    /**
     * Stores {@code value} under {@code key}.
     *
     * @throws IllegalArgumentException for a key that is not positive
     * @throws IllegalStateException when the map is half full
     */
    void put(long key, double value) {
        if (key <= 0) {
            throw new IllegalArgumentException("keys must be positive, got " + key);
        }
        for (int i = slot(key);; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == 0) {
                if (2L * (size + 1) > keys.length) {
                    throw new IllegalStateException("map is full at " + size + " entries");
                }
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    int size() {
        return size;
    }
}
