package dev.metapilot.agent.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one agent process, from the command line.
 *
 * @param pluginsDir directory searched for plugin jars
 * @param pluginsDirRequired true when the user named the directory, so that its absence is an error
 */
public record AgentConfig(Path pluginsDir, boolean pluginsDirRequired) {

    public AgentConfig {
        Objects.requireNonNull(pluginsDir, "pluginsDir is null");
    }
}
