package dev.metapilot.agent.testing;

import dev.metapilot.env.Action;
import dev.metapilot.env.ActuatedEnvironment;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A hand-written {@link ActuatedEnvironment} for the real-time loop's tests: two "motors" (Box(2, [-1, 1]) actions), a
 * journal of every call ({@code reset}, {@code step [l, r]}, {@code safeStop}) in order, a health report chosen per
 * step, and a hook run inside each step (to advance a {@link ManualClock}, request a stop or throw). Reward is minus
 * the mean absolute command. Also its own {@link EnvironmentFactory}. Used by one test thread; {@link #safeStop()} may
 * come from another.
 */
public final class FakeRobot implements ActuatedEnvironment, EnvironmentFactory {

    /** Runs inside step number {@code n} (1-based, counted over the whole run). */
    @FunctionalInterface
    public interface StepHook {
        void onStep(int n);
    }

    private final EnvSpec spec;
    private final List<String> journal = new ArrayList<>();
    private IntFunction<HardwareHealth> health = n -> HardwareHealth.ok(1_000_000);
    private StepHook hook = n -> {};
    private Runnable resetHook = () -> {};
    private int steps;
    private int safeStops;

    public FakeRobot(int stepsPerEpisode, int episodesPerTrial) {
        this.spec = new EnvSpec("fake-robot", Box.uniform(2, -1f, 1f), Box.uniform(2, -1f, 1f), stepsPerEpisode,
                episodesPerTrial);
    }

    /** The health reported before step {@code n + 1}, given the steps {@code n} taken so far. */
    public FakeRobot health(IntFunction<HardwareHealth> byStepsTaken) {
        this.health = byStepsTaken;
        return this;
    }

    /** Runs inside every reset (to throw, say). */
    public FakeRobot onReset(Runnable r) {
        this.resetHook = r;
        return this;
    }

    public FakeRobot onStep(StepHook stepHook) {
        this.hook = stepHook;
        return this;
    }

    /** Every call so far, in order. */
    public synchronized List<String> journal() {
        return List.copyOf(journal);
    }

    /** Steps taken over the whole run. */
    public synchronized int steps() {
        return steps;
    }

    /** Calls of {@link #safeStop()} so far. */
    public synchronized int safeStops() {
        return safeStops;
    }

    private synchronized void note(String s) {
        journal.add(s);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void setTask(Task task) {
        note("task " + task.id());
    }

    @Override
    public void reset(long seed, float[] observation) {
        Arrays.fill(observation, 0f);
        note("reset");
        resetHook.run();
    }

    @Override
    public void step(Action action, float[] observation, StepResult result) {
        float[] a = action.values();
        int n;
        synchronized (this) {
            n = ++steps;
            journal.add("step " + Arrays.toString(a));
        }
        hook.onStep(n);
        observation[0] = a[0];
        observation[1] = a[1];
        result.set(-(Math.abs(a[0]) + Math.abs(a[1])) / 2, false, false, false);
    }

    @Override
    public synchronized void safeStop() {
        safeStops++;
        journal.add("safeStop");
    }

    @Override
    public HardwareHealth health() {
        return health.apply(steps());
    }

    // ---- EnvironmentFactory ----

    @Override
    public TaskDistribution tasks() {
        return (split, seed) -> () -> "fake-" + seed;
    }

    @Override
    public Environment create() {
        return this;
    }

    @Override
    public List<Baseline> baselines() {
        return List.of(new RandomBaseline(spec.actionSpace()));
    }
}
