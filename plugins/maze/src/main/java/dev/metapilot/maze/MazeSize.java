package dev.metapilot.maze;

import java.util.Objects;

/**
 * A size of generated maze: {@code cells x cells} cells drawn as a {@code (2 cells + 1)}-square grid of characters
 * (cells on odd rows and columns, walls and passages between them), with its episode horizon.
 *
 * <p>
 * Constants used by the plugin's configuration and the task distribution; immutable.
 *
 * @param name the value of the {@code size} option and the size in task ids
 * @param cells cells per side
 * @param horizon steps after which an episode is truncated
 */
public record MazeSize(String name, int cells, int horizon) {

    /** 3x3 cells (a 7x7 grid), 100 steps: not in SNAIL; the first stage of a curriculum. */
    public static final MazeSize TINY = new MazeSize("tiny", 3, 100);
    /** 5x5 cells (an 11x11 grid), 250 steps: SNAIL's small maze. */
    public static final MazeSize SMALL = new MazeSize("small", 5, 250);
    /** 9x9 cells (a 19x19 grid), 1000 steps: SNAIL's large maze. */
    public static final MazeSize LARGE = new MazeSize("large", 9, 1000);

    public MazeSize {
        Objects.requireNonNull(name, "name is null");
        if (cells < 2) {
            throw new IllegalArgumentException("a maze needs at least 2 cells per side, got " + cells);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }

    /** Rows and columns of the character grid: {@code 2 cells + 1}. */
    public int side() {
        return 2 * cells + 1;
    }
}
