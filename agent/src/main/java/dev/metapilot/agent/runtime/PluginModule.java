package dev.metapilot.agent.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.plugin.PluginRegistry;
import java.util.List;
import java.util.Objects;

/**
 * Registers already discovered plugins through a {@code Multibinder<DiscoveredPlugin>} and binds the
 * {@link PluginRegistry} built from them. Discovery (which reads jars) happens before, in
 * {@link dev.metapilot.agent.plugin.PluginDiscovery}; this module does no I/O.
 */
public final class PluginModule extends AbstractModule {

    private final List<DiscoveredPlugin> plugins;
    private final String searched;

    /**
     * @param plugins the plugins to register
     * @param searched where they were looked for, for the "no plugins" message
     */
    public PluginModule(List<DiscoveredPlugin> plugins, String searched) {
        this.plugins = List.copyOf(Objects.requireNonNull(plugins, "plugins is null"));
        this.searched = Objects.requireNonNull(searched, "searched is null");
    }

    @Override
    protected void configure() {
        Multibinder<DiscoveredPlugin> registrations = Multibinder.newSetBinder(binder(), DiscoveredPlugin.class);
        for (DiscoveredPlugin p : plugins) {
            registrations.addBinding().toInstance(p);
        }
        bindConstant().annotatedWith(Names.named(PluginRegistry.SEARCHED)).to(searched);
        bind(PluginRegistry.class).asEagerSingleton();
    }
}
