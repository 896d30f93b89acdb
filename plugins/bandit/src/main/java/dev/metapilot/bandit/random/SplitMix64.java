package dev.metapilot.bandit.random;

import java.util.random.RandomGenerator;

/**
 * Steele, Lea and Flood's SplitMix64 generator, re-seedable in place so that environments can seed every episode
 * without allocating.
 *
 * <p>
 * Owned by one environment or one baseline actor and used on its thread only; not thread-safe. The inherited
 * {@code nextDouble}, {@code nextInt(bound)} and {@code nextGaussian} of {@link RandomGenerator} allocate nothing.
 */
public final class SplitMix64 implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator whose stream is fixed by {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** Restarts the stream at {@code seed}; the same seed gives the same numbers again. */
    public void reseed(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /**
     * The SplitMix64 output function: a bijection of the 64-bit integers that spreads nearby inputs far apart; used to
     * derive independent seeds from structured ones.
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Mixes two values into one seed: {@code mix(a + GOLDEN * mix(b))}, order-sensitive. */
    public static long combine(long a, long b) {
        return mix(a + GOLDEN_GAMMA * mix(b));
    }
}
