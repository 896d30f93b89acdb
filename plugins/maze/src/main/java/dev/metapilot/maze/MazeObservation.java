package dev.metapilot.maze;

import dev.metapilot.env.Box;
import dev.metapilot.maze.grid.Displacement;
import dev.metapilot.maze.grid.Grid;
import dev.metapilot.maze.grid.Heading;

/**
 * The maze observation: 14 floats that do not depend on the maze's size and show the goal only in line of sight.
 *
 * <pre>
 *  0..3   wall to the north, east, south, west (1 or 0)
 *  4..7   free squares in a straight line north, east, south, west before a wall, / 20
 *  8      the last action hit a wall (1 or 0; 0 after reset)
 *  9, 10  displacement from the start square, columns east and rows south, / 20
 *  11     the goal is in line of sight: in the same row or column with no wall between (1 or 0)
 *  12, 13 the goal's offset from the agent, columns east and rows south, / 20; 0 when not in sight
 * </pre>
 *
 * <p>
 * Used by the task code to compile each maze's per-square observation rows and by the baselines to read them; constants
 * and pure functions only.
 */
public final class MazeObservation {

    /** Number of floats in a maze observation. */
    public static final int SIZE = 14;
    /** First of the four wall flags (north, east, south, west). */
    public static final int WALL = 0;
    /** First of the four line-of-sight run lengths (north, east, south, west). */
    public static final int OPEN = 4;
    /** The bump flag. */
    public static final int BUMP = 8;
    /** Column displacement from the start. */
    public static final int START_COLUMNS = 9;
    /** Row displacement from the start. */
    public static final int START_ROWS = 10;
    /** The goal-in-sight flag. */
    public static final int GOAL_SEEN = 11;
    /** Column offset of the goal from the agent when in sight. */
    public static final int GOAL_COLUMNS = 12;
    /** Row offset of the goal from the agent when in sight. */
    public static final int GOAL_ROWS = 13;
    /** Squares per observation unit of every distance: large mazes stay within [-1, 1]. */
    public static final float SCALE = 20f;
    /** The largest number of rows or columns a maze may have, so that every distance stays within [-4, 4]. */
    public static final int MAX_SIDE = 81;
    /** Where the displacement from the start sits. */
    public static final Displacement DISPLACEMENT = new Displacement(START_COLUMNS, START_ROWS, SCALE, SCALE);

    private MazeObservation() {}

    /** The observation space, the same for every maze size. */
    public static Box space() {
        float[] low = new float[SIZE];
        float[] high = new float[SIZE];
        float far = (MAX_SIDE - 1) / SCALE;
        for (int i = 0; i < SIZE; i++) {
            boolean signed = i == START_COLUMNS || i == START_ROWS || i == GOAL_COLUMNS || i == GOAL_ROWS;
            boolean distance = signed || (i >= OPEN && i < OPEN + 4);
            low[i] = signed ? -far : 0f;
            high[i] = distance ? far : 1f;
        }
        return new Box(low, high);
    }

    /** The observation of every square of {@code layout} (row-major, {@link #SIZE} floats each; walls all zero). */
    static float[] table(MazeLayout layout) {
        Grid grid = layout.grid();
        float[] table = new float[grid.size() * SIZE];
        int startRow = grid.row(layout.start());
        int startColumn = grid.column(layout.start());
        int goalRow = grid.row(layout.goal());
        int goalColumn = grid.column(layout.goal());
        for (int square = 0; square < grid.size(); square++) {
            if (grid.isWall(square)) {
                continue;
            }
            int at = square * SIZE;
            int row = grid.row(square);
            int column = grid.column(square);
            for (Heading h : Heading.values()) {
                int run = grid.openRun(square, h);
                table[at + WALL + h.ordinal()] = run == 0 ? 1f : 0f;
                table[at + OPEN + h.ordinal()] = run / SCALE;
                int ahead = row == goalRow
                        ? (goalColumn - column) * h.columnStep()
                        : column == goalColumn ? (goalRow - row) * h.rowStep() : 0;
                if (ahead > 0 && ahead <= run || square == layout.goal()) {
                    table[at + GOAL_SEEN] = 1f;
                    table[at + GOAL_COLUMNS] = (goalColumn - column) / SCALE;
                    table[at + GOAL_ROWS] = (goalRow - row) / SCALE;
                }
            }
            DISPLACEMENT.write(table, at, column - startColumn, row - startRow);
        }
        return table;
    }
}
