package dev.metapilot.maze.hallway;

import dev.metapilot.env.Box;
import dev.metapilot.maze.grid.Displacement;
import dev.metapilot.maze.grid.Grid;
import dev.metapilot.maze.grid.Heading;
import java.util.Arrays;

/**
 * The map of one hallway configuration and its observation: {@code N} hallways of {@code length} squares going north
 * from a one-row start room, and the sign in an alcove south of the room's west end.
 *
 * <pre>
 * .#G#.#.   row 0: the hallway ends (N = 4, length = 2, goal in hallway 1; hallway i is column 2i)
 * .#.#.#.
 * .....S.   row = length: the start room, the start on one of its squares
 * s######   row = length + 1: the sign, column 0
 * </pre>
 *
 * The observation has {@code 7 + N} floats: walls north, east, south, west (0..3); bumped into a wall (4); displacement
 * from the start, columns east / width and rows south / (length + 1) (5, 6); the sign's reading, one-hot of the goal
 * hallway on the sign square and all zero elsewhere (7..7+N-1).
 *
 * <p>
 * Built once per configuration by the hallway plugin; immutable and shared by its tasks and baselines.
 */
final class HallwayLayout {

    static final int WALL = 0;
    static final int BUMP = 4;
    static final int START_COLUMNS = 5;
    static final int START_ROWS = 6;
    static final int SIGN = 7;

    private final int hallways;
    private final int length;
    private final Grid grid;
    private final Displacement displacement;

    HallwayLayout(int hallways, int length) {
        if (hallways < 2 || length < 1) {
            throw new IllegalArgumentException("need at least 2 hallways of length 1, got " + hallways + "x" + length);
        }
        this.hallways = hallways;
        this.length = length;
        int width = 2 * hallways - 1;
        boolean[] wall = new boolean[(length + 2) * width];
        for (int r = 0; r < length + 2; r++) {
            for (int c = 0; c < width; c++) {
                boolean free = r < length ? c % 2 == 0 : r == length || c == 0;
                wall[r * width + c] = !free;
            }
        }
        this.grid = new Grid(length + 2, width, wall);
        this.displacement = new Displacement(START_COLUMNS, START_ROWS, width, length + 1);
    }

    int hallways() {
        return hallways;
    }

    int length() {
        return length;
    }

    Grid grid() {
        return grid;
    }

    /** Columns of the room; hallway {@code i} leaves it at column {@code 2i}. */
    int width() {
        return grid.columns();
    }

    int sign() {
        return grid.square(length + 1, 0);
    }

    /** The square of the room at {@code column}. */
    int roomSquare(int column) {
        return grid.square(length, column);
    }

    /** The far end of hallway {@code i}. */
    int hallwayEnd(int i) {
        return grid.square(0, 2 * i);
    }

    /** Steps after which an episode is truncated: four times the number of free squares. */
    int horizon() {
        return 4 * grid.freeSquares();
    }

    int observationSize() {
        return SIGN + hallways;
    }

    Displacement displacement() {
        return displacement;
    }

    Box space() {
        float[] low = new float[observationSize()];
        float[] high = new float[observationSize()];
        Arrays.fill(high, 1f);
        low[START_COLUMNS] = -1f;
        low[START_ROWS] = -1f;
        return new Box(low, high);
    }

    /** The observation of every square when the goal is hallway {@code goal} and the start is {@code start}. */
    float[] table(int goal, int start) {
        int size = observationSize();
        float[] table = new float[grid.size() * size];
        for (int square = 0; square < grid.size(); square++) {
            if (grid.isWall(square)) {
                continue;
            }
            int at = square * size;
            for (Heading h : Heading.values()) {
                table[at + WALL + h.ordinal()] = grid.move(square, h) == square ? 1f : 0f;
            }
            displacement.write(table, at, grid.column(square) - grid.column(start), grid.row(square) - grid.row(start));
            if (square == sign()) {
                table[at + SIGN + goal] = 1f;
            }
        }
        return table;
    }
}
