package dev.metapilot.agent.realtime;

import dev.metapilot.env.Action;
import dev.metapilot.env.ActuatedEnvironment;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * A simulated environment run in the real-time loop (to rehearse a trial, or to measure the loop's timing without
 * hardware): always healthy, nothing to stop. Owned by the loop thread like the environment it wraps;
 * {@link #safeStop()} may be called from any thread and does nothing.
 */
public final class PacedEnvironment implements ActuatedEnvironment {

    private final Environment inner;

    private PacedEnvironment(Environment inner) {
        this.inner = Objects.requireNonNull(inner, "inner is null");
    }

    /** {@code env} itself when it moves actuators, otherwise {@code env} paced by the loop. */
    public static ActuatedEnvironment of(Environment env) {
        return env instanceof ActuatedEnvironment actuated ? actuated : new PacedEnvironment(env);
    }

    @Override
    public EnvSpec spec() {
        return inner.spec();
    }

    @Override
    public void setTask(Task task) {
        inner.setTask(task);
    }

    @Override
    public void reset(long seed, float[] observation) {
        inner.reset(seed, observation);
    }

    @Override
    public void step(Action action, float[] observation, StepResult result) {
        inner.step(action, observation, result);
    }

    @Override
    public void safeStop() {
        // a simulation has no actuators
    }

    @Override
    public HardwareHealth health() {
        return HardwareHealth.ok(0);
    }

    @Override
    public void close() {
        inner.close();
    }
}
