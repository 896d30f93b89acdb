package dev.metapilot.agent.testing;

import dev.metapilot.agent.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs {@code metapilot} commands in the test's JVM ({@link Main#execute}) and keeps what they printed, for the command
 * tests of every module. One per test instance.
 */
public final class CommandLineRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs one command line; returns its exit code. Output accumulates until {@link #clear}. */
    public int run(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Everything the commands printed to standard output so far. */
    public String out() {
        return out.toString();
    }

    /** Everything the commands printed to standard error so far. */
    public String err() {
        return err.toString();
    }

    /** Forgets the output so far. */
    public void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
