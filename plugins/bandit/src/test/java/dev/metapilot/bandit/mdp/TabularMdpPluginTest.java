package dev.metapilot.bandit.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.EnvironmentContract;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TabularMdpPluginTest {

    private final TabularMdpPlugin plugin = new TabularMdpPlugin();

    private EnvironmentFactory configure(Map<String, String> options) {
        return plugin.configure(options);
    }

    @Test
    void defaultsAreTheRl2Protocol() {
        assertThat(plugin.options()).extracting(ConfigOption::key).containsExactly("states", "actions", "episodes",
                "horizon", "expert", "expert-temperature");
        EnvironmentFactory f = plugin.configureDefaults();
        assertThat(f.spec().id()).isEqualTo("tabular-mdp");
        assertThat(f.spec().observationSpace()).isEqualTo(new Discrete(10));
        assertThat(f.spec().actionSpace()).isEqualTo(new Discrete(5));
        assertThat(f.spec().maxEpisodeSteps()).isEqualTo(10);
        assertThat(f.spec().episodesPerTrial()).isEqualTo(10);
        assertThat(f.baselines()).extracting(Baseline::name).containsExactly("random", "oracle", "psrl", "greedy",
                "epsilon-greedy", "bayes-ucb", "bayes-ucb-commit", "optimistic-vi");
    }

    @ParameterizedTest(name = "states={0}, actions={1}, episodes={2}, horizon={3}")
    @CsvSource({"10,5,10,10", "10,5,100,10", "2,2,1,1", "30,7,3,25"})
    void passesTheEnvironmentContract(int states, int actions, int episodes, int horizon) {
        EnvironmentFactory f = configure(Map.of("states", "" + states, "actions", "" + actions, "episodes",
                "" + episodes, "horizon", "" + horizon));
        assertThat(f.spec().observationSpace()).isEqualTo(new Discrete(states));
        EnvironmentContract.check(f);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"states,1", "states,101", "actions,1", "actions,21", "episodes,0", "horizon,0", "horizon,1001",
            "horizon,ten"})
    void badOptionsNameTheKey(String key, String value) {
        assertThatThrownBy(() -> configure(Map.of(key, value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'").hasMessageContaining("'" + value + "'")
                .hasMessageContaining("tabular-mdp");
    }

    @Property(tries = 50)
    void tasksAreDeterministicAndSplitsDisjoint(@ForAll long seed, @ForAll long other) {
        TabularMdpTasks tasks = new TabularMdpTasks(10, 5);
        assertThat(tasks.sample(Split.TEST, seed)).isEqualTo(tasks.sample(Split.TEST, seed));
        TabularMdpTask train = tasks.sample(Split.TRAIN, seed);
        TabularMdpTask test = tasks.sample(Split.TEST, other);
        assertThat(train).isNotEqualTo(test);
        assertThat(train.rewardMean(0, 0)).isNotEqualTo(test.rewardMean(0, 0));
    }

    @Test
    void taskDistributionHasTheRl2Moments() {
        TabularMdpTasks tasks = new TabularMdpTasks(10, 5);
        double sum = 0;
        double sumSq = 0;
        double firstComponent = 0;
        int n = 0;
        int rows = 0;
        for (int seed = 0; seed < 400; seed++) {
            TabularMdpTask t = tasks.sample(Split.TRAIN, seed);
            for (int s = 0; s < 10; s++) {
                for (int a = 0; a < 5; a++) {
                    double r = t.rewardMean(s, a);
                    sum += r;
                    sumSq += r * r;
                    n++;
                    firstComponent += t.transition(s, a, 0);
                    rows++;
                }
            }
        }
        double mean = sum / n;
        assertThat(mean).isBetween(0.95, 1.05); // N(1,1): sd of the mean 1/sqrt(20000) = 0.007
        assertThat(sumSq / n - mean * mean).isBetween(0.95, 1.05);
        assertThat(firstComponent / rows).isBetween(0.095, 0.105); // flat Dirichlet: each component 1/10
    }

    @Test
    void taskChecksItsShape() {
        assertThatThrownBy(() -> new TabularMdpTask("t", 2, 1, new double[]{1}, new double[]{1, 0, 0, 1}))
                .hasMessageContaining("rewardMeans");
        assertThatThrownBy(() -> new TabularMdpTask("t", 2, 1, new double[]{1, 1}, new double[]{0.5, 0.4, 0, 1}))
                .hasMessageContaining("sums to");
        assertThat(new TabularMdpTask("t", 2, 1, new double[]{1, 2}, new double[]{0.5, 0.5, 0, 1}).properties())
                .containsEntry("startState", 0).containsKeys("rewardMeans", "transitions");
    }
}
