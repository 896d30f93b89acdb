package dev.metapilot.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.testing.EnvironmentContract;
import dev.metapilot.maze.grid.GridEnvironment;
import dev.metapilot.maze.grid.Heading;
import dev.metapilot.maze.hallway.HallwayPlugin;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MazeEnvironmentTest {

    private final MazeFactory factory = Mazes.factory("small");
    private final float[] obs = new float[MazeObservation.SIZE];
    private final Action action = Action.of(factory.spec().actionSpace());
    private final StepResult result = new StepResult();

    @ParameterizedTest
    @ValueSource(strings = {"small", "large", "mixed"})
    void passesTheEnvironmentContract(String size) {
        EnvironmentContract.check(Mazes.factory(size));
    }

    @Test
    void rewardsAndTheGoalAreExact() {
        try (Environment env = factory.create()) {
            env.setTask(Mazes.fileTask("small", "#####", "#S.G#", "#.###", "#####"));
            env.reset(0, obs);
            assertThat(obs[MazeObservation.START_COLUMNS]).isZero();
            step(env, Heading.EAST);
            assertThat(result.reward()).isEqualTo(GridEnvironment.STEP_REWARD).isEqualTo(-0.01f);
            assertThat(result.done()).isFalse();
            assertThat(obs[MazeObservation.BUMP]).isZero();
            assertThat(obs[MazeObservation.START_COLUMNS]).isEqualTo(1 / 20f);
            step(env, Heading.NORTH);
            assertThat(result.reward()).isEqualTo(GridEnvironment.BUMP_REWARD).isEqualTo(-0.011f);
            assertThat(result.done()).isFalse();
            assertThat(obs[MazeObservation.BUMP]).isEqualTo(1f);
            step(env, Heading.EAST);
            assertThat(result.reward()).isEqualTo(GridEnvironment.GOAL_REWARD).isEqualTo(0.99f);
            assertThat(result.terminated()).isTrue();
            assertThat(result.truncated()).isFalse();
            assertThat(result.success()).isTrue();
            assertThat(obs[MazeObservation.BUMP]).as("moving clears the bump flag").isZero();
            assertThatThrownBy(() -> step(env, Heading.EAST)).isInstanceOf(IllegalStateException.class);
            env.reset(1, obs);
            assertThat(obs[MazeObservation.START_COLUMNS]).as("back at the start").isZero();
            step(env, Heading.EAST);
            assertThat(result.done()).isFalse();
        }
    }

    @Test
    void privilegedFeaturesAreTheGoalDisplacementTheShortestPathDistancesAndTheExpertsMoveOnceTheGoalWasReached() {
        try (Environment env = factory.create()) {
            PrivilegedFeatures privileged = (PrivilegedFeatures) env;
            assertThat(privileged.privilegedFeatureCount()).isEqualTo(GridEnvironment.PRIVILEGED_FEATURES).isEqualTo(8);
            assertThat(privileged.expertActionOffset()).isEqualTo(4);
            assertThatThrownBy(() -> privileged.writePrivilegedFeatures(new float[8], 0)).isInstanceOf(
                    IllegalStateException.class);
            env.setTask(Mazes.fileTask("small", "#####", "#S.G#", "#.###", "#####"));
            env.reset(0, obs);
            float[] f = new float[9];
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).as("episode 1: no expert move yet").containsExactly(0f, 2 / 20f, 0f, 2 / 100f, 2 / 100f, 0f,
                    0f, 0f, 0f);
            step(env, Heading.EAST);
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).containsExactly(0f, 1 / 20f, 0f, 1 / 100f, 2 / 100f, 0f, 0f, 0f, 0f);
            step(env, Heading.WEST);
            step(env, Heading.SOUTH);
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).as("one row below the start: the goal is a row north, three moves away").containsExactly(
                    0f, 2 / 20f, -1 / 20f, 3 / 100f, 2 / 100f, 0f, 0f, 0f, 0f);
            step(env, Heading.NORTH);
            step(env, Heading.EAST);
            step(env, Heading.EAST);
            assertThat(result.success()).isTrue();

            env.reset(0, obs);
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).as("episode 2 at the start: the expert moves east").containsExactly(0f, 2 / 20f, 0f,
                    2 / 100f, 2 / 100f, 0f, 1f, 0f, 0f);
            step(env, Heading.SOUTH);
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).as("below the start: the expert moves north").containsExactly(0f, 2 / 20f, -1 / 20f,
                    3 / 100f, 2 / 100f, 1f, 0f, 0f, 0f);

            env.setTask(Mazes.fileTask("small", "#####", "#S.G#", "#####"));
            env.reset(0, obs);
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(Arrays.copyOfRange(f, 5, 9)).as("a new task forgets the goal").containsOnly(0f);
        }
    }

    @Test
    void episodesAreTruncatedAtTheTasksHorizonExactly() {
        try (Environment env = factory.create()) {
            env.setTask(Mazes.fileTask("small", "#####", "#S.G#", "#####"));
            env.reset(0, obs);
            for (int i = 1; i < 250; i++) {
                step(env, Heading.NORTH);
                assertThat(result.done()).as("step %d", i).isFalse();
                assertThat(result.reward()).isEqualTo(GridEnvironment.BUMP_REWARD);
            }
            step(env, Heading.SOUTH);
            assertThat(result.truncated()).isTrue();
            assertThat(result.terminated()).isFalse();
            assertThat(result.success()).isFalse();
            assertThat(result.reward()).isEqualTo(GridEnvironment.BUMP_REWARD);

            env.reset(0, obs);
            for (int i = 1; i < 249; i++) {
                step(env, Heading.WEST);
            }
            step(env, Heading.EAST);
            assertThat(result.done()).isFalse();
            step(env, Heading.EAST);
            assertThat(result.terminated()).as("the goal on the last step counts").isTrue();
            assertThat(result.truncated()).isFalse();
            assertThat(result.success()).isTrue();
        }
    }

    @Test
    void aLargeMazeRunsToItsOwnHorizonAndSmallOnesToTheirs() {
        MazeFactory mixed = Mazes.factory("mixed");
        assertThat(mixed.spec().maxEpisodeSteps()).isEqualTo(1000);
        try (Environment env = mixed.create()) {
            for (String size : new String[]{"small", "large"}) {
                MazeTask task = Mazes.factory(size).tasks().sample(Split.TEST, 5);
                env.setTask(task);
                env.reset(0, obs);
                int steps = 0;
                do {
                    // Walk into the start square's walls only: the goal is never reached.
                    step(env, wallOf(obs));
                    steps++;
                } while (!result.done());
                assertThat(result.truncated()).isTrue();
                assertThat(steps).isEqualTo(task.horizon()).isEqualTo(size.equals("small") ? 250 : 1000);
            }
        }
    }

    @Test
    void refusesTasksItCannotRun() {
        try (Environment env = factory.create()) {
            assertThatThrownBy(() -> env.reset(0, obs)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> env.step(action, obs, result)).isInstanceOf(IllegalStateException.class);
            MazeTask large = Mazes.factory("large").tasks().sample(Split.TRAIN, 1);
            assertThatThrownBy(() -> env.setTask(large)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("horizon 1000");
            var hallway = new HallwayPlugin().configureDefaults().tasks().sample(Split.TRAIN, 1);
            assertThatThrownBy(() -> env.setTask(hallway)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hallway");
        }
    }

    private static Heading wallOf(float[] obs) {
        for (Heading h : Heading.values()) {
            if (obs[MazeObservation.WALL + h.ordinal()] == 1f) {
                return h;
            }
        }
        throw new AssertionError("a maze cell with no wall around it");
    }

    private void step(Environment env, Heading heading) {
        action.setIndex(heading.action());
        env.step(action, obs, result);
    }
}
