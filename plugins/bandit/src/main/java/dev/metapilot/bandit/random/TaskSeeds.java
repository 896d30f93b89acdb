package dev.metapilot.bandit.random;

import dev.metapilot.env.Split;
import java.util.Objects;

/**
 * Maps a {@code (split, seed)} pair to the seed of one task so that TRAIN and TEST never share one: TRAIN uses the even
 * internal seeds {@code 2·seed}, TEST the odd ones {@code 2·seed + 1} (mod 2^64), and the two sets are disjoint.
 *
 * <p>
 * Called by the task distributions of this module on any thread; stateless.
 */
public final class TaskSeeds {

    private TaskSeeds() {}

    /** The internal task seed: {@code 2·seed} for TRAIN, {@code 2·seed + 1} for TEST. */
    public static long internalSeed(Split split, long seed) {
        Objects.requireNonNull(split, "split is null");
        return 2 * seed + (split == Split.TEST ? 1 : 0);
    }

    /** A well-mixed generator seed for the task that {@code (split, seed)} names in the family {@code salt}. */
    public static long generatorSeed(long salt, Split split, long seed) {
        return SplitMix64.combine(salt, internalSeed(split, seed));
    }
}
