package dev.metapilot.bandit.random;

import java.util.random.RandomGenerator;

/**
 * Gamma, Beta and Dirichlet variates drawn from any {@link RandomGenerator}, for the Bayesian baselines (Thompson
 * sampling, posterior sampling) and the tabular-MDP task distribution.
 *
 * <p>
 * Stateless; called on the caller's thread with the caller's generator. Gamma uses Marsaglia and Tsang (2000), with the
 * {@code U^(1/a)} boost for shapes below 1.
 */
public final class RandomVariates {

    private RandomVariates() {}

    /**
     * A Gamma(shape, 1) variate.
     *
     * @throws IllegalArgumentException when {@code shape} is not positive and finite
     */
    public static double gamma(RandomGenerator rng, double shape) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("gamma shape must be positive and finite, got " + shape);
        }
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A Beta(a, b) variate, as {@code X / (X + Y)} with {@code X ~ Gamma(a)}, {@code Y ~ Gamma(b)}. */
    public static double beta(RandomGenerator rng, double a, double b) {
        double x = gamma(rng, a);
        double y = gamma(rng, b);
        return x / (x + y);
    }

    /**
     * Writes a Dirichlet(alpha) variate into {@code out[offset .. offset + alpha.length)}.
     *
     * @param alpha concentration parameters, each positive
     */
    public static void dirichlet(RandomGenerator rng, double[] alpha, int alphaOffset, int length, double[] out,
            int offset) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double g = gamma(rng, alpha[alphaOffset + i]);
            out[offset + i] = g;
            sum += g;
        }
        if (sum <= 0) {
            // Every component underflowed (only possible for tiny alphas): fall back to one uniform pick.
            out[offset + rng.nextInt(length)] = 1;
            return;
        }
        for (int i = 0; i < length; i++) {
            out[offset + i] /= sum;
        }
    }
}
