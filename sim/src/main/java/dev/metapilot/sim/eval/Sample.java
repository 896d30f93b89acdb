package dev.metapilot.sim.eval;

import dev.metapilot.agent.trial.EpisodeStats.Estimate;

/**
 * Running mean and variance of one quantity over trials (Welford), reported as a mean with a 95% confidence half-width
 * from the normal approximation, the same as the agent's {@code run} table. One thread.
 */
final class Sample {

    private static final double Z95 = 1.959964;

    private int n;
    private double mean;
    private double m2;

    /** Adds {@code x}; NaN (a missing value) is skipped. */
    void add(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
    }

    /** Mean and 95% half-width; NaN mean when nothing was added, half-width 0 below two values. */
    Estimate estimate() {
        if (n == 0) {
            return new Estimate(Double.NaN, 0, 0);
        }
        double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        return new Estimate(mean, n > 1 ? Z95 * sd / Math.sqrt(n) : 0, n);
    }
}
