package dev.metapilot.agent.runtime;

import static dev.metapilot.agent.testing.PluginJars.build;
import static dev.metapilot.agent.testing.PluginJars.pluginSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.plugin.PluginDiscovery;
import dev.metapilot.agent.plugin.PluginException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTest {

    @TempDir
    Path tmp;

    /** A service that records its start and close in a shared journal. */
    record Recording(String name, List<String> journal, boolean failOnStart) implements ManagedService {

        @Override
        public void start() {
            if (failOnStart) {
                throw new IllegalStateException("no serial port");
            }
            journal.add("start " + name);
        }

        @Override
        public void close() {
            journal.add("close " + name);
        }
    }

    private static AbstractModule services(List<String> journal, boolean failSecond) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<ManagedService> set = Multibinder.newSetBinder(binder(), ManagedService.class);
                set.addBinding().toInstance(new Recording("a", journal, false));
                set.addBinding().toInstance(new Recording("b", journal, failSecond));
                set.addBinding().toInstance(new Recording("c", journal, false));
            }
        };
    }

    @Test
    void buildsTheInjectorFromTheRealModulesAndRegistersDiscoveredPlugins() {
        Path dir = tmp.resolve("plugins.d");
        build(dir, "alpha.jar", "Alpha", pluginSource("Alpha", "alpha", ""));
        try (Agent agent = Agent.start(new AgentConfig(dir, true), new PluginDiscovery())) {
            assertThat(agent.plugins().all()).extracting(DiscoveredPlugin::name).containsExactly("classpath-demo",
                    "alpha");
            assertThat(agent.injector().getInstance(AgentConfig.class).pluginsDir()).isEqualTo(dir);
            assertThat(agent.plugins()).isSameAs(agent.injector().getInstance(
                    dev.metapilot.agent.plugin.PluginRegistry.class));
        }
    }

    @Test
    void startsServicesInOrderAndClosesThemInReverse() {
        List<String> journal = new ArrayList<>();
        try (Agent agent = Agent.start(new AgentConfig(tmp, false), new PluginDiscovery(), services(journal,
                false))) {
            assertThat(journal).containsExactly("start a", "start b", "start c");
        }
        assertThat(journal).containsExactly("start a", "start b", "start c", "close c", "close b", "close a");
    }

    @Test
    void aServiceThatFailsToStartClosesTheOnesAlreadyStarted() {
        List<String> journal = new ArrayList<>();
        assertThatThrownBy(() -> Agent.start(new AgentConfig(tmp, false), new PluginDiscovery(), services(journal,
                true))).hasMessageContaining("service b failed to start: no serial port");
        assertThat(journal).containsExactly("start a", "close a");
    }

    @Test
    void zeroPluginsFailsInjectorConstructionWithThePluginError() {
        var none = new PluginDiscovery(ClassLoader.getPlatformClassLoader(), getClass().getClassLoader());
        assertThatThrownBy(() -> Agent.start(new AgentConfig(tmp, false), none)).isInstanceOf(PluginException.class)
                .hasMessageContaining("no environment plugins found on the class path or in " + tmp);
    }
}
