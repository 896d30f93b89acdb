package dev.metapilot.agent.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one agent process, from the command line.
 *
 * @param pluginsDir directory searched for plugin jars
 * @param pluginsDirRequired true when the user named the directory, so that its absence is an error
 * @param strictPlugins true when every jar of the plugins directory must be listed, with a matching SHA-256, in the
 *     directory's {@code SHA256SUMS}
 */
public record AgentConfig(Path pluginsDir, boolean pluginsDirRequired, boolean strictPlugins) {

    public AgentConfig {
        Objects.requireNonNull(pluginsDir, "pluginsDir is null");
    }

    /** Settings without the plugin manifest check. */
    public AgentConfig(Path pluginsDir, boolean pluginsDirRequired) {
        this(pluginsDir, pluginsDirRequired, false);
    }
}
