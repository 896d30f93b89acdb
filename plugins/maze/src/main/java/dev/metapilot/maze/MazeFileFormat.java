package dev.metapilot.maze;

import dev.metapilot.env.TaskFileException;
import dev.metapilot.maze.grid.Grid;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The ASCII maze file format: one character per square ({@code #} wall, {@code .} free, {@code S} start, {@code G}
 * goal), every row of a maze as long as its first, exactly one {@code S} and one {@code G} per maze, the goal reachable
 * from the start, mazes separated by one or more blank lines. Squares outside the drawn grid count as walls. A file
 * holds at most {@value #MAX_MAZES} mazes and {@value #MAX_LENGTH} characters, so reading one takes bounded memory.
 *
 * <p>
 * Read by the maze factory's task file reader once before any trial runs, and written by tools that export mazes;
 * instances are immutable and thread-safe.
 */
public final class MazeFileFormat {

    /** Longest file read, in characters: about 150 mazes of the largest size, or 8,000 small ones. */
    public static final int MAX_LENGTH = 1 << 20;
    /** Most mazes in one file. */
    public static final int MAX_MAZES = 10_000;

    private final int maxSide;

    /**
     * @param maxSide the most rows and columns a maze may have, at most {@link MazeObservation#MAX_SIDE}
     */
    public MazeFileFormat(int maxSide) {
        if (maxSide < 2 || maxSide > MazeObservation.MAX_SIDE) {
            throw new IllegalArgumentException(
                    "maxSide must be in 2.." + MazeObservation.MAX_SIDE + ", got " + maxSide);
        }
        this.maxSide = maxSide;
    }

    /** The most rows and columns a maze may have. */
    public int maxSide() {
        return maxSide;
    }

    /**
     * Reads every maze in {@code in}, in file order.
     *
     * @param source the file name for error messages
     * @throws TaskFileException at the line and column of the first problem: an unknown character, a ragged row, a
     *     second start or goal, a maze too large, an unreachable goal (at the {@code G}), a missing start or goal (at
     *     the maze's first line, column 0), a file without mazes, or one too long or with too many mazes
     */
    public List<MazeLayout> read(String source, Reader in) throws TaskFileException, IOException {
        MazeFileLines lines = new MazeFileLines(in instanceof BufferedReader b ? b : new BufferedReader(in), source,
                MAX_LENGTH);
        List<MazeLayout> mazes = new ArrayList<>();
        List<String> block = new ArrayList<>();
        int blockLine = 0;
        int lineNumber = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    add(mazes, parse(source, blockLine, block), source, blockLine);
                    block.clear();
                }
            } else {
                if (block.isEmpty()) {
                    blockLine = lineNumber;
                }
                block.add(line);
                if (block.size() > maxSide) {
                    parse(source, blockLine, block); // refuses it as too wide or too tall before reading on
                }
            }
        }
        if (!block.isEmpty()) {
            add(mazes, parse(source, blockLine, block), source, blockLine);
        }
        if (mazes.isEmpty()) {
            throw new TaskFileException(source, Math.max(lineNumber, 1), 0, "no mazes in the file");
        }
        return mazes;
    }

    private static void add(List<MazeLayout> mazes, MazeLayout maze, String source, int line)
            throws TaskFileException {
        if (mazes.size() == MAX_MAZES) {
            throw new TaskFileException(source, line, 0, "more than " + MAX_MAZES + " mazes in the file; split it "
                    + "into several files");
        }
        mazes.add(maze);
    }

    private MazeLayout parse(String source, int firstLine, List<String> rows) throws TaskFileException {
        int columns = rows.get(0).length();
        if (columns > maxSide) {
            throw new TaskFileException(source, firstLine, maxSide + 1, "maze is wider than " + maxSide + " columns");
        }
        if (rows.size() > maxSide) {
            throw new TaskFileException(source, firstLine + maxSide, 0, "maze is taller than " + maxSide + " rows");
        }
        boolean[] wall = new boolean[rows.size() * columns];
        int start = -1;
        int goal = -1;
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            int line = firstLine + r;
            for (int c = 0; c < row.length(); c++) {
                if (c >= columns) {
                    throw ragged(source, line, columns + 1, row.length(), columns, firstLine);
                }
                char ch = row.charAt(c);
                int square = r * columns + c;
                switch (ch) {
                    case '#' -> wall[square] = true;
                    case '.' -> {
                    }
                    case 'S' -> {
                        if (start >= 0) {
                            throw new TaskFileException(source, line, c + 1,
                                    "second start 'S'; the first is at " + place(firstLine, start, columns));
                        }
                        start = square;
                    }
                    case 'G' -> {
                        if (goal >= 0) {
                            throw new TaskFileException(source, line, c + 1,
                                    "second goal 'G'; the first is at " + place(firstLine, goal, columns));
                        }
                        goal = square;
                    }
                    default -> throw new TaskFileException(source, line, c + 1,
                            "unknown character " + describe(ch) + "; expected '#', '.', 'S' or 'G'");
                }
            }
            if (row.length() < columns) {
                throw ragged(source, line, row.length() + 1, row.length(), columns, firstLine);
            }
        }
        if (start < 0) {
            throw new TaskFileException(source, firstLine, 0, "maze has no start 'S'");
        }
        if (goal < 0) {
            throw new TaskFileException(source, firstLine, 0, "maze has no goal 'G'");
        }
        Grid grid = new Grid(rows.size(), columns, wall);
        if (grid.distancesTo(goal)[start] < 0) {
            throw new TaskFileException(source, firstLine + goal / columns, goal % columns + 1,
                    "goal 'G' cannot be reached from the start 'S' at " + place(firstLine, start, columns));
        }
        return new MazeLayout(grid, start, goal);
    }

    private static TaskFileException ragged(String source, int line, int column, int length, int expected,
            int firstLine) {
        return new TaskFileException(source, line, column, "row has " + length + " characters but the maze's first row"
                + " (line " + firstLine + ") has " + expected);
    }

    private static String place(int firstLine, int square, int columns) {
        return "line " + (firstLine + square / columns) + ", column " + (square % columns + 1);
    }

    private static String describe(char ch) {
        return ch >= 0x21 && ch < 0x7f ? "'" + ch + "'" : String.format("U+%04X", (int) ch);
    }

    /** The file text of {@code mazes}: each maze's rows, a blank line between mazes, a newline after every row. */
    public static String write(List<MazeLayout> mazes) {
        StringBuilder sb = new StringBuilder();
        for (MazeLayout maze : mazes) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            for (String line : maze.lines()) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
