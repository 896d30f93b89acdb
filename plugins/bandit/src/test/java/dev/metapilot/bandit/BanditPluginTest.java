package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.testing.EnvironmentContract;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BanditPluginTest {

    private final BanditPlugin plugin = new BanditPlugin();

    private EnvironmentFactory configure(Map<String, String> options) {
        return plugin.configure(options);
    }

    @Test
    void bothPluginsAreRegisteredAsServices() {
        assertThat(ServiceLoader.load(EnvironmentPlugin.class).stream().map(p -> p.get().name()))
                .contains("bandit", "tabular-mdp");
    }

    @Test
    void defaultsAreFiveArmsAndTenPullsWithUcb1AsTheExpert() {
        assertThat(plugin.options()).extracting(ConfigOption::key, ConfigOption::defaultValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("arms", "5"),
                        org.assertj.core.groups.Tuple.tuple("pulls", "10"),
                        org.assertj.core.groups.Tuple.tuple("expert", "ucb1"));
        EnvironmentFactory f = plugin.configureDefaults();
        assertThat(f.spec().id()).isEqualTo("bandit");
        assertThat(f.spec().observationSpace()).isEqualTo(new Discrete(1));
        assertThat(f.spec().actionSpace()).isEqualTo(new Discrete(5));
        assertThat(f.spec().maxEpisodeSteps()).isEqualTo(1);
        assertThat(f.spec().episodesPerTrial()).isEqualTo(10);
    }

    @ParameterizedTest(name = "n={0}, k={1}")
    @CsvSource({"10,5", "10,10", "10,50", "100,5", "500,50", "1,2", "3,1000"})
    void passesTheEnvironmentContract(int n, int k) {
        EnvironmentFactory f = configure(Map.of("arms", Integer.toString(k), "pulls", Integer.toString(n)));
        assertThat(f.spec().actionSpace()).isEqualTo(new Discrete(k));
        assertThat(f.spec().episodesPerTrial()).isEqualTo(n);
        EnvironmentContract.check(f);
    }

    @Test
    void offersTheTableOneBaselinesAndGittinsAndBayesOptimalWhereTheyFit() {
        assertThat(configure(Map.of("pulls", "10", "arms", "50")).baselines()).extracting(Baseline::name)
                .containsExactly("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins", "bayes-optimal");
        assertThat(configure(Map.of("pulls", "100", "arms", "5")).baselines()).extracting(Baseline::name)
                .containsExactly("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins");
        assertThat(configure(Map.of("pulls", "500", "arms", "5")).baselines()).extracting(Baseline::name)
                .containsExactly("random", "greedy", "epsilon-greedy", "ucb1", "thompson");
        assertThat(configure(Map.of()).baselines()).allSatisfy(b -> assertThat(b.description()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"arms,1", "arms,1001", "arms,five", "pulls,0", "pulls,-3", "pulls,100001", "pulls,1.5"})
    void badOptionsNameTheKey(String key, String value) {
        assertThatThrownBy(() -> configure(Map.of(key, value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'").hasMessageContaining("'" + value + "'")
                .hasMessageContaining("bandit");
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> configure(Map.of("horizon", "3"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'horizon'").hasMessageContaining("arms, pulls");
    }
}
