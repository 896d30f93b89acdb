package dev.metapilot.agent.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code SHA256SUMS} file in the format of {@code sha256sum} ({@code HEX␠␠NAME} per line): shipped models in
 * {@code models/} and, with {@code --strict-plugins}, the jars of a plugins directory. Read once; immutable.
 */
public final class Manifest {

    /** The manifest's file name. */
    public static final String FILE_NAME = "SHA256SUMS";

    private final Path file;
    private final Map<String, String> sums;

    private Manifest(Path file, Map<String, String> sums) {
        this.file = file;
        this.sums = Map.copyOf(sums);
    }

    /** The manifest of {@code dir}, if it has one. */
    public static Optional<Manifest> in(Path dir) throws IOException {
        Path f = dir.resolve(FILE_NAME);
        return Files.isRegularFile(f) ? Optional.of(read(f)) : Optional.empty();
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException for a malformed line, with its number
     */
    public static Manifest read(Path file) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64} [ *].+")) {
                throw new IOException(file + ":" + n + ": expected '<64 hex digits>  <file name>', got '" + line
                        + "'");
            }
            sums.put(line.substring(66).strip(), line.substring(0, 64));
        }
        return new Manifest(file, sums);
    }

    /** The expected hex SHA-256 of {@code name}, if listed. */
    public Optional<String> sumOf(String name) {
        return Optional.ofNullable(sums.get(name));
    }

    public Path file() {
        return file;
    }
}
