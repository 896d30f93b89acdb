package dev.metapilot.env.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a main class from the test's own class path, for crash tests that kill a process at a random
 * moment ({@link #kill()} is SIGKILL on Linux: no shutdown hooks, no finally blocks) and then look at what it left on
 * disk. Standard output and error go to a file. Created and killed on the test's thread; closing it kills it.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code main} with {@code args}, writing standard output and error to {@code output}.
     *
     * @param jvmOptions options before the main class, e.g. {@code -Xmx256m}
     */
    public static ChildJvm start(Class<?> main, List<String> jvmOptions, Path output, String... args)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildJvm(p, output);
    }

    /** True while the child runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Waits for the child to exit on its own.
     *
     * @return its exit code
     * @throws AssertionError when it is still running after {@code seconds} (it is killed), with its output
     */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("the child JVM did not exit within " + seconds + " s; its output:\n" + output());
        }
        return process.exitValue();
    }

    /** What the child wrote to standard output and error so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
