package dev.metapilot.sim.bench;

import dev.metapilot.env.Action;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.maze.MazePlugin;
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
 * Maze steps per second on one core: one {@code step} per call with uniformly random actions drawn up front, and a
 * {@code reset} whenever the episode ends (goal or horizon), on one held-out maze of the given size.
 *
 * <p>
 * Run by JMH ({@code ./metapilot jmh MazeBenchmark}), one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MazeBenchmark {

    private static final int ACTIONS = 4096;

    /** The value of the plugin's {@code size} option. */
    @Param({"small", "large"})
    public String size;

    private Environment env;
    private float[] observation;
    private StepResult result;
    private Action[] actions;
    private int next;
    private long episode;

    @Setup(Level.Trial)
    public void setUp() {
        EnvironmentPlugin plugin = new MazePlugin();
        EnvironmentFactory factory = plugin.configure(EnvConfig.resolve(plugin.name(), plugin.options(),
                Map.of("size", size)));
        env = factory.create();
        env.setTask(factory.tasks().sample(Split.TEST, 1));
        observation = new float[env.spec().observationSize()];
        result = new StepResult();
        actions = randomActions(factory, ACTIONS, 7);
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

    /** {@code count} uniformly random actions of the factory's Discrete action space. */
    static Action[] randomActions(EnvironmentFactory factory, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = factory.spec().actionSpace().flatSize();
        Action[] out = new Action[count];
        for (int i = 0; i < count; i++) {
            out[i] = Action.of(factory.spec().actionSpace());
            out[i].setIndex(rng.nextInt(n));
        }
        return out;
    }
}
