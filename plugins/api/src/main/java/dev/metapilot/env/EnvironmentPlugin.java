package dev.metapilot.env;

import java.util.List;

/**
 * The service an environment plugin provides: its name, its settings, and a factory for a given configuration.
 *
 * <p>
 * Discovered by the agent with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.metapilot.env.EnvironmentPlugin} entry in the plugin's jar), on the class path or in a
 * plugins directory. The agent calls the public no-argument constructor and {@link #name()} at discovery, and
 * {@link #configure} once per run on the main thread. Constructors do no I/O and hold no hardware: a plugin that
 * touches hardware opens it in {@link EnvironmentFactory#create()}.
 */
public interface EnvironmentPlugin {

    /** Unique name on the command line ({@code --env maze}); lower-case kebab-case. */
    String name();

    /** One line on what the environment is, for {@code ./metapilot plugins}. */
    String description();

    /** The settings {@link #configure} accepts, with defaults; empty when there are none. */
    default List<ConfigOption> options() {
        return List.of();
    }

    /**
     * Builds the factory for {@code config}.
     *
     * @throws IllegalArgumentException when a setting is out of range, naming the key (see {@link EnvConfig#invalid})
     */
    EnvironmentFactory configure(EnvConfig config);

    /**
     * The factory for {@code overrides} on top of the defaults of {@link #options}.
     *
     * @throws IllegalArgumentException when a key is unknown or a setting is out of range, naming it
     */
    default EnvironmentFactory configure(java.util.Map<String, String> overrides) {
        return configure(EnvConfig.resolve(name(), options(), overrides));
    }

    /** The factory for the default settings. */
    default EnvironmentFactory configureDefaults() {
        return configure(java.util.Map.of());
    }
}
