package dev.metapilot.agent.plugin;

/**
 * A plugin that cannot be used: it failed to load or initialise, its name is taken, or no plugin was found. The message
 * names the plugin and its jar; the launcher prints it and exits non-zero.
 */
public final class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
