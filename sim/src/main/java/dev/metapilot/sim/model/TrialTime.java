package dev.metapilot.sim.model;

/**
 * Where a step sits in its trial, as the time-aware critic sees it: with {@code s} the fraction of the episode's step
 * limit used so far and {@code tau = (episode + s) / episodes} the fraction of the trial's,
 *
 * <pre>
 *  0  tau
 *  1  tau²
 *  2  s
 * </pre>
 *
 * <p>
 * All three are 0 at a trial's first step, so the time-aware critic's extra term vanishes there and the value the
 * exported graph computes (which does not see time) is the critic's value at the trial start. A return that depends on
 * how many steps are left — a bandit's 100 pulls, a trial of several episodes — is otherwise something the GRU must
 * count out (Pardo et al., <i>Time Limits in Reinforcement Learning</i>, ICML 2018). Constants and a pure function.
 */
public final class TrialTime {

    /** Number of time features. */
    public static final int FEATURES = 3;

    private TrialTime() {}

    /**
     * Writes the features of a step taken after {@code episodeSteps} steps of episode {@code episode} (from 0) into
     * {@code out[offset..offset+FEATURES)}.
     *
     * @param episodes episodes per trial
     * @param maxEpisodeSteps the episode's step limit
     */
    public static void write(int episode, int episodes, int episodeSteps, int maxEpisodeSteps, float[] out,
            int offset) {
        double s = Math.min(1.0, (double) episodeSteps / maxEpisodeSteps);
        double tau = Math.min(1.0, (episode + s) / episodes);
        out[offset] = (float) tau;
        out[offset + 1] = (float) (tau * tau);
        out[offset + 2] = (float) s;
    }
}
