package dev.metapilot.env;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads tasks from a file in a plugin's own format (mazes as ASCII, dynamics as JSON); offered by plugins whose tasks
 * have a layout a user may want to write by hand.
 *
 * <p>
 * Called once by the agent ({@code --tasks FILE}) before any trial runs, so a bad file stops the run before anything
 * moves.
 */
@FunctionalInterface
public interface TaskFileReader {

    /**
     * Reads every task in {@code in}.
     *
     * @param source the file name used in error messages
     * @throws TaskFileException with the line and column of the first problem
     */
    List<Task> read(String source, Reader in) throws TaskFileException, IOException;

    /**
     * Reads every task in {@code file} (UTF-8).
     *
     * @throws TaskFileException also when the file is not UTF-8, at the first byte that is not
     */
    default List<Task> read(Path file) throws TaskFileException, IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in);
        } catch (CharacterCodingException e) {
            throw TaskFileEncoding.notUtf8(file);
        }
    }
}
