package dev.metapilot.sim.bench;

import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.locomotion.LocomotionPlugin;
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

    /** The value of the plugin's {@code physics-rate} option, Hz (the default is 200: 10 sub-steps per step). */
    @Param({"200", "1000"})
    public String physicsRate;

    private SteppedEnvironment stepper;

    @Setup(Level.Trial)
    public void setUp() {
        EnvironmentPlugin plugin = new LocomotionPlugin();
        stepper = new SteppedEnvironment(plugin.configure(EnvConfig.resolve(plugin.name(), plugin.options(), Map.of(
                "physics-rate", physicsRate))), 7);
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
