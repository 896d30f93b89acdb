package dev.metapilot.maze.hallway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.testing.EnvironmentContract;
import dev.metapilot.env.testing.TrialHarness;
import dev.metapilot.maze.grid.GridEnvironment;
import dev.metapilot.maze.grid.GridMdp;
import dev.metapilot.maze.grid.Heading;
import dev.metapilot.maze.grid.ReferenceBfs;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HallwayTest {

    private final HallwayPlugin plugin = new HallwayPlugin();

    private HallwayFactory factory(int hallways, int length) {
        return (HallwayFactory) plugin
                .configure(Map.of("hallways", Integer.toString(hallways), "length", Integer.toString(length)));
    }

    @ParameterizedTest
    @CsvSource({"4, 5", "2, 1", "16, 50"})
    void passesTheEnvironmentContract(int hallways, int length) {
        HallwayFactory factory = factory(hallways, length);
        EnvironmentContract.check(factory);
        assertThat(factory.spec().id()).isEqualTo("hallway");
        assertThat(factory.spec().observationSize()).isEqualTo(7 + hallways);
    }

    @Test
    void theMapIsHallwaysAboveARoomWithTheSignBelowItsWestEnd() {
        HallwayLayout layout = factory(3, 2).layout();
        assertThat(layout.grid()).hasToString(".#.#.\n.#.#.\n.....\n.####");
        assertThat(layout.horizon()).isEqualTo(4 * 12);
    }

    @Test
    void theSignShowsTheGoalHallwayOnlyOnTheSignSquare() {
        HallwayFactory factory = factory(4, 5);
        HallwayLayout layout = factory.layout();
        for (Split split : Split.values()) {
            for (HallwayTask task : factory.tasks().all(split)) {
                GridMdp mdp = task.mdp();
                float[] obs = new float[layout.observationSize()];
                for (int square = 0; square < layout.grid().size(); square++) {
                    if (layout.grid().isWall(square)) {
                        continue;
                    }
                    mdp.writeObservation(square, obs);
                    float[] sign = Arrays.copyOfRange(obs, HallwayLayout.SIGN, obs.length);
                    float[] expected = new float[layout.hallways()];
                    if (square == layout.sign()) {
                        expected[task.goalHallway()] = 1f;
                    }
                    assertThat(sign).as("%s at square %d", task.id(), square).containsExactly(expected);
                    assertThat(mdp.squareOf(obs)).isEqualTo(square);
                }
            }
        }
    }

    @Test
    void trainAndTestShareNoTaskButEveryGoalAndStart() {
        HallwayTasks tasks = factory(4, 5).tasks();
        Set<String> train = new HashSet<>();
        Set<String> test = new HashSet<>();
        Set<Integer> trainGoals = new HashSet<>();
        Set<Integer> testGoals = new HashSet<>();
        Set<Integer> trainStarts = new HashSet<>();
        Set<Integer> testStarts = new HashSet<>();
        for (long seed = 0; seed < 500; seed++) {
            HallwayTask a = tasks.sample(Split.TRAIN, seed);
            HallwayTask b = tasks.sample(Split.TEST, seed);
            train.add(a.goalHallway() + "/" + a.startColumn());
            test.add(b.goalHallway() + "/" + b.startColumn());
            trainGoals.add(a.goalHallway());
            testGoals.add(b.goalHallway());
            trainStarts.add(a.startColumn());
            testStarts.add(b.startColumn());
        }
        assertThat(train).doesNotContainAnyElementsOf(test);
        assertThat(train.size() + test.size()).isEqualTo(4 * 7);
        assertThat(trainGoals).isEqualTo(testGoals).hasSize(4);
        assertThat(trainStarts).isEqualTo(testStarts).hasSize(7);
    }

    @Test
    void theOracleTakesTheShortestPathAndTheSignReaderDetoursOnlyOnce() {
        HallwayFactory factory = factory(4, 5);
        HallwayLayout layout = factory.layout();
        List<String> lines = List.of(layout.grid().toString().split("\n"));
        int trials = factory.tasks().all(Split.TEST).size() * 3;
        TrialHarness harness = new TrialHarness(factory);
        TrialHarness.Results oracle = harness.run(baseline(factory, "oracle"), Split.TEST, trials, 2, 1);
        TrialHarness.Results explore = harness.run(baseline(factory, "explore"), Split.TEST, trials, 3, 1);
        for (int t = 0; t < trials; t++) {
            HallwayTask task = factory.tasks().sample(Split.TEST, t);
            int start = task.startColumn();
            int goal = 2 * task.goalHallway();
            int direct = ReferenceBfs.distance(lines, 5, start, 0, goal);
            int viaSign = ReferenceBfs.distance(lines, 5, start, 6, 0) + ReferenceBfs.distance(lines, 6, 0, 0, goal);
            assertThat(oracle.steps()[t]).as(task.id()).containsExactly(direct, direct);
            assertThat(explore.steps()[t]).as(task.id()).containsExactly(viaSign, direct, direct);
            assertThat(explore.success()[t]).containsExactly(true, true, true);
        }
    }

    @Test
    void aWrongHallwaysEndGivesNothingAndTheEpisodeGoesOn() {
        HallwayFactory factory = factory(2, 1);
        HallwayTask task = factory.tasks().all(Split.TRAIN).stream()
                .filter(t -> t.goalHallway() == 0 && t.startColumn() == 2).findFirst().orElseThrow();
        try (Environment env = factory.create()) {
            float[] obs = new float[factory.spec().observationSize()];
            StepResult result = new StepResult();
            Action action = Action.of(factory.spec().actionSpace());
            env.setTask(task);
            env.reset(0, obs);
            action.setIndex(Heading.NORTH.action());
            env.step(action, obs, result);
            assertThat(result.reward()).isEqualTo(GridEnvironment.STEP_REWARD);
            assertThat(result.done()).isFalse();
            env.step(action, obs, result);
            assertThat(result.reward()).as("the end of hallway 1 is a wall ahead").isEqualTo(
                    GridEnvironment.BUMP_REWARD);
            assertThat(obs[HallwayLayout.BUMP]).isEqualTo(1f);
            int[] toGoal = {Heading.SOUTH.action(), Heading.WEST.action(), Heading.WEST.action()};
            for (int a : toGoal) {
                action.setIndex(a);
                env.step(action, obs, result);
                assertThat(result.done()).isFalse();
            }
            action.setIndex(Heading.NORTH.action());
            env.step(action, obs, result);
            assertThat(result.reward()).isEqualTo(GridEnvironment.GOAL_REWARD);
            assertThat(result.terminated() && result.success()).isTrue();
        }
    }

    @Test
    void randomIsSlowerThanReadingTheSign() {
        HallwayFactory factory = factory(4, 5);
        TrialHarness harness = new TrialHarness(factory);
        TrialHarness.Results random = harness.run(baseline(factory, "random"), Split.TEST, 300, 2, 9);
        TrialHarness.Results explore = harness.run(baseline(factory, "explore"), Split.TEST, 300, 2, 9);
        assertThat(random.meanSteps(0)).isGreaterThan(3 * explore.meanSteps(0));
        assertThat(random.successRate(1)).isLessThan(explore.successRate(1));
    }

    @ParameterizedTest
    @CsvSource({"hallways, 1, 2..16", "hallways, 17, 2..16", "length, 0, 1..50", "episodes, 0, 1..100",
            "length, long, an integer"})
    void badOptionsAreRejectedNamingTheKey(String key, String value, String expected) {
        assertThatThrownBy(() -> plugin.configure(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("option '" + key + "'")
                .hasMessageContaining(expected);
    }

    private static Baseline baseline(HallwayFactory factory, String name) {
        return factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }
}
