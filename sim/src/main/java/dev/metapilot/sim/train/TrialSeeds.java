package dev.metapilot.sim.train;

/**
 * Derives every seed of a training run from its one seed: the task of the {@code t}-th trial of environment slot
 * {@code s}, the reset seed of each episode, the action-sampling stream of each slot, the minibatch order and the
 * initial weights. Pure functions, so a resumed run draws the same tasks as an uninterrupted one; any thread.
 *
 * @param seed the run's seed
 */
record TrialSeeds(long seed) {

    private static final long TASK = 1;
    private static final long RESET = 2;
    private static final long SAMPLING = 3;
    private static final long SHUFFLE = 4;
    private static final long WEIGHTS = 5;

    /** The TRAIN task seed of trial {@code trial} of slot {@code slot}. */
    long task(int slot, long trial) {
        return SplitMix64.mix(SplitMix64.mix(stream(TASK), slot), trial);
    }

    /** The reset seed of episode {@code episode} of trial {@code trial} of slot {@code slot}. */
    long reset(int slot, long trial, int episode) {
        return SplitMix64.mix(SplitMix64.mix(SplitMix64.mix(stream(RESET), slot), trial), episode);
    }

    /** The initial state of slot {@code slot}'s action-sampling stream. */
    long sampling(int slot) {
        return SplitMix64.mix(stream(SAMPLING), slot);
    }

    /** The initial state of the minibatch-order stream. */
    long shuffle() {
        return stream(SHUFFLE);
    }

    /** The seed of the initial weights. */
    long weights() {
        return stream(WEIGHTS);
    }

    private long stream(long id) {
        return SplitMix64.mix(seed, id);
    }
}
