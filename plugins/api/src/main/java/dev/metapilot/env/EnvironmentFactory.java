package dev.metapilot.env;

import java.util.List;
import java.util.Optional;

/**
 * A configured environment family: its spec, its task distribution, new environment instances and its baselines.
 *
 * <p>
 * Returned by {@link EnvironmentPlugin#configure}; the agent and trainer call it on the main thread, and
 * {@link #create()} once per parallel worker. Thread-safe.
 */
public interface EnvironmentFactory {

    /** Spaces and episode limits of every environment this factory creates. */
    EnvSpec spec();

    /** Where TRAIN and TEST tasks come from. */
    TaskDistribution tasks();

    /** A new environment instance, owned by one thread; close it when done. */
    Environment create();

    /** The reference policies of this environment, run by name ({@code --policy random}); at least {@code random}. */
    List<Baseline> baselines();

    /**
     * Writes the action that is safe when the policy cannot be trusted (a NaN output, too many faults, a stop): the
     * agent's action guard uses it. By default the zero vector clamped into a {@link Box} (motors off) and index 0 of a
     * {@link Discrete} space; plugins override it when another action is the safe one.
     */
    default void writeSafeAction(Action out) {
        out.clear();
        if (out.space() instanceof Box box) {
            box.clamp(out.values());
        }
    }

    /** A reader for hand-written task files ({@code --tasks FILE}), when the plugin has one. */
    default Optional<TaskFileReader> taskFileReader() {
        return Optional.empty();
    }
}
