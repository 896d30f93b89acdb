package dev.metapilot.env.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.TaskFileException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a task file error says where it is: the file's name, then a line and column that lie inside the file
 * (lines ending at {@code \n}, or at {@code \r} as {@link BufferedReader} reads them; column 0 for a whole line), then
 * what is wrong. Used by the plugins' task file fuzz tests. Test code.
 */
public final class TaskFilePlace {

    private TaskFilePlace() {}

    /** Fails unless {@code e}, raised for {@code file} read as {@code source}, names a place inside the file. */
    public static void assertInside(TaskFileException e, String source, byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        String place = source + ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "") + ": ";
        assertThat(e.source()).isEqualTo(source);
        assertThat(e.getMessage()).startsWith(place);
        assertThat(e.getMessage().length()).as("a problem after the place: %s", e.getMessage()).isGreaterThan(place
                .length());
        int lines = Math.max((int) text.chars().filter(c -> c == '\n').count(), readerLines(text)) + 1;
        int longest = text.lines().mapToInt(String::length).max().orElse(0);
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.length());
        }
        assertThat(e.line()).as("line of %s in a file of %d lines", e.getMessage(), lines).isBetween(1, lines);
        assertThat(e.column()).as("column of %s, longest line %d", e.getMessage(), longest).isBetween(0, longest + 1);
    }

    private static int readerLines(String text) {
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            int n = 0;
            while (r.readLine() != null) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
