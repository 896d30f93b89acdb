package dev.metapilot.agent.cli;

import dev.metapilot.agent.policy.ActionSelection;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --greedy} and {@code --sample}, shared by every command that runs a policy: the user's choice of action
 * selection, or none, in which case each policy acts as its metadata says ({@code metapilot.action_selection}; sampled
 * when it says nothing). A picocli mixin, filled on the main thread.
 */
public final class SelectionOptions {

    @Option(names = "--greedy", description = "Deterministic actions (argmax / mean) whatever the model's metadata "
            + "says. Default: as each model's metadata says (metapilot.action_selection), sampled when it says "
            + "nothing.")
    boolean greedy;

    @Option(names = "--sample", description = "Sampled actions (categorical / Gaussian) whatever the model's metadata "
            + "says.")
    boolean sample;

    /**
     * The action selection the user asked for; empty for the models' own.
     *
     * @throws IllegalArgumentException when both flags are given
     */
    public Optional<ActionSelection> requested() {
        if (greedy && sample) {
            throw new IllegalArgumentException("--greedy and --sample exclude each other");
        }
        return greedy
                ? Optional.of(ActionSelection.GREEDY)
                : sample
                        ? Optional.of(ActionSelection.SAMPLE)
                        : Optional.empty();
    }

    /** The request for a log header: {@code greedy}, {@code sample} or {@code model}. */
    public String describe() {
        return requested().map(ActionSelection::toString).orElse("model");
    }
}
