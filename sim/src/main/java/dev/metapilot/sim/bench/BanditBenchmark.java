package dev.metapilot.sim.bench;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.bandit.mdp.TabularMdpPlugin;
import dev.metapilot.env.Action;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
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

    private static final int ACTIONS = 4096;

    /** A bandit environment of {@code k} arms on one TEST task, with random arms drawn up front. */
    @State(Scope.Thread)
    public static class Bandit {

        /** The value of the bandit plugin's {@code arms} option (k of RL² Table 1). */
        @Param({"5", "10", "50"})
        public int arms;

        Environment env;
        float[] observation;
        StepResult result;
        Action[] actions;
        int next;
        long episode;

        @Setup(Level.Trial)
        public void setUp() {
            EnvironmentPlugin plugin = new BanditPlugin();
            EnvironmentFactory factory = plugin.configure(EnvConfig.resolve(plugin.name(), plugin.options(), Map.of(
                    "arms", Integer.toString(arms), "pulls", "100")));
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
    }

    /** One pull and the reset of the next one-step episode; the returned reward keeps the JIT from dropping them. */
    @Benchmark
    public float step(Bandit s) {
        s.env.step(s.actions[s.next++ & (ACTIONS - 1)], s.observation, s.result);
        if (s.result.done()) {
            s.env.reset(s.episode++, s.observation);
        }
        return s.result.reward();
    }

    /** The tabular-MDP environment with the plugin's defaults (10 states, 5 actions, horizon 10). */
    @State(Scope.Thread)
    public static class TabularMdp {

        Environment env;
        float[] observation;
        StepResult result;
        Action[] actions;
        int next;
        long episode;

        @Setup(Level.Trial)
        public void setUp() {
            EnvironmentPlugin plugin = new TabularMdpPlugin();
            EnvironmentFactory factory = plugin.configureDefaults();
            env = factory.create();
            env.setTask(factory.tasks().sample(Split.TEST, 1));
            observation = new float[env.spec().observationSize()];
            result = new StepResult();
            actions = randomActions(factory, ACTIONS, 11);
            env.reset(episode++, observation);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            env.close();
        }
    }

    /** One tabular-MDP step, with a reset when the episode reaches its horizon. */
    @Benchmark
    public float tabularMdpStep(TabularMdp s) {
        s.env.step(s.actions[s.next++ & (ACTIONS - 1)], s.observation, s.result);
        if (s.result.done()) {
            s.env.reset(s.episode++, s.observation);
        }
        return s.result.reward();
    }

    /** {@code count} uniformly random actions of the factory's Discrete action space. */
    private static Action[] randomActions(EnvironmentFactory factory, int count, long seed) {
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
