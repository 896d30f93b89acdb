package dev.metapilot.sim.train;

import dev.metapilot.env.Action;

/**
 * Draws the rollouts' actions from the network's heads in Java, with each environment's own stream, and returns their
 * log-probabilities (the "old" log-probabilities of the PPO ratio): a categorical over logits for Discrete actions, a
 * diagonal Gaussian with the state-independent {@code log_std} for Box actions. Pure functions; called by the
 * environment workers, each on its own environments.
 */
final class ActionSampling {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private ActionSampling() {}

    /**
     * Samples an index from {@code softmax(logits[offset .. offset+n))} (maximum subtracted) into {@code out}.
     *
     * @return the log-probability of the sampled index
     */
    static float categorical(float[] logits, int offset, int n, SplitMix64 random, Action out) {
        float max = logits[offset];
        for (int i = 1; i < n; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits[offset + i] - max);
        }
        double u = random.nextDouble() * sum;
        int chosen = n - 1;
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += Math.exp(logits[offset + i] - max);
            if (u < cumulative) {
                chosen = i;
                break;
            }
        }
        out.setIndex(chosen);
        return (float) (logits[offset + chosen] - max - Math.log(sum));
    }

    /**
     * Samples {@code mean + exp(logStd) * N(0, 1)} per dimension into {@code raw[rawOffset ..]} and into {@code out}.
     *
     * @return the log-density of the sample
     */
    static float gaussian(float[] means, int offset, float[] logStd, SplitMix64 random, float[] raw, int rawOffset,
            Action out) {
        double logProb = 0;
        float[] values = out.values();
        for (int d = 0; d < logStd.length; d++) {
            double z = random.nextGaussian();
            float a = (float) (means[offset + d] + Math.exp(logStd[d]) * z);
            raw[rawOffset + d] = a;
            values[d] = a;
            double std = Math.exp(logStd[d]);
            double zActual = (a - means[offset + d]) / std;
            logProb += -0.5 * zActual * zActual - logStd[d] - HALF_LOG_TWO_PI;
        }
        return (float) logProb;
    }
}
