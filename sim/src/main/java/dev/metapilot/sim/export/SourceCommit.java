package dev.metapilot.sim.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit the trainer runs from, for the {@code metapilot.source_commit} metadata: {@code git rev-parse HEAD} in the
 * given directory, with {@code -dirty} appended when tracked files differ from it, or {@code unknown} without git or a
 * repository. Called once per run on the trainer's main thread.
 */
public final class SourceCommit {

    /** What the metadata says when the commit cannot be found. */
    public static final String UNKNOWN = "unknown";

    private SourceCommit() {}

    /** The commit of the repository that holds {@code directory}, or {@link #UNKNOWN}. */
    public static String of(Path directory) {
        String head = git(directory, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{7,64}")) {
            return UNKNOWN;
        }
        String changes = git(directory, "status", "--porcelain", "--untracked-files=no");
        return changes == null || changes.isEmpty() ? head : head + "-dirty";
    }

    private static String git(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
