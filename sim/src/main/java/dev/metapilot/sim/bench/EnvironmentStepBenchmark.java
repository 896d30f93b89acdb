package dev.metapilot.sim.bench;

import dev.metapilot.env.EnvironmentFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Steps per second of one environment on one core: one {@code step} per call ({@link SteppedEnvironment}: random
 * actions drawn up front, a reset whenever an episode ends) on one held-out task. A subclass names the plugin and its
 * options, usually from its {@code @Param} fields, which JMH sets before {@link #setUp}; one state per benchmark
 * thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class EnvironmentStepBenchmark {

    private SteppedEnvironment stepper;

    /** The environment to step, configured from the benchmark's parameters. */
    protected abstract EnvironmentFactory factory();

    @Setup(Level.Trial)
    public void setUp() {
        stepper = new SteppedEnvironment(factory(), 7);
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
