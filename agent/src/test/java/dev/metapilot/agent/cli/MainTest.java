package dev.metapilot.agent.cli;

import static dev.metapilot.agent.testing.PluginJars.build;
import static dev.metapilot.agent.testing.PluginJars.pluginSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void pluginsListsSpacesLimitsAndJars() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "alpha.jar", "Alpha", pluginSource("Alpha", "alpha", ""));
        assertThat(run("plugins", "--plugins-dir", dir.toString())).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).contains("NAME", "OBSERVATION", "ACTION", "MAX STEPS", "EPISODES/TRIAL", "JAR");
        assertThat(out.toString())
                .containsPattern("classpath-demo +Box\\(3, \\[-1.0, 1.0\\]\\) +Discrete\\(4\\) +7 +2 +test-classes");
        assertThat(out.toString())
                .containsPattern("alpha +Box\\(1, \\[0.0, 1.0\\]\\) +Discrete\\(2\\) +5 +3 +alpha.jar");
    }

    @Test
    void globalOptionsWorkBeforeTheSubcommandToo() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "alpha.jar", "Alpha", pluginSource("Alpha", "alpha", ""));
        assertThat(run("--plugins-dir", dir.toString(), "plugins", "--details")).isZero();
        assertThat(out.toString()).contains("alpha: test plugin alpha", "baselines:   random");
    }

    @Test
    void aBrokenPluginExitsNonZeroNamingItAndItsJar() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "broken.jar", "Broken",
                pluginSource("Broken", "broken", "if (true) throw new RuntimeException(\"boom\");"));
        assertThat(run("plugins", "--plugins-dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: plugin demo.Broken from ").contains("broken.jar", "boom");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void aMissingPluginsDirectoryExitsNonZero() {
        assertThat(run("plugins", "--plugins-dir", tmp.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("plugins", "--plugins-dir", "--verbose");
        assertThat(run("plugins", "--help")).isZero();
        assertThat(out.toString()).contains("--details");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("fly")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument", "fly");
    }
}
