package dev.metapilot.sim.train;

import dev.metapilot.sim.model.ObservationNormalization;
import java.util.Arrays;

/**
 * Running per-feature mean and variance of every observation the rollouts collected (Chan et al.'s parallel update of
 * Welford's algorithm, in double), turned into the float32 {@link ObservationNormalization} of the next rollout and of
 * the exported graph. Updated once per rollout on the trainer's main thread, in a fixed order, so it is reproducible;
 * saved in checkpoints.
 */
final class ObservationStats {

    private final int features;
    private long count;
    private final double[] mean;
    private final double[] m2;

    ObservationStats(int features) {
        this.features = features;
        this.mean = new double[features];
        this.m2 = new double[features];
    }

    /** Restores saved statistics. */
    ObservationStats(long count, double[] mean, double[] m2) {
        if (mean.length != m2.length || count < 0) {
            throw new IllegalArgumentException("inconsistent statistics: " + count + " rows, " + mean.length
                    + " means, " + m2.length + " squared deviations");
        }
        this.features = mean.length;
        this.count = count;
        this.mean = mean.clone();
        this.m2 = m2.clone();
    }

    /**
     * Statistics of {@code count} rows whose {@link #normalization} is exactly {@code n} (an exported policy's, to
     * continue training it): the mean as given, the variance {@code 1 / invStd² - eps} (0 where that is below 0).
     */
    static ObservationStats giving(ObservationNormalization n, long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        float[] m = n.mean();
        float[] inv = n.invStd();
        double[] mean = new double[m.length];
        double[] m2 = new double[m.length];
        for (int f = 0; f < m.length; f++) {
            if (!(inv[f] > 0) || !Float.isFinite(inv[f]) || !Float.isFinite(m[f])) {
                throw new IllegalArgumentException("feature " + f + " has mean " + m[f] + " and inverse std " + inv[f]
                        + ": not a normalisation");
            }
            double inverse = inv[f];
            mean[f] = m[f];
            m2[f] = Math.max(0, 1 / (inverse * inverse) - TrainConfig.OBSERVATION_EPSILON) * count;
        }
        return new ObservationStats(count, mean, m2);
    }

    /** Adds {@code rows} rows of {@code features} values from {@code values}, starting at index 0. */
    void add(float[] values, int rows) {
        if (rows == 0) {
            return;
        }
        double[] batchMean = new double[features];
        double[] batchM2 = new double[features];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                batchMean[f] += values[r * features + f];
            }
        }
        for (int f = 0; f < features; f++) {
            batchMean[f] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                double d = values[r * features + f] - batchMean[f];
                batchM2[f] += d * d;
            }
        }
        long total = count + rows;
        for (int f = 0; f < features; f++) {
            double delta = batchMean[f] - mean[f];
            mean[f] += delta * rows / total;
            m2[f] += batchM2[f] + delta * delta * ((double) count * rows / total);
        }
        count = total;
    }

    /** The normalisation these statistics give: identity before the first row. */
    ObservationNormalization normalization(float clip) {
        if (count == 0) {
            return ObservationNormalization.identity(features, clip);
        }
        float[] m = new float[features];
        float[] inv = new float[features];
        for (int f = 0; f < features; f++) {
            m[f] = (float) mean[f];
            inv[f] = (float) (1 / Math.sqrt(m2[f] / count + TrainConfig.OBSERVATION_EPSILON));
        }
        return new ObservationNormalization(m, inv, clip);
    }

    long count() {
        return count;
    }

    double[] mean() {
        return mean.clone();
    }

    double[] m2() {
        return m2.clone();
    }

    @Override
    public String toString() {
        return "ObservationStats[" + count + " rows, mean " + Arrays.toString(mean) + "]";
    }
}
