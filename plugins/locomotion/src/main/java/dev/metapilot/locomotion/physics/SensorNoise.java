package dev.metapilot.locomotion.physics;

/**
 * Seeded Gaussian and uniform draws without allocation (SplitMix64 and the Marsaglia polar method), for sensor noise
 * that a {@code reset(seed)} can restart.
 *
 * <p>
 * Owned by one {@link RobotSensors}; not thread-safe.
 */
final class SensorNoise {

    private long state;
    private double spare;
    private boolean hasSpare;

    /** Restarts the sequence at {@code seed}. */
    void reseed(long seed) {
        state = seed;
        hasSpare = false;
    }

    /** Uniform in {@code [0, 1)}. */
    double uniform() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal. */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * scale;
        hasSpare = true;
        return u * scale;
    }

    private long next() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
