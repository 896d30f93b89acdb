package dev.metapilot.agent.trust;

import static dev.metapilot.agent.testing.PluginJars.build;
import static dev.metapilot.agent.testing.PluginJars.pluginSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.plugin.PluginDiscovery;
import dev.metapilot.agent.plugin.PluginException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictPluginsTest {

    @TempDir
    Path tmp;

    @Test
    void onlyListedJarsWithMatchingHashesLoad() throws Exception {
        Path dir = tmp.resolve("plugins.d");
        Path alpha = build(dir, "alpha.jar", "Alpha", pluginSource("Alpha", "alpha", ""));
        Path sums = dir.resolve(Manifest.FILE_NAME);
        Files.writeString(sums, Sha256.hexOf(alpha) + "  alpha.jar\n");
        try (var d = new PluginDiscovery().discover(dir, true, true)) {
            assertThat(d.plugins()).extracting(DiscoveredPlugin::name).contains("alpha");
        }
        build(dir, "intruder.jar", "Intruder", pluginSource("Intruder", "intruder", ""));
        assertThatThrownBy(() -> new PluginDiscovery().discover(dir, true, true)).isInstanceOf(PluginException.class)
                .hasMessageContaining("intruder.jar is not listed").hasMessageContaining("refused");
        Files.delete(dir.resolve("intruder.jar"));
        Files.writeString(sums, "f".repeat(64) + "  alpha.jar\n");
        assertThatThrownBy(() -> new PluginDiscovery().discover(dir, true, true)).hasMessageContaining("alpha.jar has "
                + "sha256");
        Files.delete(sums);
        assertThatThrownBy(() -> new PluginDiscovery().discover(dir, true, true)).hasMessageContaining("has no "
                + "SHA256SUMS");
    }
}
