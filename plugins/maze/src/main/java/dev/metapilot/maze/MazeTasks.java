package dev.metapilot.maze;

import dev.metapilot.env.Split;
import dev.metapilot.env.TaskDistribution;
import dev.metapilot.maze.grid.Grid;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The maze task distribution: a seed names a perfect maze of one of the configured sizes; TRAIN and TEST are disjoint
 * by construction because {@link #splitOf} assigns every wall layout to exactly one split and sampling rejects mazes of
 * the other split.
 *
 * <p>
 * The split depends only on the walls, taken up to rotation and reflection, so a TEST maze is not even a rotated or
 * mirrored TRAIN maze, whatever its start and goal. Called by the trainer and evaluation from any thread; stateless.
 */
final class MazeTasks implements TaskDistribution {

    private static final long TRAIN_SALT = 0x2545F4914F6CDD1DL;
    private static final long TEST_SALT = 0x9E3779B97F4A7C15L;

    private final List<MazeSize> sizes;

    /** @param sizes the sizes to draw from, uniformly; at least one */
    MazeTasks(List<MazeSize> sizes) {
        Objects.requireNonNull(sizes, "sizes is null");
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("sizes is empty");
        }
        this.sizes = List.copyOf(sizes);
    }

    @Override
    public MazeTask sample(Split split, long seed) {
        Objects.requireNonNull(split, "split is null");
        SplittableRandom rng = new SplittableRandom(seed ^ (split == Split.TRAIN ? TRAIN_SALT : TEST_SALT));
        MazeSize size = sizes.size() == 1 ? sizes.get(0) : sizes.get(rng.nextInt(sizes.size()));
        // Half of all layouts belong to each split, so this takes two draws on average.
        while (true) {
            MazeLayout layout = MazeGenerator.generate(size.cells(), rng);
            if (splitOf(layout) == split) {
                String id = "maze-" + size.name() + "-" + split.name().toLowerCase(Locale.ROOT) + "-" + seed;
                return new MazeTask(id, size.name(), layout, size.horizon());
            }
        }
    }

    /** The split that owns {@code layout}'s walls: a function of the walls alone, the same for all 8 symmetries. */
    static Split splitOf(MazeLayout layout) {
        return (mix(wallFingerprint(layout.grid())) & 1L) == 0 ? Split.TRAIN : Split.TEST;
    }

    /** A 64-bit hash of the walls, the smallest over the 8 rotations and reflections of the grid. */
    static long wallFingerprint(Grid grid) {
        long best = Long.MAX_VALUE;
        for (int symmetry = 0; symmetry < 8; symmetry++) {
            best = Math.min(best, hash(grid, symmetry));
        }
        return best;
    }

    /** Hash of the grid transformed by {@code symmetry}: bit 0 flips rows, bit 1 flips columns, bit 2 transposes. */
    private static long hash(Grid grid, int symmetry) {
        boolean transpose = (symmetry & 4) != 0;
        int rows = transpose ? grid.columns() : grid.rows();
        int columns = transpose ? grid.rows() : grid.columns();
        long h = 0xcbf29ce484222325L;
        h = (h ^ rows) * 0x100000001b3L;
        h = (h ^ columns) * 0x100000001b3L;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int sr = transpose ? c : r;
                int sc = transpose ? r : c;
                if ((symmetry & 1) != 0) {
                    sr = grid.rows() - 1 - sr;
                }
                if ((symmetry & 2) != 0) {
                    sc = grid.columns() - 1 - sc;
                }
                h = (h ^ (grid.isWall(sr, sc) ? 1 : 2)) * 0x100000001b3L;
            }
        }
        return mix(h);
    }

    /** The murmur3 64-bit finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
