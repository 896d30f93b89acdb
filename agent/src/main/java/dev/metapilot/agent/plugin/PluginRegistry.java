package dev.metapilot.agent.plugin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plugins this agent can run, by name: built by Guice from the {@code Multibinder} of discovered plugins and
 * checked at construction (no plugin at all, or two with one name, is a {@link PluginException} naming both jars).
 *
 * <p>
 * Used on the main thread by the commands that choose an environment.
 */
@Singleton
public final class PluginRegistry {

    /** Guice name of the string that says where plugins were looked for, used in the "none found" message. */
    public static final String SEARCHED = "metapilot.plugins.searched";

    private final Map<String, DiscoveredPlugin> byName;

    @Inject
    public PluginRegistry(Set<DiscoveredPlugin> plugins, @Named(SEARCHED) String searched) {
        if (plugins.isEmpty()) {
            throw new PluginException("no environment plugins found on " + searched
                    + "; put plugin jars in the plugins directory or pass --plugins-dir");
        }
        Map<String, DiscoveredPlugin> map = new LinkedHashMap<>();
        for (DiscoveredPlugin p : plugins) {
            DiscoveredPlugin earlier = map.putIfAbsent(p.name(), p);
            if (earlier != null) {
                throw new PluginException("two plugins are named '" + p.name() + "': " + earlier.plugin().getClass()
                        .getName() + " from " + earlier.origin() + " and " + p.plugin().getClass().getName()
                        + " from " + p.origin() + "; remove one of the jars");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** All plugins, in discovery order. */
    public Collection<DiscoveredPlugin> all() {
        return byName.values();
    }

    /**
     * The plugin called {@code name}.
     *
     * @throws PluginException listing the valid names
     */
    public DiscoveredPlugin get(String name) {
        DiscoveredPlugin p = byName.get(name);
        if (p == null) {
            throw new PluginException("no environment plugin '" + name + "'; available: " + String.join(", ", byName
                    .keySet()));
        }
        return p;
    }

    /**
     * Configures plugin {@code name} with {@code overrides} on top of its defaults.
     *
     * @throws PluginException naming the plugin and its jar when its configuration throws
     */
    public EnvironmentFactory configure(String name, Map<String, String> overrides) {
        DiscoveredPlugin p = get(name);
        EnvConfig config;
        try {
            config = EnvConfig.resolve(p.name(), p.plugin().options(), overrides);
        } catch (IllegalArgumentException e) {
            throw new PluginException(e.getMessage(), e);
        }
        try {
            return p.plugin().configure(config);
        } catch (IllegalArgumentException e) {
            throw new PluginException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException(
                    "plugin " + p.describe() + " failed to initialise: " + PluginDiscovery.message(e), e);
        }
    }

    @Override
    public String toString() {
        return byName.values().stream().map(DiscoveredPlugin::describe).collect(Collectors.joining(", "));
    }
}
