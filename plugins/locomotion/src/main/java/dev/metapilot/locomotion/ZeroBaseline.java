package dev.metapilot.locomotion;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;

/**
 * The {@code zero} baseline: motors off at every step (the safe action), the floor any controller must beat.
 *
 * <p>
 * Created by the factory; {@link #start} on the trial thread once per trial.
 */
public final class ZeroBaseline implements Baseline {

    @Override
    public String name() {
        return "zero";
    }

    @Override
    public String description() {
        return "motors off";
    }

    @Override
    public Actor start(Task task, long seed) {
        return (input, out) -> out.clear();
    }
}
