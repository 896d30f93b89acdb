package dev.metapilot.agent.cli;

import static dev.metapilot.agent.testing.PluginJars.build;
import static dev.metapilot.agent.testing.PluginJars.pluginSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.testing.CommandLineRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void pluginsListsSpacesLimitsAndJars() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "alpha.jar", "Alpha", pluginSource("Alpha", "alpha", ""));
        assertThat(run("plugins", "--plugins-dir", dir.toString())).isZero();
        String[] lines = cli.out().split("\n");
        assertThat(lines[0]).contains("NAME", "OBSERVATION", "ACTION", "MAX STEPS", "EPISODES/TRIAL", "JAR");
        assertThat(cli.out())
                .containsPattern("classpath-demo +Box\\(3, \\[-1.0, 1.0\\]\\) +Discrete\\(4\\) +7 +2 +test-classes");
        assertThat(cli.out())
                .containsPattern("alpha +Box\\(1, \\[0.0, 1.0\\]\\) +Discrete\\(2\\) +5 +3 +alpha.jar");
    }

    @Test
    void globalOptionsWorkBeforeTheSubcommandToo() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "alpha.jar", "Alpha", pluginSource("Alpha", "alpha", ""));
        assertThat(run("--plugins-dir", dir.toString(), "plugins", "--details")).isZero();
        assertThat(cli.out()).contains("alpha: test plugin alpha", "baselines:   random");
    }

    @Test
    void aBrokenPluginExitsNonZeroNamingItAndItsJar() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "broken.jar", "Broken",
                pluginSource("Broken", "broken", "if (true) throw new RuntimeException(\"boom\");"));
        assertThat(run("plugins", "--plugins-dir", dir.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("error: plugin demo.Broken from ").contains("broken.jar", "boom");
        assertThat(cli.err()).doesNotContain("\tat ");
    }

    @Test
    void aMissingPluginsDirectoryExitsNonZero() {
        assertThat(run("plugins", "--plugins-dir", tmp.resolve("nope").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("does not exist");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("--help")).isZero();
        assertThat(cli.out()).contains("plugins", "--plugins-dir", "--verbose");
        assertThat(run("plugins", "--help")).isZero();
        assertThat(cli.out()).contains("--details");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("fly")).isEqualTo(2);
        assertThat(cli.err()).contains("Unmatched argument", "fly");
    }
}
