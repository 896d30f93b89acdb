package dev.metapilot.maze.grid;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rectangular grid of wall and free squares with its move table precomputed; squares are numbered row-major
 * ({@code row * columns + column}) and everything outside the grid counts as wall.
 *
 * <p>
 * Built once per layout by a plugin's task code on the caller's thread; immutable and shared afterwards.
 */
public final class Grid {

    private final int rows;
    private final int columns;
    private final boolean[] wall;
    private final int[] moves;
    private final int freeSquares;

    /**
     * @param wall row-major, {@code true} for a wall square; copied
     * @throws IllegalArgumentException when the dimensions are not positive or do not match {@code wall}
     */
    public Grid(int rows, int columns, boolean[] wall) {
        Objects.requireNonNull(wall, "wall is null");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("a grid needs at least one row and column, got " + rows + "x" + columns);
        }
        if (wall.length != rows * columns) {
            throw new IllegalArgumentException(
                    "a " + rows + "x" + columns + " grid needs " + rows * columns + " squares, got " + wall.length);
        }
        this.rows = rows;
        this.columns = columns;
        this.wall = wall.clone();
        this.moves = new int[wall.length * 4];
        int free = 0;
        for (int square = 0; square < wall.length; square++) {
            free += wall[square] ? 0 : 1;
            for (Heading h : Heading.values()) {
                int r = square / columns + h.rowStep();
                int c = square % columns + h.columnStep();
                moves[square * 4 + h.action()] = isWall(r, c) ? square : r * columns + c;
            }
        }
        this.freeSquares = free;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Number of squares, walls included. */
    public int size() {
        return wall.length;
    }

    /** Number of free (non-wall) squares. */
    public int freeSquares() {
        return freeSquares;
    }

    public int square(int row, int column) {
        return row * columns + column;
    }

    public int row(int square) {
        return square / columns;
    }

    public int column(int square) {
        return square % columns;
    }

    public boolean isWall(int square) {
        return wall[square];
    }

    /** True for a wall square and for every position outside the grid. */
    public boolean isWall(int row, int column) {
        return row < 0 || column < 0 || row >= rows || column >= columns || wall[row * columns + column];
    }

    /** The square reached from {@code square} by {@code heading}: the square itself when a wall is in the way. */
    public int move(int square, Heading heading) {
        return moves[square * 4 + heading.action()];
    }

    /** A copy of the move table: entry {@code square * 4 + action} is the square that action leads to. */
    public int[] moveTable() {
        return moves.clone();
    }

    /** Number of free squares in a straight line from {@code square} towards {@code heading}, before a wall. */
    public int openRun(int square, Heading heading) {
        int run = 0;
        int r = row(square) + heading.rowStep();
        int c = column(square) + heading.columnStep();
        while (!isWall(r, c)) {
            run++;
            r += heading.rowStep();
            c += heading.columnStep();
        }
        return run;
    }

    /** Breadth-first step counts from every square to {@code target}; -1 for walls and squares that cannot reach it. */
    public int[] distancesTo(int target) {
        Objects.checkIndex(target, wall.length);
        int[] distance = new int[wall.length];
        Arrays.fill(distance, -1);
        if (wall[target]) {
            return distance;
        }
        int[] queue = new int[wall.length];
        int head = 0;
        int tail = 0;
        distance[target] = 0;
        queue[tail++] = target;
        while (head < tail) {
            int square = queue[head++];
            for (int a = 0; a < 4; a++) {
                int next = moves[square * 4 + a];
                if (distance[next] < 0) {
                    distance[next] = distance[square] + 1;
                    queue[tail++] = next;
                }
            }
        }
        return distance;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && g.rows == rows && g.columns == columns && Arrays.equals(g.wall, wall);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(wall);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(rows * (columns + 1));
        for (int square = 0; square < wall.length; square++) {
            sb.append(wall[square] ? '#' : '.');
            if (square % columns == columns - 1 && square < wall.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
