package dev.metapilot.agent.plugin;

import static dev.metapilot.agent.testing.PluginJars.build;
import static dev.metapilot.agent.testing.PluginJars.pluginSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.testing.ClasspathPlugin;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {

    @TempDir
    Path tmp;

    private PluginRegistry registry(PluginDiscovery.Discovery d) {
        return new PluginRegistry(new LinkedHashSet<>(d.plugins()), "the test");
    }

    @Test
    void findsPluginsOnTheClassPath() {
        try (var d = new PluginDiscovery().discover(tmp.resolve("absent"), false)) {
            assertThat(d.plugins()).extracting(DiscoveredPlugin::name).containsExactly("classpath-demo");
            assertThat(d.plugins().get(0).plugin()).isInstanceOf(ClasspathPlugin.class);
            assertThat(d.plugins().get(0).origin()).contains("test-classes");
        }
    }

    @Test
    void findsPluginsInJarsEachInItsOwnClassLoader() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "alpha.jar", "Demo", pluginSource("Demo", "alpha", ""));
        build(dir, "beta.jar", "Demo", pluginSource("Demo", "beta", ""));
        try (var d = new PluginDiscovery().discover(dir, true)) {
            PluginRegistry r = registry(d);
            assertThat(r.all()).extracting(DiscoveredPlugin::name).containsExactly("classpath-demo", "alpha", "beta");
            DiscoveredPlugin alpha = r.get("alpha");
            DiscoveredPlugin beta = r.get("beta");
            assertThat(alpha.origin()).endsWith("alpha.jar");
            assertThat(beta.origin()).endsWith("beta.jar");
            // Same class name in two jars: two classes, two loaders.
            assertThat(alpha.plugin().getClass().getName()).isEqualTo(beta.plugin().getClass().getName());
            assertThat(alpha.plugin().getClass()).isNotSameAs(beta.plugin().getClass());
            assertThat(r.configure("beta", Map.of()).spec().episodesPerTrial()).isEqualTo(3);
        }
    }

    @Test
    void duplicateNamesAreAnErrorNamingBothJars() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "one.jar", "Dup", pluginSource("Dup", "twin", ""));
        build(dir, "two.jar", "Dup", pluginSource("Dup", "twin", ""));
        try (var d = new PluginDiscovery().discover(dir, true)) {
            assertThatThrownBy(() -> registry(d)).isInstanceOf(PluginException.class)
                    .hasMessageContaining("two plugins are named 'twin'").hasMessageContaining("one.jar")
                    .hasMessageContaining("two.jar");
        }
    }

    @Test
    void aPluginNamedLikeAClassPathPluginIsADuplicate() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "shadow.jar", "Shadow", pluginSource("Shadow", "classpath-demo", ""));
        try (var d = new PluginDiscovery().discover(dir, true)) {
            assertThatThrownBy(() -> registry(d)).hasMessageContaining("'classpath-demo'")
                    .hasMessageContaining("test-classes").hasMessageContaining("shadow.jar");
        }
    }

    @Test
    void zeroPluginsIsAnError() {
        var discovery = new PluginDiscovery(ClassLoader.getPlatformClassLoader(), getClass().getClassLoader());
        try (var d = discovery.discover(tmp, true)) {
            assertThat(d.plugins()).isEmpty();
            assertThatThrownBy(() -> new PluginRegistry(new LinkedHashSet<>(d.plugins()), "the class path or in "
                    + tmp)).isInstanceOf(PluginException.class).hasMessageContaining("no environment plugins found")
                    .hasMessageContaining(tmp.toString());
        }
    }

    @Test
    void aThrowingPluginIsAnErrorNamingItsClassAndJar() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "broken.jar", "Broken", pluginSource("Broken", "broken",
                "if (true) throw new IllegalStateException(\"no GPIO chip\");"));
        assertThatThrownBy(() -> new PluginDiscovery().discover(dir, true)).isInstanceOf(PluginException.class)
                .hasMessageContaining("demo.Broken").hasMessageContaining("broken.jar")
                .hasMessageContaining("failed to initialise").hasMessageContaining("no GPIO chip");
    }

    @Test
    void aServiceEntryForAMissingClassIsAnErrorNamingTheJar() throws Exception {
        Path dir = tmp.resolve("plugins.d");
        Path jar = build(dir, "typo.jar", "Real", pluginSource("Real", "real", ""));
        // Rewrite the service entry to a class the jar does not contain.
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            java.nio.file.Files.writeString(fs.getPath("META-INF/services/dev.metapilot.env.EnvironmentPlugin"),
                    "demo.Missing\n");
        }
        assertThatThrownBy(() -> new PluginDiscovery().discover(dir, true)).isInstanceOf(PluginException.class)
                .hasMessageContaining("typo.jar").hasMessageContaining("demo.Missing");
    }

    @Test
    void anInvalidNameIsRejected() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "caps.jar", "Caps", pluginSource("Caps", "Bad Name", ""));
        assertThatThrownBy(() -> new PluginDiscovery().discover(dir, true)).hasMessageContaining("invalid name")
                .hasMessageContaining("caps.jar");
    }

    @Test
    void aMissingExplicitDirectoryIsAnError() {
        assertThatThrownBy(() -> new PluginDiscovery().discover(tmp.resolve("nope"), true))
                .isInstanceOf(PluginException.class).hasMessageContaining("does not exist");
    }

    @Test
    void unknownPluginAndBadOptionsNameTheChoices() {
        try (var d = new PluginDiscovery().discover(tmp, true)) {
            PluginRegistry r = registry(d);
            assertThatThrownBy(() -> r.get("mazee")).hasMessage(
                    "no environment plugin 'mazee'; available: classpath-demo");
            assertThatThrownBy(() -> r.configure("classpath-demo", Map.of("size", "9")))
                    .isInstanceOf(PluginException.class).hasMessageContaining("has no option 'size'");
        }
    }
}
