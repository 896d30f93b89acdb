package dev.metapilot.sim.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shipped models of a suite in {@code models/} by name; called on the main thread. */
final class ShippedModels {

    private ShippedModels() {}

    /**
     * The {@code .onnx} files in {@code dir} whose names start with {@code prefix}, sorted; none without {@code dir}.
     */
    static List<Path> matching(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".onnx") && Files.isRegularFile(f);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
