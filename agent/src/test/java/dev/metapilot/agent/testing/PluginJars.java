package dev.metapilot.agent.testing;

import dev.metapilot.env.EnvironmentPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars in tests: compiles a plugin's Java source against the plugin API with the JDK's compiler and
 * packs it with its {@code META-INF/services} entry, so discovery is tested on jars no test class path can see.
 */
public final class PluginJars {

    private PluginJars() {}

    /**
     * Source of a small but complete plugin {@code demo.<className>} named {@code name}, whose constructor runs
     * {@code constructorBody}.
     */
    public static String pluginSource(String className, String name, String constructorBody) {
        return """
                package demo;

                import dev.metapilot.env.*;
                import java.util.List;

                public final class %1$s implements EnvironmentPlugin {
                    public %1$s() { %3$s }
                    public String name() { return "%2$s"; }
                    public String description() { return "test plugin %2$s"; }
                    public EnvironmentFactory configure(EnvConfig config) {
                        EnvSpec spec = new EnvSpec("%2$s", Box.uniform(1, 0f, 1f), new Discrete(2), 5, 3);
                        return new EnvironmentFactory() {
                            public EnvSpec spec() { return spec; }
                            public TaskDistribution tasks() { return (split, seed) -> () -> split + "-" + seed; }
                            public Environment create() { throw new UnsupportedOperationException(); }
                            public List<Baseline> baselines() { return List.of(new RandomBaseline(spec.actionSpace())); }
                        };
                    }
                }
                """
                .formatted(className, name, constructorBody);
    }

    /** Compiles {@code source} (class {@code demo.<className>}) and writes {@code dir/<jarName>}. */
    public static Path build(Path dir, String jarName, String className, String source) {
        try {
            Path work = Files.createTempDirectory(dir.getParent() == null ? dir : dir.getParent(), "src");
            Path src = work.resolve("demo").resolve(className + ".java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "-d", work.resolve("classes").toString(), "-cp", apiClassPath(),
                    src.toString());
            if (rc != 0) {
                throw new IllegalStateException("test plugin did not compile: " + src);
            }
            Files.createDirectories(dir);
            Path jar = dir.resolve(jarName);
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                Path classes = work.resolve("classes");
                List<Path> files;
                try (Stream<Path> walk = Files.walk(classes)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("META-INF/services/" + EnvironmentPlugin.class.getName()));
                out.write(("demo." + className + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String apiClassPath() {
        try {
            return Path.of(EnvironmentPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
