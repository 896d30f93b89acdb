package dev.metapilot.agent.policy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * A plugin's {@link Baseline} (random, oracle, UCB1, ...) behind the {@link Policy} interface, so the trial runner
 * drives it exactly like an ONNX policy. Created on the main thread, used on one trial thread.
 */
public final class BaselinePolicy implements Policy {

    private final Baseline baseline;
    private Baseline.Actor actor;
    private boolean closed;

    public BaselinePolicy(Baseline baseline) {
        this.baseline = Objects.requireNonNull(baseline, "baseline is null");
    }

    /** The baseline's name, as given on the command line. */
    @Override
    public String name() {
        return baseline.name();
    }

    /** Starts the baseline's actor for {@code task}, seeded with {@code seed}. */
    @Override
    public void beginTrial(Task task, long seed) {
        ensureOpen();
        actor = Objects.requireNonNull(baseline.start(task, seed), () -> "baseline " + baseline.name()
                + " started no actor");
    }

    /** Lets the actor choose; baselines produce no network outputs, so this is always true. */
    @Override
    public boolean act(StepInput input, Action out) {
        ensureOpen();
        if (actor == null) {
            throw new IllegalStateException("baseline " + baseline.name() + ": act before beginTrial");
        }
        actor.act(input, out);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        actor = null;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("baseline policy " + baseline.name() + " is closed");
        }
    }

    @Override
    public String toString() {
        return "BaselinePolicy[" + baseline.name() + "]";
    }
}
