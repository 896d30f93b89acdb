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

    /** A reader for hand-written task files ({@code --tasks FILE}), when the plugin has one. */
    default Optional<TaskFileReader> taskFileReader() {
        return Optional.empty();
    }
}
