package dev.metapilot.agent.plugin;

import dev.metapilot.env.EnvironmentPlugin;
import java.util.Objects;

/**
 * An environment plugin found at start-up and where it came from.
 *
 * @param name the plugin's {@link EnvironmentPlugin#name()}, read once at discovery
 * @param plugin the plugin instance
 * @param origin the jar (or class directory) that holds the plugin's class, for messages and listings
 */
public record DiscoveredPlugin(String name, EnvironmentPlugin plugin, String origin) {

    public DiscoveredPlugin {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(plugin, "plugin is null");
        Objects.requireNonNull(origin, "origin is null");
    }

    /** {@code 'maze' (from /path/to/maze.jar)}, the way every message names a plugin. */
    public String describe() {
        return "'" + name + "' (" + plugin.getClass().getName() + " from " + origin + ")";
    }
}
