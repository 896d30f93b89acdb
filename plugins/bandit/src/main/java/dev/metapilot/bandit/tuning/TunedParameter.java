package dev.metapilot.bandit.tuning;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvironmentFactory;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A baseline parameter that is either fixed or chosen from a grid by {@link GridSearch} on first use and then kept for
 * the configuration's lifetime.
 *
 * <p>
 * Held by a baseline; {@link #value()} may be called from any thread and runs the search at most once.
 */
public final class TunedParameter {

    private final EnvironmentFactory factory;
    private final double[] grid;
    private final DoubleFunction<Baseline> baselineFor;
    private volatile GridSearch.Choice choice;

    private TunedParameter(EnvironmentFactory factory, double[] grid, DoubleFunction<Baseline> baselineFor,
            GridSearch.Choice choice) {
        this.factory = factory;
        this.grid = grid;
        this.baselineFor = baselineFor;
        this.choice = choice;
    }

    /** A parameter tuned over {@code grid} on TRAIN trials of {@code factory} when first read. */
    public static TunedParameter tuned(EnvironmentFactory factory, double[] grid,
            DoubleFunction<Baseline> baselineFor) {
        Objects.requireNonNull(factory, "factory is null");
        Objects.requireNonNull(baselineFor, "baselineFor is null");
        if (grid.length == 0) {
            throw new IllegalArgumentException("grid is empty");
        }
        return new TunedParameter(factory, grid.clone(), baselineFor, null);
    }

    /** A parameter fixed at {@code value}. */
    public static TunedParameter fixed(double value) {
        return new TunedParameter(null, new double[]{value}, null, new GridSearch.Choice(value, Double.NaN));
    }

    /** The value, tuning it first if needed. */
    public double value() {
        GridSearch.Choice c = choice;
        if (c == null) {
            synchronized (this) {
                c = choice;
                if (c == null) {
                    c = GridSearch.best(factory, grid, baselineFor);
                    choice = c;
                }
            }
        }
        return c.value();
    }

    /** True when the value comes from a grid search rather than a fixed setting. */
    public boolean isTuned() {
        return factory != null;
    }

    /** The grid searched, or the fixed value alone. */
    public double[] grid() {
        return grid.clone();
    }

    @Override
    public String toString() {
        GridSearch.Choice c = choice;
        if (!isTuned()) {
            return Double.toString(grid[0]);
        }
        return (c == null ? "untuned" : Double.toString(c.value())) + " from " + Arrays.toString(grid);
    }
}
