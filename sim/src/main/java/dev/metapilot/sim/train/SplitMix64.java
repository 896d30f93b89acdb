package dev.metapilot.sim.train;

/**
 * A SplitMix64 generator whose whole state is one {@code long}, so checkpoints can save and restore it exactly: the
 * trainer's random streams (per-environment action sampling, minibatch order) and the seed derivation of
 * {@link TrialSeeds}. Not thread-safe; each stream belongs to one thread at a time.
 */
final class SplitMix64 {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long state) {
        this.state = state;
    }

    long state() {
        return state;
    }

    void setState(long state) {
        this.state = state;
    }

    long nextLong() {
        state += GOLDEN;
        return finish(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** A standard normal draw (Box-Muller, one of the pair; two uniforms per call). */
    double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A well-mixed hash of {@code a} and {@code b}: distinct seeds for distinct (seed, stream) pairs. */
    static long mix(long a, long b) {
        return finish(finish(a + GOLDEN) ^ (b * 0xBF58476D1CE4E5B9L + GOLDEN));
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
