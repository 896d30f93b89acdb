package dev.metapilot.maze.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridTest {

    // .#.
    // ...
    private final Grid grid = new Grid(2, 3, new boolean[]{false, true, false, false, false, false});

    @Test
    void movesStopAtWallsAndTheEdge() {
        assertThat(grid.move(0, Heading.EAST)).as("into a wall").isEqualTo(0);
        assertThat(grid.move(0, Heading.NORTH)).as("off the grid").isEqualTo(0);
        assertThat(grid.move(0, Heading.SOUTH)).isEqualTo(3);
        assertThat(grid.move(3, Heading.EAST)).isEqualTo(4);
        assertThat(grid.move(4, Heading.NORTH)).as("into a wall").isEqualTo(4);
        assertThat(grid.move(5, Heading.NORTH)).isEqualTo(2);
        assertThat(grid.freeSquares()).isEqualTo(5);
        assertThat(grid).hasToString(".#.\n...");
    }

    @Test
    void openRunCountsFreeSquaresBeforeAWall() {
        assertThat(grid.openRun(3, Heading.EAST)).isEqualTo(2);
        assertThat(grid.openRun(5, Heading.WEST)).isEqualTo(2);
        assertThat(grid.openRun(4, Heading.NORTH)).isZero();
        assertThat(grid.openRun(2, Heading.SOUTH)).isEqualTo(1);
    }

    @Test
    void distancesGoAroundWalls() {
        int[] d = grid.distancesTo(0);
        assertThat(d).containsExactly(0, -1, 4, 1, 2, 3);
    }

    @Test
    void rejectsMismatchedDimensions() {
        assertThatThrownBy(() -> new Grid(2, 2, new boolean[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 squares");
    }

    @Test
    void mdpRejectsUnreachableGoalAndOracleFollowsShortestPath() {
        Displacement displacement = new Displacement(0, 1, 1f, 1f);
        // .#.
        // ##.
        Grid split = new Grid(2, 3, new boolean[]{false, true, false, true, true, false});
        assertThatThrownBy(() -> new GridMdp("g", split, 0, 5, 10, 2, -1, new float[12], displacement))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be reached");
        GridMdp mdp = new GridMdp("g", grid, 0, 2, 10, 2, -1, new float[12], displacement);
        assertThat(mdp.distanceToGoal(0)).isEqualTo(4);
        assertThat(mdp.actionTowardGoal(0)).isEqualTo(Heading.SOUTH.action());
        assertThat(mdp.actionTowardGoal(4)).isEqualTo(Heading.EAST.action());
        assertThat(mdp.actionTowardGoal(5)).isEqualTo(Heading.NORTH.action());
        assertThat(mdp.actionTowardGoal(2)).isEqualTo(-1);
        assertThat(mdp.squareOf(new float[]{2f, 1f})).isEqualTo(5);
        assertThatThrownBy(() -> mdp.squareOf(new float[]{1f, 0f})).isInstanceOf(IllegalStateException.class);
    }
}
