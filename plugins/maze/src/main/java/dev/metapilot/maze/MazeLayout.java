package dev.metapilot.maze;

import dev.metapilot.maze.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One maze as drawn in a maze file: a wall grid with a start and a goal square (any size, loops allowed).
 *
 * <p>
 * Created by the generator and the file reader on the caller's thread; immutable. Equal layouts have equal walls, start
 * and goal.
 */
public final class MazeLayout {

    private final Grid grid;
    private final int start;
    private final int goal;

    /**
     * @throws IllegalArgumentException when start or goal is a wall, or they are the same square
     */
    public MazeLayout(Grid grid, int start, int goal) {
        this.grid = Objects.requireNonNull(grid, "grid is null");
        Objects.checkIndex(start, grid.size());
        Objects.checkIndex(goal, grid.size());
        if (grid.isWall(start) || grid.isWall(goal)) {
            throw new IllegalArgumentException("start and goal must be free squares");
        }
        if (start == goal) {
            throw new IllegalArgumentException("start and goal are the same square");
        }
        this.start = start;
        this.goal = goal;
    }

    public Grid grid() {
        return grid;
    }

    public int start() {
        return start;
    }

    public int goal() {
        return goal;
    }

    /** The maze's rows in the file format: {@code #} wall, {@code .} free, {@code S} start, {@code G} goal. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(grid.rows());
        StringBuilder row = new StringBuilder(grid.columns());
        for (int r = 0; r < grid.rows(); r++) {
            row.setLength(0);
            for (int c = 0; c < grid.columns(); c++) {
                int square = grid.square(r, c);
                row.append(square == start ? 'S' : square == goal ? 'G' : grid.isWall(square) ? '#' : '.');
            }
            lines.add(row.toString());
        }
        return lines;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MazeLayout m && m.start == start && m.goal == goal && m.grid.equals(grid);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * grid.hashCode() + start) + goal;
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
