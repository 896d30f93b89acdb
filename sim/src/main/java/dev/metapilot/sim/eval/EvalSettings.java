package dev.metapilot.sim.eval;

import dev.metapilot.env.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The command-line settings every suite reads. Built by the {@code eval} command on the main thread; immutable.
 *
 * @param policies model files given with {@code --policy}; empty: the suite's shipped defaults
 * @param memoryless the locomotion suite's memoryless model ({@code --memoryless}); null: its default, "none": no row
 * @param trials trials per table ({@code --trials}); null: the suite's default
 * @param split the tasks' split: TEST (held out, what results report) or TRAIN (for choosing among a run's exports
 *     without touching the held-out tasks)
 * @param seed seed of the tasks, resets and action sampling
 * @param threads trial threads
 * @param plotDir where PNG charts go; null: no charts
 * @param home the launcher's directory, which default model paths ({@code models/...}) are resolved against
 */
public record EvalSettings(List<Path> policies, String memoryless, Integer trials, Split split, long seed,
        int threads, Path plotDir, Path home) {

    public EvalSettings {
        policies = List.copyOf(Objects.requireNonNull(policies, "policies is null"));
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(home, "home is null");
        if (trials != null && trials < 1) {
            throw new IllegalArgumentException("--trials must be >= 1, got " + trials);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
    }

    /** The tasks in words, for tables and charts: "held-out TEST" or "TRAIN". */
    public String tasksLabel() {
        return split == Split.TEST ? "held-out TEST" : "TRAIN";
    }

    /** {@code --trials}, or {@code fallback} when it was not given. */
    public int trialsOr(int fallback) {
        return trials != null ? trials : fallback;
    }
}
