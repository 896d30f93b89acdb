package dev.metapilot.agent.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Rewrites the line of {@code name} in the manifest of {@code dir} with {@code sha256} (atomically; other lines as
     * they were), after the file it lists was rewritten.
     *
     * @return false when {@code dir} has no manifest or it does not list {@code name} (nothing written)
     */
    public static boolean updateSum(Path dir, String name, String sha256) throws IOException {
        Path f = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        boolean listed = false;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (line.matches("[0-9a-f]{64} [ *].+") && line.substring(66).strip().equals(name)) {
                lines.add(sha256 + "  " + name);
                listed = true;
            } else {
                lines.add(line);
            }
        }
        if (listed) {
            AtomicFile.write(f, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return listed;
    }

    /** The expected hex SHA-256 of {@code name}, if listed. */
    public Optional<String> sumOf(String name) {
        return Optional.ofNullable(sums.get(name));
    }

    public Path file() {
        return file;
    }
}
