package dev.metapilot.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskFileException;
import dev.metapilot.env.TaskFileReader;
import dev.metapilot.env.testing.FuzzCount;
import dev.metapilot.env.testing.ScratchDirectory;
import dev.metapilot.env.testing.TaskFileMutation;
import dev.metapilot.env.testing.TaskFilePlace;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the maze task file reader ({@code --tasks FILE}) through the plugin's {@link TaskFileReader}, from disk as the
 * agent reads it: generated and hand-drawn maze files damaged by {@link TaskFileMutation}s (byte flips, truncation,
 * deleted, repeated and inserted lines, stray characters, unicode, very long lines), and random grids and text. Each
 * file either reads as mazes that are valid (start and goal free and distinct, the goal reachable, within the
 * configured size) and write back unchanged, or is refused with a {@link TaskFileException} whose place lies inside the
 * file; never another exception, never more than a few seconds. Tries per property: {@code maze.fuzz.files} (400 and
 * 200 per build).
 */
class MazeFileFuzzTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final List<String> HAND_DRAWN = List.of("S..\n.#.\n..G\n", "SG\n", "S\nG\n",
            "#####G\r\nS.....\r\n\r\n\r\nS.#\n..#\n#.G\n", "\uFEFFS.G\n\n  \n...\n.SG\n");
    private static Path dir;

    @BeforeContainer
    static void directory() throws IOException {
        dir = ScratchDirectory.create("maze-fuzz");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        ScratchDirectory.delete(dir);
    }

    @Provide
    Arbitrary<String> validFiles() {
        MazeTasks tasks = Mazes.factory("mixed").tasks();
        Arbitrary<String> generated = Arbitraries.longs().map(seed -> tasks.sample(seed % 2 == 0
                ? Split.TRAIN
                : Split.TEST, seed).layout()).list().ofMinSize(1).ofMaxSize(4).map(MazeFileFormat::write);
        return Arbitraries.oneOf(generated, Arbitraries.of(HAND_DRAWN));
    }

    @Provide
    Arbitrary<TaskFileMutation> mutations() {
        return TaskFileMutation.arbitrary(Pattern.compile("[SG#.]"), List.of("S", "G", "#", ".", "x", "SG", "S.G",
                "#".repeat(82), ".".repeat(12)));
    }

    @Provide
    Arbitrary<String> sizes() {
        return Arbitraries.of("small", "mixed");
    }

    @Property
    @FuzzCount(property = "maze.fuzz.files", value = 400)
    void aDamagedMazeFileReadsAsValidMazesOrIsRefusedAtItsPlace(@ForAll("validFiles") String valid,
            @ForAll("mutations") TaskFileMutation mutation, @ForAll("sizes") String size) throws IOException {
        check(mutation.apply(valid), size);
    }

    @Provide
    Arbitrary<String> randomText() {
        Arbitrary<String> grid = Arbitraries.longs().map(MazeFileFuzzTest::randomGrid);
        return Arbitraries.oneOf(grid, grid.list().ofMinSize(1).ofMaxSize(3).map(g -> String.join("\n", g)),
                Arbitraries.strings().withChars("SG#.\n\n\n \r\txé\u0000").ofMaxLength(400));
    }

    /** A random grid of walls and free squares, usually with one start and one goal, at random places. */
    private static String randomGrid(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int rows = 1 + random.nextInt(13);
        int columns = 1 + random.nextInt(13);
        char[][] grid = new char[rows][columns];
        for (char[] row : grid) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextInt(3) == 0 ? '#' : '.';
            }
        }
        for (char mark : new char[]{'S', 'G'}) {
            if (random.nextInt(10) > 0) {
                grid[random.nextInt(rows)][random.nextInt(columns)] = mark;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (char[] row : grid) {
            sb.append(row).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    @Property
    @FuzzCount(property = "maze.fuzz.files", value = 200)
    void randomTextReadsAsValidMazesOrIsRefusedAtItsPlace(@ForAll("randomText") String text,
            @ForAll("sizes") String size) throws IOException {
        check(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), size);
    }

    private static void check(byte[] bytes, String size) throws IOException {
        MazeFactory factory = Mazes.factory(size);
        TaskFileReader reader = factory.taskFileReader().orElseThrow();
        Path file = dir.resolve("mazes.txt");
        Files.write(file, bytes);
        Object outcome = assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return reader.read(file);
            } catch (TaskFileException e) {
                return e;
            }
        });
        if (outcome instanceof TaskFileException e) {
            Statistics.collect(e.getMessage().contains("not UTF-8") ? "refused: not UTF-8" : "refused");
            TaskFilePlace.assertInside(e, file.toString(), bytes);
            return;
        }
        Statistics.collect("read");
        @SuppressWarnings("unchecked")
        List<Task> tasks = (List<Task>) outcome;
        assertThat(tasks).isNotEmpty();
        int maxSide = size.equals("small") ? MazeSize.SMALL.side() : MazeObservation.MAX_SIDE;
        List<MazeLayout> layouts = new ArrayList<>();
        for (Task t : tasks) {
            MazeLayout m = ((MazeTask) t).layout();
            assertThat(m.grid().rows()).isBetween(1, maxSide);
            assertThat(m.grid().columns()).isBetween(1, maxSide);
            assertThat(m.start()).isNotEqualTo(m.goal());
            assertThat(m.grid().isWall(m.start()) || m.grid().isWall(m.goal())).isFalse();
            assertThat(m.grid().distancesTo(m.goal())[m.start()]).isPositive();
            layouts.add(m);
        }
        try {
            assertThat(new MazeFileFormat(maxSide).read("again.txt", new StringReader(MazeFileFormat.write(layouts))))
                    .containsExactlyElementsOf(layouts);
        } catch (TaskFileException e) {
            throw new AssertionError("mazes read from a file do not read back: " + e.getMessage(), e);
        }
    }
}
