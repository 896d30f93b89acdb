package dev.metapilot.sim.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Tells the user which charts a suite wrote; called on the main thread at the end of a suite. */
final class Plots {

    private Plots() {}

    /** Prints {@code plots: a.png, b.png}, or nothing when no chart was written. */
    static void report(PrintWriter out, List<Path> plots) {
        if (!plots.isEmpty()) {
            out.println("plots: " + plots.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
    }
}
