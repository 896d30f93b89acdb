package dev.metapilot.bandit;

/**
 * A baseline whose next arm the bandit environment shows in its privileged features (the {@code expert} option): a
 * function of the trial's pulls so far, so a policy with memory can always make the same choice.
 *
 * <p>
 * Implementations are thread-safe: one instance serves every environment of a factory, on trainer threads.
 */
interface BanditExpert {

    /** The option value that selects this expert: the baseline's name. */
    String name();

    /** The arm this expert pulls next, given the trial's pulls so far. */
    int nextArm(ArmCounts counts);
}
