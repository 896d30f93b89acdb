package dev.metapilot.maze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.Split;
import dev.metapilot.maze.grid.Grid;
import dev.metapilot.maze.grid.ReferenceBfs;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MazeGenerationTest {

    @Provide
    Arbitrary<MazeSize> sizes() {
        return Arbitraries.of(MazeSize.SMALL, MazeSize.LARGE);
    }

    @Property(tries = 400)
    void everyGeneratedMazeIsPerfectWithAReachableGoal(@ForAll long seed, @ForAll Split split,
            @ForAll("sizes") MazeSize size) {
        MazeTask task = new MazeTasks(List.of(size)).sample(split, seed);
        List<String> lines = task.layout().lines();
        int n = size.cells();
        int side = 2 * n + 1;
        assertThat(lines).hasSize(side).allSatisfy(line -> assertThat(line).hasSize(side));
        int passages = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                boolean free = lines.get(r).charAt(c) != '#';
                if (r % 2 == 1 && c % 2 == 1) {
                    assertThat(free).as("cell (%d,%d) is free", r, c).isTrue();
                } else if (r % 2 == 0 && c % 2 == 0 || r == 0 || c == 0 || r == side - 1 || c == side - 1) {
                    assertThat(free).as("(%d,%d) is a wall", r, c).isFalse();
                } else if (free) {
                    passages++;
                }
            }
        }
        assertThat(passages).as("a spanning tree of %d cells has %d edges", n * n, n * n - 1).isEqualTo(n * n - 1);
        assertThat(reachableCells(lines, n)).as("every cell is reachable").isEqualTo(n * n);
        int[] s = ReferenceBfs.find(lines, 'S');
        int[] g = ReferenceBfs.find(lines, 'G');
        assertThat(s[0] % 2 == 1 && s[1] % 2 == 1 && g[0] % 2 == 1 && g[1] % 2 == 1).as("start and goal on cells")
                .isTrue();
        assertThat(ReferenceBfs.distance(lines, s[0], s[1], g[0], g[1])).isPositive();
        assertThat(task.horizon()).isEqualTo(size.horizon());
    }

    private static int reachableCells(List<String> lines, int n) {
        boolean[][] seen = new boolean[n][n];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[]{0, 0});
        seen[0][0] = true;
        int count = 0;
        int[][] steps = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};
        while (!queue.isEmpty()) {
            int[] cell = queue.poll();
            count++;
            for (int[] d : steps) {
                int r = cell[0] + d[0];
                int c = cell[1] + d[1];
                boolean open = lines.get(2 * cell[0] + 1 + d[0]).charAt(2 * cell[1] + 1 + d[1]) != '#';
                if (open && r >= 0 && c >= 0 && r < n && c < n && !seen[r][c]) {
                    seen[r][c] = true;
                    queue.add(new int[]{r, c});
                }
            }
        }
        return count;
    }

    @Property(tries = 200)
    void aSeedAlwaysNamesTheSameMazeOfItsOwnSplit(@ForAll long seed, @ForAll Split split) {
        MazeTasks tasks = Mazes.factory("mixed").tasks();
        MazeTask a = tasks.sample(split, seed);
        MazeTask b = tasks.sample(split, seed);
        assertThat(a.layout()).isEqualTo(b.layout());
        assertThat(a.id()).isEqualTo(b.id()).contains(split.name().toLowerCase(Locale.ROOT));
        assertThat(MazeTasks.splitOf(a.layout())).isEqualTo(split);
    }

    @Property(tries = 200)
    void theSplitDependsOnTheWallsAloneUpToRotationAndReflection(@ForAll long seed, @ForAll Split split,
            @ForAll("sizes") MazeSize size) {
        MazeLayout layout = new MazeTasks(List.of(size)).sample(split, seed).layout();
        Grid grid = layout.grid();
        for (String drawing : Mazes.symmetries(layout.lines())) {
            String[] rows = drawing.split("\n");
            boolean[] wall = new boolean[grid.size()];
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length(); c++) {
                    wall[r * rows[0].length() + c] = rows[r].charAt(c) == '#';
                }
            }
            Grid turned = new Grid(rows.length, rows[0].length(), wall);
            // Any other start and goal: the split must not change.
            int start = grid.square(1, 1);
            int goal = grid.square(grid.rows() - 2, grid.columns() - 2);
            assertThat(MazeTasks.splitOf(new MazeLayout(turned, start, goal))).isEqualTo(split);
        }
    }

    @Example
    void trainAndTestNeverShareAMazeWhereTheSpaceIsSmallEnoughToCollide() {
        // 3x3 cells give a dozen wall layouts up to symmetry and 4x4 cells a few thousand: drawn 1,500 times per
        // split, both splits would share most of them without the split rule.
        for (int cells = 3; cells <= 4; cells++) {
            MazeTasks tiny = new MazeTasks(List.of(new MazeSize("tiny", cells, 50)));
            Set<String> train = new HashSet<>();
            Set<String> test = new HashSet<>();
            for (long seed = 0; seed < 1_500; seed++) {
                train.add(Mazes.canonicalWalls(tiny.sample(Split.TRAIN, seed).layout().lines()));
                test.add(Mazes.canonicalWalls(tiny.sample(Split.TEST, seed).layout().lines()));
            }
            assertThat(train).hasSizeGreaterThanOrEqualTo(cells == 3 ? 4 : 100);
            assertThat(test).hasSizeGreaterThanOrEqualTo(cells == 3 ? 4 : 100);
            assertThat(train.size() + test.size()).as("layouts up to symmetry").isGreaterThanOrEqualTo(
                    cells == 3 ? 10 : 200);
            assertThat(train).doesNotContainAnyElementsOf(test);
        }
    }

    @Property(tries = 5)
    void trainAndTestNeverShareAMaze(@ForAll("sizes") MazeSize size, @ForAll long base) {
        MazeTasks tasks = new MazeTasks(List.of(size));
        Set<String> train = new HashSet<>();
        Set<String> test = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            long seed = base + i;
            train.add(Mazes.canonicalWalls(tasks.sample(Split.TRAIN, seed).layout().lines()));
            test.add(Mazes.canonicalWalls(tasks.sample(Split.TEST, seed).layout().lines()));
        }
        assertThat(train).doesNotContainAnyElementsOf(test);
    }

    @Example
    void mixedDrawsBothSizes() {
        MazeTasks tasks = Mazes.factory("mixed").tasks();
        int small = 0;
        for (long seed = 0; seed < 400; seed++) {
            MazeTask task = tasks.sample(Split.TRAIN, seed);
            assertThat(task.kind()).isIn("small", "large");
            assertThat(task.layout().grid().rows()).isEqualTo(task.kind().equals("small") ? 11 : 19);
            small += task.kind().equals("small") ? 1 : 0;
        }
        assertThat(small).isBetween(150, 250);
    }
}
