package dev.metapilot.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --rate} and {@code --target} of {@code trial} meet the plugin's own {@code rate} and {@code target} options.
 */
class PluginSettingsTest {

    private static DiscoveredPlugin plugin(String... keys) {
        EnvironmentPlugin p = new EnvironmentPlugin() {
            @Override
            public String name() {
                return "bot";
            }

            @Override
            public String description() {
                return "a robot";
            }

            @Override
            public List<ConfigOption> options() {
                return java.util.Arrays.stream(keys).map(k -> new ConfigOption(k, k.equals("rate") ? "20" : "x", k))
                        .toList();
            }

            @Override
            public EnvironmentFactory configure(EnvConfig config) {
                throw new UnsupportedOperationException();
            }
        };
        return new DiscoveredPlugin("bot", p, "test");
    }

    @Test
    void theRateGoesToThePluginsRateOptionAndDefaultsToIt() {
        assertThat(PluginSettings.of(plugin("rate"), Map.of(), 50.0, null)).isEqualTo(new PluginSettings(Map.of(
                "rate", "50"), 50));
        assertThat(PluginSettings.of(plugin("rate"), Map.of(), null, null).rateHz()).isEqualTo(20);
        assertThat(PluginSettings.of(plugin("rate"), Map.of("rate", "200"), null, null).rateHz()).isEqualTo(200);
        assertThat(PluginSettings.of(plugin("rate"), Map.of("rate", "200"), 200.0, null).rateHz()).isEqualTo(200);
        assertThat(PluginSettings.of(plugin(), Map.of(), null, null).rateHz()).isEqualTo(20);
        assertThat(PluginSettings.of(plugin(), Map.of(), 75.0, null)).isEqualTo(new PluginSettings(Map.of(), 75));
    }

    @Test
    void contradictionsAreRefused() {
        assertThatThrownBy(() -> PluginSettings.of(plugin("rate"), Map.of("rate", "20"), 50.0, null)).hasMessage(
                "--rate 50 contradicts --env-config rate=20; give one of them");
        assertThatThrownBy(() -> PluginSettings.of(plugin("target"), Map.of("target", "a"), null, "b"))
                .hasMessageContaining("--target sets 'target', which --env-config sets too");
        assertThatThrownBy(() -> PluginSettings.of(plugin("target-velocity"), Map.of(), null, "speed=1"))
                .hasMessage("--target speed=1: plugin 'bot' has no option 'target-speed'");
        assertThatThrownBy(() -> PluginSettings.of(plugin(), Map.of(), null, "b")).hasMessageContaining(
                "plugin 'bot' has no 'target' option");
    }

    @Test
    void aBareTargetGoesToThePluginsTargetOption() {
        PluginSettings s = PluginSettings.of(plugin("link", "target"), Map.of("link", "tcp://h:1"), null, "heading");
        assertThat(s.assignments()).isEqualTo("link=tcp://h:1,target=heading");
    }

    @Test
    void targetAssignmentsGoToThePluginsTargetOptions() {
        PluginSettings s = PluginSettings.of(plugin("link", "target-velocity", "target-heading"), Map.of("link",
                "tcp://h:1"), null, "velocity=0.3,heading=-15");
        assertThat(s.assignments()).isEqualTo("link=tcp://h:1,target-velocity=0.3,target-heading=-15");
    }
}
