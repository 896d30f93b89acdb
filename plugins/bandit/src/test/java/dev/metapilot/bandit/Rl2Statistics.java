package dev.metapilot.bandit;

import dev.metapilot.env.testing.TrialHarness;

/**
 * Means and standard errors of per-trial returns, and the tolerance used to compare them with a published figure;
 * shared by the bandit and tabular-MDP tests.
 */
public final class Rl2Statistics {

    /** The paper prints one decimal. */
    public static final double ROUNDING = 0.05;

    private Rl2Statistics() {}

    /** Total reward of each trial. */
    public static double[] trialReturns(TrialHarness.Results results) {
        double[] out = new double[results.returns().length];
        for (int t = 0; t < out.length; t++) {
            for (double r : results.returns()[t]) {
                out[t] += r;
            }
        }
        return out;
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Standard error of the mean. */
    public static double standardError(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1) / x.length);
    }

    /** Per-trial differences {@code a[i] - b[i]} (same tasks and seeds). */
    public static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /**
     * How far our mean may lie from a published one: three standard errors of the difference of two independent
     * 1000-trial means (ours, and the paper's, whose spread we take to be ours: {@code √2 · SE}), plus the paper's
     * rounding to one decimal.
     */
    public static double tolerance(double[] ours) {
        return 3 * Math.sqrt(2) * standardError(ours) + ROUNDING;
    }
}
