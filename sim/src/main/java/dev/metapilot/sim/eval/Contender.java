package dev.metapilot.sim.eval;

import dev.metapilot.agent.policy.Policy;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One row of an evaluation table: a label and a way to open a fresh {@link Policy} for each trial thread (a baseline or
 * a model file, possibly wrapped). Built on the main thread; {@code open} is called on the trial threads.
 *
 * @param label what the table and the chart call it
 * @param open opens a new, independent policy; the caller closes it
 */
public record Contender(String label, Supplier<Policy> open) {

    public Contender {
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(open, "open is null");
    }
}
