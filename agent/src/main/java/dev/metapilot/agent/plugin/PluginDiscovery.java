package dev.metapilot.agent.plugin;

import dev.metapilot.env.EnvironmentPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every {@link EnvironmentPlugin} with {@link ServiceLoader}: first on the class path, then in each jar of a
 * plugins directory, each jar in a class loader of its own whose parent is the agent's.
 *
 * <p>
 * Called once by the launcher before the Guice injector is built (it reads jars, which {@code configure()} must not). A
 * plugin that fails to load or whose constructor or {@code name()} throws is a {@link PluginException} naming the
 * plugin class and its jar; nothing is skipped silently. Duplicate names and zero plugins are checked by
 * {@link PluginRegistry}.
 */
public final class PluginDiscovery {

    private static final Logger log = LoggerFactory.getLogger(PluginDiscovery.class);

    private final ClassLoader classPath;
    private final ClassLoader agentLoader;

    /** Discovery over the agent's own class path. */
    public PluginDiscovery() {
        this(PluginDiscovery.class.getClassLoader(), EnvironmentPlugin.class.getClassLoader());
    }

    /**
     * @param classPath the loader whose service entries count as "the class path"
     * @param agentLoader parent of every plugin jar's loader; must see the plugin API
     */
    public PluginDiscovery(ClassLoader classPath, ClassLoader agentLoader) {
        this.classPath = Objects.requireNonNull(classPath, "classPath is null");
        this.agentLoader = Objects.requireNonNull(agentLoader, "agentLoader is null");
    }

    /**
     * Discovers the plugins on the class path and in {@code pluginsDir}.
     *
     * @param pluginsDir directory of plugin jars; may be absent unless {@code required}
     * @param required true when the user named the directory, so its absence is an error
     * @return the plugins found, class path first, then jars in name order; the caller owns the jar loaders
     */
    public Discovery discover(Path pluginsDir, boolean required) {
        return discover(pluginsDir, required, false);
    }

    /**
     * Discovers as {@link #discover(Path, boolean)}; with {@code strict}, a jar is loaded only when the directory's
     * {@code SHA256SUMS} lists it with its SHA-256, and any other jar is refused by name before it is opened.
     */
    public Discovery discover(Path pluginsDir, boolean required, boolean strict) {
        List<DiscoveredPlugin> found = new ArrayList<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        try {
            load(ServiceLoader.load(EnvironmentPlugin.class, classPath), null, found);
            List<Path> jars = jarsIn(pluginsDir, required || strict);
            if (strict) {
                PluginManifestCheck.check(pluginsDir, jars);
            }
            for (Path jar : jars) {
                URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[]{url(jar)},
                        agentLoader);
                loaders.add(loader);
                load(ServiceLoader.load(EnvironmentPlugin.class, loader), loader, found);
            }
        } catch (RuntimeException e) {
            Discovery.closeAll(loaders);
            throw e;
        }
        for (DiscoveredPlugin p : found) {
            log.debug("found plugin {}", p.describe());
        }
        return new Discovery(List.copyOf(found), List.copyOf(loaders), pluginsDir);
    }

    private static List<Path> jarsIn(Path dir, boolean required) {
        if (dir == null || !Files.isDirectory(dir)) {
            if (required) {
                throw new PluginException("plugins directory " + dir + " does not exist or is not a directory");
            }
            log.debug("no plugins directory at {}", dir);
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins directory " + dir, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException("cannot open plugin jar " + jar, e);
        }
    }

    /**
     * Instantiates the providers {@code services} finds; with a jar {@code owner}, only those whose class that jar
     * defines (the parent's are found on the class path already).
     */
    private static void load(ServiceLoader<EnvironmentPlugin> services, URLClassLoader owner,
            List<DiscoveredPlugin> found) {
        String where = owner == null ? "the class path" : owner.getURLs()[0].getPath();
        var providers = services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<EnvironmentPlugin> provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new PluginException("a plugin listed in " + where + " cannot be loaded: " + message(e), e);
            }
            Class<? extends EnvironmentPlugin> type = provider.type();
            if (owner != null && type.getClassLoader() != owner) {
                continue;
            }
            String origin = originOf(type, where);
            EnvironmentPlugin plugin;
            String name;
            try {
                plugin = provider.get();
                name = plugin.name();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new PluginException(
                        "plugin " + type.getName() + " from " + origin + " failed to initialise: " + message(e), e);
            }
            if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
                throw new PluginException("plugin " + type.getName() + " from " + origin + " has an invalid name '"
                        + name + "' (expected lower-case kebab-case)");
            }
            found.add(new DiscoveredPlugin(name, plugin, origin));
        }
    }

    private static String originOf(Class<?> type, String fallback) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? fallback : source.getLocation().getPath();
    }

    /** The innermost cause's message, which is what a user can act on. */
    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }

    /**
     * What one discovery found: the plugins and the class loaders of their jars, which stay open while the plugins are
     * in use.
     *
     * @param plugins plugins in discovery order
     * @param loaders one loader per jar in the plugins directory
     * @param pluginsDir the directory that was searched
     */
    public record Discovery(List<DiscoveredPlugin> plugins, List<URLClassLoader> loaders, Path pluginsDir)
            implements
                AutoCloseable {

        @Override
        public void close() {
            closeAll(loaders);
        }

        private static void closeAll(List<URLClassLoader> loaders) {
            for (URLClassLoader l : loaders) {
                try {
                    l.close();
                } catch (IOException e) {
                    log.warn("cannot close {}: {}", l.getName(), e.toString());
                }
            }
        }
    }
}
