package dev.metapilot.bandit;

import java.util.Arrays;

/**
 * Finite-horizon Gittins indices of a Bernoulli arm with a Beta(1,1) prior, for every arm state {@code (s, f)}
 * (successes, failures) and every number {@code h} of pulls left in the trial with {@code s + f + h <= n}.
 *
 * <p>
 * The index of {@code (s, f, h)} is the calibration value: the per-pull payoff {@code λ} of a known arm at which, with
 * {@code h} pulls left, pulling the unknown arm (and retiring to the known one whenever that is better) and retiring at
 * once are worth the same. For one {@code λ} the optimal-stopping values of all states follow from one backward pass,
 * {@code W(s, f, h) = max(λh, μ (1 + W(s+1, f, h−1)) + (1 − μ) W(s, f+1, h−1))}, {@code μ = (s+1)/(s+f+2)},
 * {@code W(·, ·, 0) = 0}; retiring becomes optimal at a threshold in {@code λ}. The table sweeps a grid of
 * {@value #GRID} values of {@code λ} over [0, 1] and places each state's threshold by linear interpolation of the gap
 * {@code continue − retire} between the two grid values that bracket it (the gap is convex and piecewise linear in
 * {@code λ}), which keeps indices within about {@code 1/GRID} of the exact ones.
 *
 * <p>
 * With one pull left the index is the posterior mean; it grows with the pulls left (the value of what a pull teaches).
 * Pulling the arm of highest index is the finite-horizon Gittins policy: not exactly Bayes-optimal for several arms and
 * a finite horizon, but close, and computable for horizons where the belief-state table is not.
 *
 * <p>
 * Built once per configuration (about {@code GRID · n³/6} operations: 0.2 s for n = 100) by {@link GittinsBaseline},
 * then read-only and shared by every actor and trainer thread.
 */
final class GittinsIndexTable {

    /** Grid values of {@code λ} over [0, 1]. */
    static final int GRID = 1000;
    /** The longest horizon offered: about 10⁹ operations and 5 MiB of indices at n = 200. */
    static final int MAX_PULLS = 200;

    private final int pulls;
    /** Index of {@code (s, f, h)} at {@code offset(h) + code(s, f)}. */
    private final float[] index;
    private final int[] layerOffset;

    private GittinsIndexTable(int pulls) {
        this.pulls = pulls;
        this.layerOffset = new int[pulls + 2];
        for (int h = 1; h <= pulls; h++) {
            layerOffset[h + 1] = layerOffset[h] + triangle(pulls - h);
        }
        this.index = new float[layerOffset[pulls + 1]];
        compute();
    }

    /**
     * Computes the table for trials of {@code pulls} pulls.
     *
     * @throws IllegalArgumentException unless {@code 1 <= pulls <= MAX_PULLS}
     */
    static GittinsIndexTable compute(int pulls) {
        if (!fits(pulls)) {
            throw new IllegalArgumentException("finite-horizon Gittins indices are computed for 1.." + MAX_PULLS
                    + " pulls, got " + pulls);
        }
        return new GittinsIndexTable(pulls);
    }

    /** Whether a table for this horizon is computed here. */
    static boolean fits(int pulls) {
        return pulls >= 1 && pulls <= MAX_PULLS;
    }

    /** The horizon {@code n}. */
    int pulls() {
        return pulls;
    }

    /**
     * The index of an arm with {@code s} successes and {@code f} failures when {@code left} pulls remain.
     *
     * @throws IllegalArgumentException outside {@code s, f >= 0}, {@code left >= 1}, {@code s + f + left <= n}
     */
    double index(int s, int f, int left) {
        if (s < 0 || f < 0 || left < 1 || s + f + left > pulls) {
            throw new IllegalArgumentException("no Gittins index for s=" + s + ", f=" + f + ", " + left
                    + " pulls left in a trial of " + pulls);
        }
        return index[layerOffset[left] + code(s, f)];
    }

    /**
     * The arm of highest index after {@code t = Σ(s + f)} pulls of a trial of {@code n}, ties to the lowest arm; after
     * the horizon (a trial run longer than {@code n}), the arm of highest posterior mean.
     */
    int bestArm(int[] successes, int[] failures, int pullsMade) {
        int left = pulls - pullsMade;
        int best = 0;
        double bestIndex = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < successes.length; a++) {
            double value = left >= 1
                    ? index[layerOffset[left] + code(successes[a], failures[a])]
                    : (successes[a] + 1.0) / (successes[a] + failures[a] + 2.0);
            if (value > bestIndex) {
                best = a;
                bestIndex = value;
            }
        }
        return best;
    }

    private void compute() {
        int codes = triangle(pulls);
        double[] mean = new double[codes];
        for (int m = 0; m < pulls; m++) {
            for (int s = 0; s <= m; s++) {
                mean[code(s, m - s)] = (s + 1.0) / (m + 2.0);
            }
        }
        double[] previousGap = new double[index.length];
        boolean[] placed = new boolean[index.length];
        double[] below = new double[codes];
        double[] current = new double[codes];
        for (int j = 0; j <= GRID; j++) {
            double lambda = (double) j / GRID;
            Arrays.fill(below, 0.0);
            for (int h = 1; h <= pulls; h++) {
                int offset = layerOffset[h];
                int maxPulled = pulls - h;
                double retire = lambda * h;
                for (int m = 0; m <= maxPulled; m++) {
                    int base = code(0, m);
                    int up = code(0, m + 1);
                    for (int s = 0; s <= m; s++) {
                        int c = base + s;
                        double mu = mean[c];
                        // (s+1, f) and (s, f+1) have m+1 pulls: codes up + s + 1 and up + s.
                        double cont = mu * (1 + below[up + s + 1]) + (1 - mu) * below[up + s];
                        double gap = cont - retire;
                        int k = offset + c;
                        if (!placed[k] && gap <= 0) {
                            double previous = previousGap[k];
                            double step = 1.0 / GRID;
                            index[k] = (float) (j == 0 ? 0 : lambda - step + step * previous / (previous - gap));
                            placed[k] = true;
                        }
                        previousGap[k] = gap;
                        current[c] = Math.max(cont, retire);
                    }
                }
                double[] swap = below;
                below = current;
                current = swap;
            }
        }
    }

    /** Position of {@code (s, f)} among states with fewer pulls: those with {@code m = s + f} start at m(m+1)/2. */
    private static int code(int s, int f) {
        int m = s + f;
        return m * (m + 1) / 2 + s;
    }

    /** States {@code (s, f)} with {@code s + f <= m}. */
    private static int triangle(int m) {
        return (m + 1) * (m + 2) / 2;
    }
}
