package dev.metapilot.agent.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file so that a reader (an agent loading a model, a manifest check) sees either its old bytes or its new
 * ones, never a torn file: the bytes go to a temporary file in the same directory, which is then renamed over the
 * target with {@code ATOMIC_MOVE}. Used for model files, their signatures and {@code SHA256SUMS}.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /** Writes {@code bytes} to {@code file}, replacing it atomically; returns {@code file}. */
    public static Path write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
