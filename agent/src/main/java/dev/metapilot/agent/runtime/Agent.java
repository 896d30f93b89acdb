package dev.metapilot.agent.runtime;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Message;
import dev.metapilot.agent.plugin.PluginDiscovery;
import dev.metapilot.agent.plugin.PluginException;
import dev.metapilot.agent.plugin.PluginRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running agent: the discovered plugins, the Guice injector built from the real modules, and the services it
 * started. {@link #close()} closes the services in reverse order and then the plugin jars' class loaders.
 *
 * <p>
 * Created by the launcher's commands on the main thread through {@link #start}; each test builds its own.
 */
public final class Agent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    private final Injector injector;
    private final PluginDiscovery.Discovery discovery;
    private final Deque<ManagedService> started = new ArrayDeque<>();

    private Agent(Injector injector, PluginDiscovery.Discovery discovery) {
        this.injector = injector;
        this.discovery = discovery;
    }

    /**
     * Discovers plugins, builds the injector from the agent's modules plus {@code extraModules}, and starts every
     * {@link ManagedService}.
     *
     * @throws PluginException when a plugin cannot be used (the message names it and its jar)
     */
    public static Agent start(AgentConfig config, PluginDiscovery discovery, Module... extraModules) {
        Objects.requireNonNull(config, "config is null");
        PluginDiscovery.Discovery found = discovery.discover(config.pluginsDir(), config.pluginsDirRequired(),
                config.strictPlugins());
        Agent agent;
        try {
            List<Module> modules = new ArrayList<>(List.of(new ConfigModule(config), new LifecycleModule(),
                    new PluginModule(found.plugins(), "the class path or in " + config.pluginsDir())));
            modules.addAll(List.of(extraModules));
            agent = new Agent(createInjector(modules), found);
        } catch (RuntimeException e) {
            found.close();
            throw e;
        }
        try {
            agent.startServices();
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    /** Builds the injector, turning Guice's wrapped errors back into the plugin error a user can act on. */
    static Injector createInjector(List<Module> modules) {
        try {
            return Guice.createInjector(modules);
        } catch (CreationException e) {
            throw unwrap(e.getErrorMessages(), e);
        } catch (ProvisionException e) {
            throw unwrap(e.getErrorMessages(), e);
        }
    }

    private static RuntimeException unwrap(Iterable<Message> messages, RuntimeException e) {
        for (Message m : messages) {
            if (m.getCause() instanceof PluginException p) {
                return p;
            }
        }
        return e;
    }

    private void startServices() {
        for (ManagedService service : injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() {}))) {
            try {
                log.debug("starting {}", service.name());
                service.start();
                started.push(service);
            } catch (Exception e) {
                throw new IllegalStateException("service " + service.name() + " failed to start: " + e.getMessage(),
                        e);
            }
        }
    }

    /** The registry of the plugins this agent found. */
    public PluginRegistry plugins() {
        return injector.getInstance(PluginRegistry.class);
    }

    /** The injector, for commands that need further services. */
    public Injector injector() {
        return injector;
    }

    /** Closes started services in reverse order, then the plugin class loaders; logs, never throws. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            ManagedService s = started.pop();
            try {
                s.close();
            } catch (Exception e) {
                log.warn("service {} failed to close: {}", s.name(), e.toString());
            }
        }
        discovery.close();
    }
}
