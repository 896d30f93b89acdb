package dev.metapilot.maze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskFileException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MazeFileFormatTest {

    private final MazeFileFormat format = new MazeFileFormat(MazeObservation.MAX_SIDE);

    @Provide
    Arbitrary<List<MazeLayout>> mazes() {
        MazeTasks tasks = Mazes.factory("mixed").tasks();
        return Arbitraries.longs().map(seed -> tasks.sample(seed % 2 == 0 ? Split.TRAIN : Split.TEST, seed).layout())
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 200)
    void generatedMazesRoundTrip(@ForAll("mazes") List<MazeLayout> mazes) throws Exception {
        String text = MazeFileFormat.write(mazes);
        assertThat(format.read("m.txt", new StringReader(text))).containsExactlyElementsOf(mazes);
        List<Task> tasks = Mazes.factory("mixed").taskFileReader().orElseThrow().read("dir/m.txt",
                new StringReader(text));
        for (int i = 0; i < mazes.size(); i++) {
            MazeTask task = (MazeTask) tasks.get(i);
            assertThat(task.layout()).isEqualTo(mazes.get(i));
            assertThat(task.id()).isEqualTo("maze-file-m.txt-" + (i + 1));
            assertThat(task.horizon()).isEqualTo(task.layout().grid().rows() == 11 ? 250 : 1000);
        }
    }

    @Property(tries = 200)
    void anUnknownCharacterIsReportedWhereItIs(@ForAll("mazes") List<MazeLayout> mazes, @ForAll int where,
            @ForAll("badCharacters") char bad) {
        List<List<String>> drawings = drawings(mazes);
        int[] at = pick(drawings, where);
        replace(drawings, at, bad);
        TaskFileException e = fail(drawings);
        assertThat(e.line()).isEqualTo(lineOf(drawings, at[0], at[1]));
        assertThat(e.column()).isEqualTo(at[2] + 1);
        assertThat(e.getMessage()).contains("unknown character");
    }

    @Provide
    Arbitrary<Character> badCharacters() {
        return Arbitraries.of('x', 's', 'g', '0', '*', ' ', '\t', '\u00e9');
    }

    @Property(tries = 200)
    void aRaggedRowIsReportedAtItsFirstMissingOrExtraColumn(@ForAll("mazes") List<MazeLayout> mazes,
            @ForAll int where, @ForAll boolean longer) {
        List<List<String>> drawings = drawings(mazes);
        int[] at = pick(drawings, where);
        List<String> maze = drawings.get(at[0]);
        String row = maze.get(at[1]);
        int width = row.length();
        maze.set(at[1], longer ? row + "#" : row.substring(0, width - 1));
        TaskFileException e = fail(drawings);
        // The first row sets the width; when it is the odd one out, the second row is reported.
        int reportedRow = at[1] == 0 ? 1 : at[1];
        assertThat(e.line()).isEqualTo(lineOf(drawings, at[0], reportedRow));
        assertThat(e.column()).isEqualTo(longer ? width + 1 : width);
        assertThat(e.getMessage()).contains("characters but the maze's first row");
    }

    @Property(tries = 200)
    void aSecondStartOrGoalIsReportedWhereItIs(@ForAll("mazes") List<MazeLayout> mazes, @ForAll int where,
            @ForAll boolean start) {
        List<List<String>> drawings = drawings(mazes);
        int maze = Math.floorMod(where, drawings.size());
        List<int[]> free = new ArrayList<>();
        for (int r = 0; r < drawings.get(maze).size(); r++) {
            for (int c = 0; c < drawings.get(maze).get(r).length(); c++) {
                if (drawings.get(maze).get(r).charAt(c) == '.') {
                    free.add(new int[]{maze, r, c});
                }
            }
        }
        int[] added = free.get(Math.floorMod(where / 7, free.size()));
        char mark = start ? 'S' : 'G';
        int[] first = position(drawings.get(maze), mark);
        replace(drawings, added, mark);
        boolean addedLater = added[1] > first[0] || added[1] == first[0] && added[2] > first[1];
        TaskFileException e = fail(drawings);
        assertThat(e.line()).isEqualTo(lineOf(drawings, maze, addedLater ? added[1] : first[0]));
        assertThat(e.column()).isEqualTo((addedLater ? added[2] : first[1]) + 1);
        assertThat(e.getMessage()).contains(start ? "second start" : "second goal");
    }

    @Property(tries = 100)
    void aWalledInGoalIsReportedAtTheGoal(@ForAll("mazes") List<MazeLayout> mazes, @ForAll int where) {
        List<List<String>> drawings = drawings(mazes);
        int maze = Math.floorMod(where, drawings.size());
        int[] goal = position(drawings.get(maze), 'G');
        for (int[] d : new int[][]{{-1, 0}, {0, 1}, {1, 0}, {0, -1}}) {
            replace(drawings, new int[]{maze, goal[0] + d[0], goal[1] + d[1]}, '#');
        }
        TaskFileException e = fail(drawings);
        assertThat(e.line()).isEqualTo(lineOf(drawings, maze, goal[0]));
        assertThat(e.column()).isEqualTo(goal[1] + 1);
        assertThat(e.getMessage()).contains("cannot be reached");
    }

    @Property(tries = 50)
    void aMissingStartOrGoalIsReportedAtTheMazesFirstLine(@ForAll("mazes") List<MazeLayout> mazes,
            @ForAll int where, @ForAll boolean start) {
        List<List<String>> drawings = drawings(mazes);
        int maze = Math.floorMod(where, drawings.size());
        int[] mark = position(drawings.get(maze), start ? 'S' : 'G');
        replace(drawings, new int[]{maze, mark[0], mark[1]}, '.');
        TaskFileException e = fail(drawings);
        assertThat(e.line()).isEqualTo(lineOf(drawings, maze, 0));
        assertThat(e.column()).isZero();
        assertThat(e.getMessage()).contains(start ? "no start" : "no goal");
    }

    @Example
    void handWrittenMazesWithLoopsAnyShapeAndLooseSeparatorsAreRead() throws Exception {
        String text = "\uFEFF\r\n\r\nS..\r\n.#.\r\n..G\r\n \t\r\n\r\n#####G\r\nS.....\r\n";
        List<MazeLayout> mazes = format.read("loops.txt", new StringReader(text));
        assertThat(mazes).hasSize(2);
        assertThat(mazes.get(0).lines()).containsExactly("S..", ".#.", "..G");
        assertThat(mazes.get(1).lines()).containsExactly("#####G", "S.....");
    }

    @Example
    void fileErrorsCarryTheirPlace() {
        assertThat(error(format, "S.G\nxG.\n")).isEqualTo("t.txt:2:1: unknown character 'x'; expected '#', '.', 'S' "
                + "or 'G'");
        assertThat(error(format, "S.#\n###\n..G\n")).startsWith("t.txt:3:3: goal 'G' cannot be reached from the "
                + "start 'S' at line 1, column 1");
        assertThat(error(format, "S.G\n..\n")).startsWith("t.txt:2:3: row has 2 characters");
        assertThat(error(format, "S.G\n....\n")).startsWith("t.txt:2:4: row has 4 characters");
        assertThat(error(format, "S.G\n\n...\n.G.\n")).isEqualTo("t.txt:3: maze has no start 'S'");
        assertThat(error(format, "S.G\nS..\n")).startsWith("t.txt:2:1: second start 'S'; the first is at line 1, "
                + "column 1");
        assertThat(error(format, "\n  \n")).isEqualTo("t.txt:2: no mazes in the file");
        assertThat(error(format, "")).isEqualTo("t.txt:1: no mazes in the file");
    }

    @Example
    void mazesLargerThanTheConfigurationReadsAreRejected() {
        MazeFileFormat small = new MazeFileFormat(11);
        assertThat(error(small, "S...........G\n")).startsWith("t.txt:1:12: maze is wider than 11 columns");
        assertThat(error(small, "S\n.\n.\n.\n.\n.\n.\n.\n.\n.\n.\nG\n")).startsWith("t.txt:12: maze is taller than 11");
        String wide = "S" + ".".repeat(MazeObservation.MAX_SIDE) + "G\n";
        assertThat(error(format, wide)).startsWith("t.txt:1:82: maze is wider than 81 columns");
    }

    @Example
    void theSmallConfigurationReadsOnlySmallMazes() throws Exception {
        MazeLayout large = Mazes.factory("large").tasks().sample(Split.TEST, 1).layout();
        String text = MazeFileFormat.write(List.of(large));
        TaskFileException e = catchThrowableOfType(TaskFileException.class,
                () -> Mazes.factory("small").taskFileReader().orElseThrow().read("big.txt", new StringReader(text)));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(12);
        assertThat(Mazes.factory("large").taskFileReader().orElseThrow().read("big.txt", new StringReader(text)))
                .hasSize(1);
    }

    @Example
    void endlessOrHugeInputIsRefusedWithoutReadingPastTheLimits() {
        TaskFileException wide = endless(format, "#");
        assertThat(wide.getMessage()).isEqualTo("t.txt:1:" + (MazeFileFormat.MAX_LENGTH + 1) + ": file is longer than "
                + MazeFileFormat.MAX_LENGTH + " characters; split it into several files");
        assertThat(endless(format, "S.G\n").getMessage()).isEqualTo("t.txt:82: maze is taller than 81 rows");
        assertThat(endless(format, "\r\n").getMessage()).startsWith("t.txt:" + (MazeFileFormat.MAX_LENGTH / 2 + 1)
                + ":1: file is longer than");
        String many = "SG\n\n".repeat(MazeFileFormat.MAX_MAZES + 1);
        assertThat(error(format, many)).isEqualTo("t.txt:" + (2 * MazeFileFormat.MAX_MAZES + 1) + ": more than "
                + MazeFileFormat.MAX_MAZES + " mazes in the file; split it into several files");
    }

    /** The error for an endless repetition of {@code unit}, which must come quickly. */
    private static TaskFileException endless(MazeFileFormat format, String unit) {
        Reader forever = new Reader() {
            private long at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                for (int i = 0; i < length; i++) {
                    buffer[offset + i] = unit.charAt((int) (at++ % unit.length()));
                }
                return length;
            }

            @Override
            public void close() {}
        };
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(TaskFileException.class,
                () -> format.read("t.txt", forever)));
    }

    private static String error(MazeFileFormat format, String text) {
        return catchThrowableOfType(TaskFileException.class, () -> format.read("t.txt", new StringReader(text)))
                .getMessage();
    }

    private TaskFileException fail(List<List<String>> drawings) {
        StringBuilder text = new StringBuilder();
        for (List<String> maze : drawings) {
            text.append(text.isEmpty() ? "" : "\n").append(String.join("\n", maze)).append('\n');
        }
        TaskFileException e = catchThrowableOfType(TaskFileException.class,
                () -> format.read("bad.txt", new StringReader(text.toString())));
        assertThat(e).as("a bad file is rejected").isNotNull();
        assertThat(e.source()).isEqualTo("bad.txt");
        return e;
    }

    private static List<List<String>> drawings(List<MazeLayout> mazes) {
        List<List<String>> out = new ArrayList<>();
        for (MazeLayout maze : mazes) {
            out.add(new ArrayList<>(maze.lines()));
        }
        return out;
    }

    /** A square {maze, row, column} named by {@code where}. */
    private static int[] pick(List<List<String>> drawings, int where) {
        int maze = Math.floorMod(where, drawings.size());
        int rows = drawings.get(maze).size();
        int columns = drawings.get(maze).get(0).length();
        int square = Math.floorMod(where / 5, rows * columns);
        return new int[]{maze, square / columns, square % columns};
    }

    private static void replace(List<List<String>> drawings, int[] at, char ch) {
        List<String> maze = drawings.get(at[0]);
        StringBuilder row = new StringBuilder(maze.get(at[1]));
        row.setCharAt(at[2], ch);
        maze.set(at[1], row.toString());
    }

    private static int[] position(List<String> maze, char ch) {
        for (int r = 0; r < maze.size(); r++) {
            int c = maze.get(r).indexOf(ch);
            if (c >= 0) {
                return new int[]{r, c};
            }
        }
        throw new AssertionError("no " + ch);
    }

    /** 1-based file line of row {@code row} of maze {@code maze}: mazes are separated by one blank line. */
    private static int lineOf(List<List<String>> drawings, int maze, int row) {
        int line = 1;
        for (int m = 0; m < maze; m++) {
            line += drawings.get(m).size() + 1;
        }
        return line + row;
    }
}
