package dev.metapilot.agent.realtime;

/**
 * Magnitudes of timing errors in microseconds, counted in 1 µs buckets up to {@link #RANGE_US} (larger ones share an
 * overflow bucket; the exact maximum is kept), for percentiles without storing samples or allocating per record. Owned
 * by one loop thread; read after the loop stopped or on the same thread.
 */
public final class JitterHistogram {

    /** Values at or above this many microseconds go to the overflow bucket. */
    public static final int RANGE_US = 50_000;

    private final long[] counts = new long[RANGE_US + 1];
    private long total;
    private long maxNanos;

    /** Records {@code |errorNanos|}. */
    public void record(long errorNanos) {
        long magnitude = Math.abs(errorNanos);
        counts[(int) Math.min(RANGE_US, magnitude / 1000)]++;
        total++;
        maxNanos = Math.max(maxNanos, magnitude);
    }

    /** Adds every record of {@code other}. */
    public void addAll(JitterHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxNanos = Math.max(maxNanos, other.maxNanos);
    }

    /** Forgets every record. */
    public void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        maxNanos = 0;
    }

    /** Records so far. */
    public long count() {
        return total;
    }

    /** The largest magnitude recorded, µs (0 when empty). */
    public double maxMicros() {
        return maxNanos / 1000.0;
    }

    /**
     * The {@code q}-quantile (0 to 1) in µs, to the bucket (the lower edge: a value is reported as the whole
     * microseconds below it); the maximum for the overflow bucket; 0 when empty.
     */
    public double quantileMicros(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < RANGE_US; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return maxMicros();
    }
}
