package dev.metapilot.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.EnvironmentContract;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MazePluginTest {

    private final MazePlugin plugin = new MazePlugin();

    @Test
    void bothPluginsAreDiscoveredByTheServiceLoader() {
        List<String> names = ServiceLoader.load(EnvironmentPlugin.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("maze", "hallway");
    }

    @Test
    void defaultsTrainOnePolicyForBothSizes() {
        EnvironmentFactory factory = plugin.configureDefaults();
        assertThat(factory.spec().episodesPerTrial()).isEqualTo(2);
        assertThat(factory.spec().maxEpisodeSteps()).isEqualTo(1000);
        assertThat(factory.taskFileReader()).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"size, huge, one of small, large, mixed", "episodes, 0, an integer in 1..100",
            "episodes, 101, an integer in 1..100", "episodes, two, an integer"})
    void badOptionsAreRejectedNamingTheKey(String key, String value, String expected) {
        assertThatThrownBy(() -> configure(Map.of(key, value))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option '" + key + "'").hasMessageContaining(expected)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void moreEpisodesPerTrialStillPassTheContract() {
        EnvironmentFactory factory = configure(Map.of("size", "small", "episodes", "3"));
        assertThat(factory.spec().episodesPerTrial()).isEqualTo(3);
        EnvironmentContract.check(factory);
    }

    @Test
    void tinyMazesAreThreeByThreeCellsWithAShortHorizonAndPassTheContract() {
        EnvironmentFactory factory = configure(Map.of("size", "tiny"));
        assertThat(factory.spec().maxEpisodeSteps()).isEqualTo(100);
        MazeTask task = ((MazeFactory) factory).tasks().sample(Split.TRAIN, 3);
        assertThat(task.id()).isEqualTo("maze-tiny-train-3");
        assertThat(task.properties().get("rows")).isEqualTo(7);
        assertThat(task.properties().get("horizon")).isEqualTo(100);
        EnvironmentContract.check(factory);
    }

    @Test
    void tasksDescribeThemselvesForLogs() {
        MazeTask task = Mazes.factory("large").tasks().sample(Split.TEST, 42);
        assertThat(task.id()).isEqualTo("maze-large-test-42");
        assertThat(task.properties()).containsKeys("kind", "rows", "columns", "start", "goal", "shortest-path",
                "horizon", "layout");
        assertThat(task.properties().get("rows")).isEqualTo(19);
        assertThat(task.properties().get("horizon")).isEqualTo(1000);
        assertThat(task.properties().get("layout")).isEqualTo(task.layout().lines());
    }

    private EnvironmentFactory configure(Map<String, String> values) {
        return plugin.configure(values);
    }
}
