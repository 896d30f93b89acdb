package dev.metapilot.agent.policy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * A plugin's {@link Baseline} as a {@link Policy}, so that baselines run through the same trial runner, guard and
 * telemetry as trained policies. One per environment, trial thread.
 */
public final class BaselinePolicy implements Policy {

    private final Baseline baseline;
    private Baseline.Actor actor;

    public BaselinePolicy(Baseline baseline) {
        this.baseline = Objects.requireNonNull(baseline, "baseline is null");
    }

    @Override
    public String name() {
        return baseline.name();
    }

    @Override
    public void beginTrial(Task task, long seed) {
        actor = baseline.start(task, seed);
    }

    @Override
    public boolean act(StepInput input, Action out) {
        if (actor == null) {
            throw new IllegalStateException("beginTrial was not called for baseline " + baseline.name());
        }
        actor.act(input, out);
        return true;
    }

    @Override
    public void close() {
        actor = null;
    }
}
