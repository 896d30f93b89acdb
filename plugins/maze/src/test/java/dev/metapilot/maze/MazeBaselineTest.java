package dev.metapilot.maze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.env.testing.TrialHarness;
import dev.metapilot.maze.grid.ReferenceBfs;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MazeBaselineTest {

    private static final int TRIALS = 60;

    @Test
    void offersRandomOracleAndExplore() {
        assertThat(Mazes.factory("mixed").baselines()).extracting(Baseline::name).containsExactly("random", "oracle",
                "explore");
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "large", "mixed"})
    void theOracleTakesTheShortestPathInEveryEpisode(String size) {
        MazeFactory factory = Mazes.factory(size);
        TrialHarness.Results r = new TrialHarness(factory).run(baseline(factory, "oracle"), Split.TEST, TRIALS, 2, 3);
        for (int t = 0; t < TRIALS; t++) {
            int shortest = shortestPath(factory.tasks().sample(Split.TEST, t));
            assertThat(r.steps()[t]).as("trial %d", t).containsExactly(shortest, shortest);
            assertThat(r.success()[t]).containsExactly(true, true);
            assertThat(r.returns()[t][0]).isCloseTo(0.99 - 0.01 * (shortest - 1), org.assertj.core.data.Offset
                    .offset(1e-4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "large"})
    void theExplorerFindsTheGoalAndThenGoesStraightToIt(String size) {
        MazeFactory factory = Mazes.factory(size);
        TrialHarness.Results r = new TrialHarness(factory).run(baseline(factory, "explore"), Split.TEST, TRIALS, 2,
                4);
        for (int t = 0; t < TRIALS; t++) {
            int shortest = shortestPath(factory.tasks().sample(Split.TEST, t));
            assertThat(r.success()[t]).as("trial %d", t).containsExactly(true, true);
            assertThat(r.steps()[t][0]).isGreaterThanOrEqualTo(shortest);
            assertThat(r.steps()[t][1]).as("second episode of trial %d", t).isEqualTo(shortest);
        }
        assertThat(r.meanSteps(0)).isGreaterThan(1.3 * r.meanSteps(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "large"})
    void randomRarelyFindsTheGoal(String size) {
        MazeFactory factory = Mazes.factory(size);
        TrialHarness harness = new TrialHarness(factory);
        TrialHarness.Results random = harness.run(baseline(factory, "random"), Split.TEST, 200, 2, 5);
        TrialHarness.Results oracle = harness.run(baseline(factory, "oracle"), Split.TEST, 200, 2, 5);
        assertThat(random.successRate(0)).isLessThan(0.5);
        assertThat(random.successRate(1)).isLessThan(0.5);
        assertThat(random.meanSteps(0)).isGreaterThan(5 * oracle.meanSteps(0));
    }

    @Test
    void theOracleHandlesMazesWithLoopsFromAFile() throws Exception {
        String text = """
                S......
                .#.#.#.
                .......
                .#.###.
                ......G

                #########
                #...#...#
                #.#.#.#.#
                #S#...#G#
                #########
                """;
        MazeFactory factory = Mazes.factory("small");
        List<Task> tasks = factory.taskFileReader().orElseThrow().read("loops.txt", new StringReader(text));
        Baseline oracle = baseline(factory, "oracle");
        try (Environment env = factory.create()) {
            StepInput input = new StepInput(env.spec());
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            for (Task task : tasks) {
                env.setTask(task);
                Baseline.Actor actor = oracle.start(task, 1);
                input.beginTrial();
                env.reset(0, input.observation());
                int steps = 0;
                do {
                    actor.act(input, action);
                    env.step(action, input.observation(), result);
                    input.record(action, result.reward(), result.done());
                    steps++;
                } while (!result.done());
                assertThat(result.success()).isTrue();
                assertThat(steps).isEqualTo(shortestPath(task)).isIn(10, 14);
            }
        }
    }

    private static int shortestPath(Task task) {
        List<String> lines = ((MazeTask) task).layout().lines();
        int[] s = ReferenceBfs.find(lines, 'S');
        int[] g = ReferenceBfs.find(lines, 'G');
        return ReferenceBfs.distance(lines, s[0], s[1], g[0], g[1]);
    }

    private static Baseline baseline(MazeFactory factory, String name) {
        return factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }
}
