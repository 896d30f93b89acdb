package dev.metapilot.sim.bench;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.bandit.mdp.TabularMdpPlugin;
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
 * Bandit pulls per second on one core ({@link #step}: one {@code step} per call with uniformly random arms drawn up
 * front, and the {@code reset} that every one-pull episode needs), and tabular-MDP steps per second
 * ({@link #tabularMdpStep}, RL² Table 2 settings, reset at the horizon), on one held-out task.
 *
 * <p>
 * Run by JMH ({@code ./metapilot jmh BanditBenchmark}), one state per benchmark thread; stateless itself.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BanditBenchmark {

    /** A bandit environment of {@code k} arms on one TEST task. */
    @State(Scope.Thread)
    public static class Bandit {

        /** The value of the bandit plugin's {@code arms} option (k of RL² Table 1). */
        @Param({"5", "10", "50"})
        public int arms;

        SteppedEnvironment stepper;

        @Setup(Level.Trial)
        public void setUp() {
            stepper = new SteppedEnvironment(new BanditPlugin().configure(Map.of("arms",
                    Integer.toString(arms), "pulls", "100")), 7);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            stepper.close();
        }
    }

    /** One pull and the reset of the next one-step episode; the returned reward keeps the JIT from dropping them. */
    @Benchmark
    public float step(Bandit s) {
        return s.stepper.step();
    }

    /** The tabular-MDP environment with the plugin's defaults (10 states, 5 actions, horizon 10). */
    @State(Scope.Thread)
    public static class TabularMdp {

        SteppedEnvironment stepper;

        @Setup(Level.Trial)
        public void setUp() {
            stepper = new SteppedEnvironment(new TabularMdpPlugin().configureDefaults(), 11);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            stepper.close();
        }
    }

    /** One tabular-MDP step, with a reset when the episode reaches its horizon. */
    @Benchmark
    public float tabularMdpStep(TabularMdp s) {
        return s.stepper.step();
    }
}
