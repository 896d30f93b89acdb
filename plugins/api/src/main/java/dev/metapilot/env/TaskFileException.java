package dev.metapilot.env;

/**
 * A task file that cannot be used, with the place of the problem: {@code mazes.txt:12:7: unknown character 'x'}.
 *
 * <p>
 * Thrown by a {@link TaskFileReader}; the agent prints the message and stops before any trial starts.
 */
public final class TaskFileException extends Exception {

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source file name
     * @param line 1-based line of the problem
     * @param column 1-based column of the problem, or 0 when the whole line is at fault
     * @param problem what is wrong, without the place
     */
    public TaskFileException(String source, int line, int column, String problem) {
        super(source + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
