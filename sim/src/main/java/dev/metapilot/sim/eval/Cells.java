package dev.metapilot.sim.eval;

import dev.metapilot.agent.trial.EpisodeStats.Estimate;
import java.util.Locale;
import java.util.OptionalDouble;

/** Formats the cells of the suites' tables: estimates with their 95% half-width, published figures, ratios. */
final class Cells {

    /** What a cell says when we have no number for it. */
    static final String NOT_AVAILABLE = "n/a";

    private Cells() {}

    /** {@code mean ± half-width} with {@code decimals} decimals; n/a when there is no value. */
    static String estimate(Estimate e, int decimals) {
        if (Double.isNaN(e.mean())) {
            return NOT_AVAILABLE;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", e.mean(), e.halfWidth());
    }

    /** A success rate as a percentage with its half-width. */
    static String percent(Estimate e) {
        return estimate(new Estimate(e.mean() * 100, e.halfWidth() * 100, e.n()), 1);
    }

    /** A number with {@code decimals} decimals, n/a when absent or not finite. */
    static String number(OptionalDouble v, int decimals) {
        return v.isPresent() ? number(v.getAsDouble(), decimals) : NOT_AVAILABLE;
    }

    /** A number with {@code decimals} decimals, n/a when not finite. */
    static String number(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : NOT_AVAILABLE;
    }

    /** A signed number with {@code decimals} decimals and its half-width. */
    static String signed(Estimate e, int decimals) {
        if (Double.isNaN(e.mean())) {
            return NOT_AVAILABLE;
        }
        return String.format(Locale.ROOT, "%+." + decimals + "f ± %." + decimals + "f", e.mean(), e.halfWidth());
    }
}
