package dev.metapilot.agent.trial;

import dev.metapilot.agent.trial.EpisodeStats.Estimate;

/**
 * Running mean and variance of one quantity (Welford's update, stable for long runs), reported as the mean with its 95%
 * confidence half-width from the normal approximation. The one accumulator behind the {@code run}, {@code trial} and
 * {@code eval} tables. One thread.
 */
public final class RunningMean {

    /** The two-sided 95% quantile of the standard normal. */
    static final double Z95 = 1.959964;

    private int n;
    private double mean;
    private double m2;

    /** Adds one value. */
    public void add(double x) {
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
    }

    /** Mean and 95% half-width; NaN mean when nothing was added, half-width 0 below two values. */
    public Estimate estimate() {
        if (n == 0) {
            return new Estimate(Double.NaN, 0, 0);
        }
        double sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
        return new Estimate(mean, n > 1 ? Z95 * sd / Math.sqrt(n) : 0, n);
    }
}
