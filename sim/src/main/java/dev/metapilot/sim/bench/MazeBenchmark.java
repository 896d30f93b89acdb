package dev.metapilot.sim.bench;

import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.maze.MazePlugin;
import java.util.Map;
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

    /** The value of the plugin's {@code size} option. */
    @Param({"small", "large"})
    public String size;

    private SteppedEnvironment stepper;

    @Setup(Level.Trial)
    public void setUp() {
        EnvironmentPlugin plugin = new MazePlugin();
        stepper = new SteppedEnvironment(plugin.configure(EnvConfig.resolve(plugin.name(), plugin.options(), Map.of(
                "size", size))), 7);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stepper.close();
    }

    /** One environment step; the returned reward keeps the JIT from discarding the work. */
    @Benchmark
    public float step() {
        return stepper.step();
    }
}
