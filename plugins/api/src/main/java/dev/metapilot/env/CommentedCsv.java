package dev.metapilot.env;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a small comma-separated table bundled as a class-path resource, the form in which plugins and the evaluator
 * keep papers' published figures: lines starting with {@code #} (the citation, the provenance, what is missing) and
 * blank lines are skipped, the first other line is the header, and every further line is one row of exactly the
 * header's number of cells (an empty cell is a figure that is not available). Stateless; any thread.
 */
public final class CommentedCsv {

    /** Turns one row's stripped cells into a value; throws {@link IllegalArgumentException} when a cell is bad. */
    @FunctionalInterface
    public interface RowParser<R> {
        R parse(List<String> cells);
    }

    private CommentedCsv() {}

    /**
     * The rows of resource {@code name}, looked up relative to {@code owner}'s package.
     *
     * @throws IllegalStateException when the resource is missing, has no header, or a row has another number of cells
     *     than the header or a cell that {@code parser} refuses, naming the resource and the line
     * @throws UncheckedIOException when the resource cannot be read
     */
    public static <R> List<R> read(Class<?> owner, String name, RowParser<R> parser) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing beside " + owner.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<R> rows = new ArrayList<>();
            int columns = 0;
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
                if (columns == 0) {
                    columns = cells.size();
                    continue;
                }
                if (cells.size() != columns) {
                    throw new IllegalStateException(name + ":" + number + ": expected " + columns
                            + " columns as in the header, got " + cells.size());
                }
                try {
                    rows.add(parser.parse(cells));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(name + ":" + number + ": " + e.getMessage(), e);
                }
            }
            if (columns == 0) {
                throw new IllegalStateException(name + ": no header line");
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
