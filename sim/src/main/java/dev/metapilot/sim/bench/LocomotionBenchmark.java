package dev.metapilot.sim.bench;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.locomotion.LocomotionPlugin;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Locomotion control steps per second on one core: one {@code step} per call (one 50 ms control period: the physics
 * sub-steps, the sensors, observation and reward) with uniformly random motor commands drawn up front, and a
 * {@code reset} whenever the episode ends, on one held-out task with the plugin's defaults and the given physics rate.
 *
 * <p>
 * Run by JMH ({@code ./metapilot jmh LocomotionBenchmark}), one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LocomotionBenchmark {

    private static final int ACTIONS = 4096;

    /** The value of the plugin's {@code physics-rate} option, Hz (the default is 200: 10 sub-steps per step). */
    @Param({"200", "1000"})
    public String physicsRate;

    private Environment env;
    private float[] observation;
    private StepResult result;
    private Action[] actions;
    private int next;
    private long episode;

    @Setup(Level.Trial)
    public void setUp() {
        EnvironmentPlugin plugin = new LocomotionPlugin();
        EnvironmentFactory factory = plugin.configure(EnvConfig.resolve(plugin.name(), plugin.options(), Map.of(
                "physics-rate", physicsRate)));
        env = factory.create();
        env.setTask(factory.tasks().sample(Split.TEST, 1));
        observation = new float[env.spec().observationSize()];
        result = new StepResult();
        actions = randomActions((Box) factory.spec().actionSpace(), ACTIONS, 7);
        env.reset(episode++, observation);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        env.close();
    }

    /** One environment step; the returned reward keeps the JIT from discarding the work. */
    @Benchmark
    public float step() {
        env.step(actions[next++ & (ACTIONS - 1)], observation, result);
        if (result.done()) {
            env.reset(episode++, observation);
        }
        return result.reward();
    }

    /** {@code count} actions uniform in {@code box}. */
    static Action[] randomActions(Box box, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Action[] out = new Action[count];
        for (int i = 0; i < count; i++) {
            out[i] = Action.of(box);
            float[] v = out[i].values();
            for (int d = 0; d < v.length; d++) {
                v[d] = box.low(d) + (box.high(d) - box.low(d)) * (float) rng.nextDouble();
            }
        }
        return out;
    }
}
