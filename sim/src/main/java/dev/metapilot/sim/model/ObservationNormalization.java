package dev.metapilot.sim.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The observation normalisation of one policy version: {@code clip((obs - mean) * invStd, -clip, clip)} per feature, in
 * float32, computed exactly so by the trainer's rollouts ({@link #apply}) and by the exported ONNX graph (Sub, Mul,
 * Clip), so both see bitwise the same normalised inputs. Immutable; safe to share between worker threads.
 *
 * @param mean per-feature mean
 * @param invStd per-feature {@code 1 / sqrt(var + eps)}
 * @param clip the bound of the normalised value
 */
public record ObservationNormalization(float[] mean, float[] invStd, float clip) {

    public ObservationNormalization {
        Objects.requireNonNull(mean, "mean is null");
        Objects.requireNonNull(invStd, "invStd is null");
        if (mean.length != invStd.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " features, invStd " + invStd.length);
        }
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0, got " + clip);
        }
        mean = mean.clone();
        invStd = invStd.clone();
    }

    /** No normalisation yet (mean 0, scale 1), still clipped. */
    public static ObservationNormalization identity(int features, float clip) {
        float[] ones = new float[features];
        Arrays.fill(ones, 1f);
        return new ObservationNormalization(new float[features], ones, clip);
    }

    public int features() {
        return mean.length;
    }

    /** Normalises {@code features()} values of {@code in} from {@code from} into {@code out} at {@code to}. */
    public void apply(float[] in, int from, float[] out, int to) {
        for (int i = 0; i < mean.length; i++) {
            float z = (in[from + i] - mean[i]) * invStd[i];
            out[to + i] = Math.min(clip, Math.max(-clip, z));
        }
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] invStd() {
        return invStd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationNormalization n && Arrays.equals(mean, n.mean) && Arrays.equals(invStd,
                n.invStd) && Float.compare(clip, n.clip) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(invStd)) + Float.hashCode(clip);
    }

    @Override
    public String toString() {
        return "ObservationNormalization[" + mean.length + " features, clip " + clip + "]";
    }
}
