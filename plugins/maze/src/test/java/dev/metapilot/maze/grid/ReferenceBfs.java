package dev.metapilot.maze.grid;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * A breadth-first search over a maze drawn as text lines, written independently of {@link Grid} so that tests compare
 * the environment and its baselines with a second implementation.
 */
public final class ReferenceBfs {

    private ReferenceBfs() {}

    /** Steps from {@code (fromRow, fromColumn)} to {@code (toRow, toColumn)} through non-{@code #} squares, or -1. */
    public static int distance(List<String> lines, int fromRow, int fromColumn, int toRow, int toColumn) {
        int rows = lines.size();
        int columns = lines.get(0).length();
        int[][] seen = new int[rows][columns];
        for (int[] row : seen) {
            Arrays.fill(row, -1);
        }
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        seen[fromRow][fromColumn] = 0;
        queue.add(new int[]{fromRow, fromColumn});
        int[][] steps = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};
        while (!queue.isEmpty()) {
            int[] at = queue.poll();
            if (at[0] == toRow && at[1] == toColumn) {
                return seen[at[0]][at[1]];
            }
            for (int[] s : steps) {
                int r = at[0] + s[0];
                int c = at[1] + s[1];
                if (r >= 0 && c >= 0 && r < rows && c < columns && lines.get(r).charAt(c) != '#' && seen[r][c] < 0) {
                    seen[r][c] = seen[at[0]][at[1]] + 1;
                    queue.add(new int[]{r, c});
                }
            }
        }
        return -1;
    }

    /** Row and column of the first {@code ch} in {@code lines}. */
    public static int[] find(List<String> lines, char ch) {
        for (int r = 0; r < lines.size(); r++) {
            int c = lines.get(r).indexOf(ch);
            if (c >= 0) {
                return new int[]{r, c};
            }
        }
        throw new AssertionError("no '" + ch + "' in\n" + String.join("\n", lines));
    }
}
