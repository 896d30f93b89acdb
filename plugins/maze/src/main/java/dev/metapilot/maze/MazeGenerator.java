package dev.metapilot.maze;

import dev.metapilot.maze.grid.Grid;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws perfect mazes (every cell reachable by exactly one path) with the recursive backtracker, and a start and a goal
 * on two different cells.
 *
 * <p>
 * Called by the task distribution on the sampling thread; stateless, all randomness comes from the caller's generator.
 */
final class MazeGenerator {

    private static final int[] ROW_STEP = {-1, 0, 1, 0};
    private static final int[] COLUMN_STEP = {0, 1, 0, -1};

    private MazeGenerator() {}

    /** A perfect maze of {@code cells x cells} cells with start and goal on two distinct cells. */
    static MazeLayout generate(int cells, SplittableRandom rng) {
        int side = 2 * cells + 1;
        boolean[] wall = new boolean[side * side];
        Arrays.fill(wall, true);
        boolean[] visited = new boolean[cells * cells];
        int[] stack = new int[cells * cells];
        int[] options = new int[4];
        int top = 0;
        int first = rng.nextInt(cells * cells);
        visited[first] = true;
        wall[centre(first, cells, side)] = false;
        stack[top++] = first;
        while (top > 0) {
            int cell = stack[top - 1];
            int r = cell / cells;
            int c = cell % cells;
            int count = 0;
            for (int d = 0; d < 4; d++) {
                int nr = r + ROW_STEP[d];
                int nc = c + COLUMN_STEP[d];
                if (nr >= 0 && nc >= 0 && nr < cells && nc < cells && !visited[nr * cells + nc]) {
                    options[count++] = d;
                }
            }
            if (count == 0) {
                top--;
                continue;
            }
            int d = options[rng.nextInt(count)];
            int next = (r + ROW_STEP[d]) * cells + c + COLUMN_STEP[d];
            visited[next] = true;
            wall[(2 * r + 1 + ROW_STEP[d]) * side + 2 * c + 1 + COLUMN_STEP[d]] = false;
            wall[centre(next, cells, side)] = false;
            stack[top++] = next;
        }
        int startCell = rng.nextInt(cells * cells);
        int goalCell = rng.nextInt(cells * cells - 1);
        if (goalCell >= startCell) {
            goalCell++;
        }
        return new MazeLayout(new Grid(side, side, wall), centre(startCell, cells, side),
                centre(goalCell, cells, side));
    }

    private static int centre(int cell, int cells, int side) {
        return (2 * (cell / cells) + 1) * side + 2 * (cell % cells) + 1;
    }
}
