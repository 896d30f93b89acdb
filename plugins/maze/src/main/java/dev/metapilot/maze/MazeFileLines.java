package dev.metapilot.maze;

import dev.metapilot.env.TaskFileException;
import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a maze file, split as {@link java.io.BufferedReader#readLine} splits them ({@code \n}, {@code \r} or
 * {@code \r\n}), that stop with a {@link TaskFileException} as soon as the file is longer than a budget of characters,
 * so an endless or huge input ({@code --tasks /dev/zero}) costs no more memory than the budget. Used by
 * {@link MazeFileFormat} on the caller's thread; one instance per file.
 */
final class MazeFileLines {

    private final Reader in;
    private final String source;
    private final int budget;
    private final StringBuilder line = new StringBuilder();
    private int read;
    private int lineNumber;
    private int pending = -1;

    /** @param in read one character at a time: pass a buffered reader */
    MazeFileLines(Reader in, String source, int budget) {
        this.in = in;
        this.source = source;
        this.budget = budget;
    }

    /** The next line without its terminator, or null at the end of the file. */
    String next() throws IOException, TaskFileException {
        line.setLength(0);
        boolean any = false;
        while (true) {
            int c = pending >= 0 ? pending : in.read();
            pending = -1;
            if (c < 0) {
                return any ? finish() : null;
            }
            any = true;
            if (++read > budget) {
                throw new TaskFileException(source, lineNumber + 1, line.length() + 1, "file is longer than " + budget
                        + " characters; split it into several files");
            }
            if (c == '\n') {
                return finish();
            }
            if (c == '\r') {
                int next = in.read();
                if (next == '\n') {
                    read++;
                } else {
                    pending = next;
                }
                return finish();
            }
            line.append((char) c);
        }
    }

    private String finish() {
        lineNumber++;
        return line.toString();
    }
}
