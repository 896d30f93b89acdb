package dev.metapilot.bandit.tuning;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Picks a baseline parameter from a grid by its mean trial return on TRAIN tasks, the way the RL² paper tuned ε and the
 * UCB1 constant (but on TRAIN tasks, so that TEST figures carry no selection bias).
 *
 * <p>
 * Called lazily by the tuned baselines on the trial thread, once per configuration; stateless.
 */
public final class GridSearch {

    /** Trials per grid point, as in the paper's tuning runs. */
    public static final int TRIALS = 1000;

    private static final long SEED = 20_161_109L;

    private GridSearch() {}

    /** The chosen value and the mean TRAIN return it reached. */
    public record Choice(double value, double meanReturn) {}

    /**
     * Runs {@link #TRIALS} TRAIN trials per grid value and returns the best one; ties go to the earlier value.
     *
     * @param grid candidate values, at least one
     * @param baselineFor the baseline for a candidate value
     */
    public static Choice best(EnvironmentFactory factory, double[] grid, DoubleFunction<Baseline> baselineFor) {
        Objects.requireNonNull(factory, "factory is null");
        Objects.requireNonNull(baselineFor, "baselineFor is null");
        if (grid.length == 0) {
            throw new IllegalArgumentException("grid is empty");
        }
        TrialRunner runner = new TrialRunner(factory);
        Choice best = null;
        for (double value : grid) {
            double mean = TrialRunner.mean(runner.run(baselineFor.apply(value), Split.TRAIN, TRIALS, SEED));
            if (best == null || mean > best.meanReturn()) {
                best = new Choice(value, mean);
            }
        }
        return best;
    }

    /** {@code min, min + step, ..., max} (rounded to 10 decimals so that 0.1 steps print cleanly). */
    public static double[] linear(double min, double max, double step) {
        int n = (int) Math.round((max - min) / step) + 1;
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = Math.round((min + i * step) * 1e10) / 1e10;
        }
        return grid;
    }
}
