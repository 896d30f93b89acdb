package dev.metapilot.sim.bench;

import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.maze.hallway.HallwayPlugin;
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
 * Hallway steps per second on one core: one {@code step} per call with uniformly random actions drawn up front, and a
 * {@code reset} whenever the episode ends, on one held-out task of the default 4 hallways of length 5.
 *
 * <p>
 * Run by JMH ({@code ./metapilot jmh HallwayBenchmark}), one state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HallwayBenchmark {

    /** The value of the plugin's {@code hallways} option. */
    @Param({"4"})
    public int hallways;

    private SteppedEnvironment stepper;

    @Setup(Level.Trial)
    public void setUp() {
        EnvironmentPlugin plugin = new HallwayPlugin();
        stepper = new SteppedEnvironment(plugin.configure(EnvConfig.resolve(plugin.name(), plugin.options(), Map.of(
                "hallways", Integer.toString(hallways)))), 7);
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
