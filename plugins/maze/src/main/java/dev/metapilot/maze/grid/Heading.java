package dev.metapilot.maze.grid;

/**
 * The four moves of a grid agent; the ordinal is the index of the {@code Discrete(4)} action (0 = north, 1 = east, 2 =
 * south, 3 = west).
 *
 * <p>
 * Used by environments, observation builders and baselines on any thread.
 */
public enum Heading {
    /** One row up (row - 1). */
    NORTH(-1, 0),
    /** One column right (column + 1). */
    EAST(0, 1),
    /** One row down (row + 1). */
    SOUTH(1, 0),
    /** One column left (column - 1). */
    WEST(0, -1);

    private static final Heading[] ALL = values();

    private final int rowStep;
    private final int columnStep;

    Heading(int rowStep, int columnStep) {
        this.rowStep = rowStep;
        this.columnStep = columnStep;
    }

    /** Row change of this move: -1, 0 or +1. */
    public int rowStep() {
        return rowStep;
    }

    /** Column change of this move: -1, 0 or +1. */
    public int columnStep() {
        return columnStep;
    }

    /** The action index of this move. */
    public int action() {
        return ordinal();
    }

    /** The heading of action {@code index}. */
    public static Heading ofAction(int index) {
        return ALL[index];
    }
}
