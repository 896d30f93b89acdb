package dev.metapilot.sim.train;

/**
 * Generalised advantage estimation over whole RL² trials: only a trial end is terminal (an episode end inside a trial
 * is not, so the return flows on into the next episode of the same task), and a rollout that stops inside a trial is
 * bootstrapped with the value of the input after its last step. With episodic returns the caller passes the episode
 * ends as the terminal steps instead. Pure function over time-major arrays; called on the trainer's main thread.
 */
final class Gae {

    private Gae() {}

    /**
     * Fills {@code advantages} and {@code returns} ({@code advantage + value}) for T steps of N environments.
     *
     * @param rewards {@code [T, N]}
     * @param values {@code [T, N]} the value of each step's input
     * @param trialEnd {@code [T, N]} the step is terminal: it ended a trial (or, with episodic returns, an episode)
     * @param bootstrap {@code [N]} the value after step T-1 (ignored where that step ended a trial)
     */
    static void compute(float[] rewards, float[] values, boolean[] trialEnd, float[] bootstrap, int steps, int envs,
            double gamma, double lambda, float[] advantages, float[] returns) {
        for (int i = 0; i < envs; i++) {
            double next = 0;
            double nextValue = bootstrap[i];
            for (int t = steps - 1; t >= 0; t--) {
                int k = t * envs + i;
                double continues = trialEnd[k] ? 0 : 1;
                double delta = rewards[k] + gamma * nextValue * continues - values[k];
                next = delta + gamma * lambda * continues * next;
                advantages[k] = (float) next;
                returns[k] = (float) (next + values[k]);
                nextValue = values[k];
            }
        }
    }

    /** Shifts and scales {@code advantages} to mean 0 and standard deviation 1 (population, plus 1e-8). */
    static void normalise(float[] advantages) {
        double mean = 0;
        for (float a : advantages) {
            mean += a;
        }
        mean /= advantages.length;
        double var = 0;
        for (float a : advantages) {
            var += (a - mean) * (a - mean);
        }
        double scale = 1 / (Math.sqrt(var / advantages.length) + 1e-8);
        for (int k = 0; k < advantages.length; k++) {
            advantages[k] = (float) ((advantages[k] - mean) * scale);
        }
    }
}
