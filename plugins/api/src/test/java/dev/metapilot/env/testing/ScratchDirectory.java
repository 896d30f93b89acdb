package dev.metapilot.env.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A flat temporary directory for tests whose engine has no {@code @TempDir} (jqwik properties that write task files to
 * disk): made before the container, emptied and removed after it. Test code.
 */
public final class ScratchDirectory {

    private ScratchDirectory() {}

    /** A new empty directory under the system's temporary directory, its name starting with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /** Deletes the files directly in {@code dir}, then {@code dir}; nothing when it is null (creation failed). */
    public static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
