package dev.metapilot.sim.testing;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskDistribution;
import java.util.List;

/**
 * A continuous-action fixture for trainer tests: the task hides a target in {-0.5, 0.5}; each step pays
 * {@code -|a - target|} for the (clamped) action {@code a} in [-1, 1]; the observation is the constant 0; episodes of 4
 * steps (the environment truncates), 2 per trial. Deterministic. Test code, one thread per environment.
 */
public final class Target implements EnvironmentFactory {

    /** Box(1) observations and actions, 4 steps, 2 episodes per trial. */
    public static final EnvSpec SPEC = new EnvSpec("target", Box.uniform(1, -1f, 1f), Box.uniform(1, -1f, 1f), 4, 2);

    /** The hidden target. */
    public record Hidden(float target, String id) implements Task {}

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    public TaskDistribution tasks() {
        return (Split split, long seed) -> new Hidden((seed & 1) == 0 ? -0.5f : 0.5f, "target-" + split + "-" + seed);
    }

    @Override
    public Environment create() {
        return new Environment() {
            private float target = Float.NaN;
            private int steps;

            @Override
            public EnvSpec spec() {
                return SPEC;
            }

            @Override
            public void setTask(Task task) {
                target = ((Hidden) task).target();
            }

            @Override
            public void reset(long seed, float[] observation) {
                steps = 0;
                observation[0] = 0f;
            }

            @Override
            public void step(Action action, float[] observation, StepResult result) {
                steps++;
                observation[0] = 0f;
                result.set(-Math.abs(action.values()[0] - target), false, steps >= 4, false);
            }
        };
    }

    @Override
    public List<Baseline> baselines() {
        return List.of(new RandomBaseline(SPEC.actionSpace()));
    }
}
