package dev.metapilot.maze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.Action;
import dev.metapilot.env.Environment;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.maze.grid.Grid;
import dev.metapilot.maze.grid.GridMdp;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class MazeObservationTest {

    private static final int[][] STEPS = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

    @Property(tries = 150)
    void everySquaresObservationMatchesTheDrawing(@ForAll long seed, @ForAll Split split) {
        MazeTask task = Mazes.factory("mixed").tasks().sample(split, seed);
        List<String> lines = task.layout().lines();
        GridMdp mdp = task.mdp();
        Grid grid = mdp.grid();
        int[] start = {grid.row(mdp.start()), grid.column(mdp.start())};
        int[] goal = {grid.row(mdp.goal()), grid.column(mdp.goal())};
        float[] obs = new float[MazeObservation.SIZE];
        for (int r = 0; r < lines.size(); r++) {
            for (int c = 0; c < lines.get(r).length(); c++) {
                if (lines.get(r).charAt(c) == '#') {
                    continue;
                }
                mdp.writeObservation(grid.square(r, c), obs);
                boolean seen = r == goal[0] && c == goal[1];
                for (int h = 0; h < 4; h++) {
                    int run = 0;
                    while (free(lines, r + (run + 1) * STEPS[h][0], c + (run + 1) * STEPS[h][1])) {
                        run++;
                        seen |= r + run * STEPS[h][0] == goal[0] && c + run * STEPS[h][1] == goal[1];
                    }
                    assertThat(obs[MazeObservation.WALL + h]).isEqualTo(run == 0 ? 1f : 0f);
                    assertThat(obs[MazeObservation.OPEN + h] * 20f).isCloseTo(run, org.assertj.core.data.Offset
                            .offset(1e-4f));
                }
                assertThat(obs[MazeObservation.BUMP]).isZero();
                assertThat(Math.round(obs[MazeObservation.START_COLUMNS] * 20)).isEqualTo(c - start[1]);
                assertThat(Math.round(obs[MazeObservation.START_ROWS] * 20)).isEqualTo(r - start[0]);
                assertThat(obs[MazeObservation.GOAL_SEEN]).as("goal seen from (%d,%d)", r, c)
                        .isEqualTo(seen ? 1f : 0f);
                assertThat(Math.round(obs[MazeObservation.GOAL_COLUMNS] * 20)).isEqualTo(seen ? goal[1] - c : 0);
                assertThat(Math.round(obs[MazeObservation.GOAL_ROWS] * 20)).isEqualTo(seen ? goal[0] - r : 0);
                assertThat(MazeObservation.space().contains(obs)).isTrue();
                assertThat(mdp.squareOf(obs)).isEqualTo(grid.square(r, c));
            }
        }
    }

    private static boolean free(List<String> lines, int r, int c) {
        return r >= 0 && c >= 0 && r < lines.size() && c < lines.get(r).length() && lines.get(r).charAt(c) != '#';
    }

    @Example
    void theGoalIsHiddenUntilItComesIntoSight() {
        // Same walls and start; the goal is round a corner in one maze and elsewhere round a corner in the other.
        MazeTask a = Mazes.fileTask("small", "#######", "#S..#G#", "###.#.#", "#.....#", "#######");
        MazeTask b = Mazes.fileTask("small", "#######", "#S..#.#", "###.#.#", "#G....#", "#######");
        float[] obsA = new float[MazeObservation.SIZE];
        float[] obsB = new float[MazeObservation.SIZE];
        StepResult result = new StepResult();
        Action action = Action.of(Mazes.factory("small").spec().actionSpace());
        int[] path = {1, 1, 2, 2}; // east, east, south, south: the goal of b comes into sight at the bottom row.
        try (Environment envA = Mazes.factory("small").create(); Environment envB = Mazes.factory("small").create()) {
            envA.setTask(a);
            envB.setTask(b);
            envA.reset(0, obsA);
            envB.reset(0, obsB);
            assertThat(obsA).containsExactly(obsB);
            for (int i = 0; i < path.length; i++) {
                action.setIndex(path[i]);
                envA.step(action, obsA, result);
                envB.step(action, obsB, result);
                if (i < path.length - 1) {
                    assertThat(obsA).as("step %d", i).containsExactly(obsB);
                    assertThat(obsB[MazeObservation.GOAL_SEEN]).isZero();
                }
            }
            assertThat(obsA[MazeObservation.GOAL_SEEN]).isZero();
            assertThat(obsB[MazeObservation.GOAL_SEEN]).isEqualTo(1f);
            assertThat(obsB[MazeObservation.GOAL_COLUMNS]).isEqualTo(-2 / 20f);
            assertThat(obsB[MazeObservation.GOAL_ROWS]).isZero();
        }
    }

    @Example
    void smallAndLargeMazesShareOneSpec() {
        var small = Mazes.factory("small").spec();
        var large = Mazes.factory("large").spec();
        var mixed = Mazes.factory("mixed").spec();
        assertThat(small.id()).isEqualTo(large.id()).isEqualTo(mixed.id()).isEqualTo("maze");
        assertThat(small.observationSpace()).isEqualTo(large.observationSpace()).isEqualTo(mixed.observationSpace());
        assertThat(small.actionSpace()).isEqualTo(large.actionSpace()).isEqualTo(mixed.actionSpace());
        assertThat(small.observationSize()).isEqualTo(MazeObservation.SIZE);
        assertThat(small.maxEpisodeSteps()).isEqualTo(250);
        assertThat(large.maxEpisodeSteps()).isEqualTo(1000);
        assertThat(mixed.maxEpisodeSteps()).isEqualTo(1000);
    }
}
