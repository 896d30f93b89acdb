package dev.metapilot.sim.bench;

import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.policy.ExecutionDevice;
import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.policy.SyntheticTrial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch-1 step latency of an {@code rl2/1} GRU policy through {@link OnnxPolicy#act}, the same path and synthetic
 * inputs as {@code metapilot bench}; {@code SampleTime} mode reports the percentiles, {@code -prof gc} the allocation
 * per step.
 *
 * <p>
 * The models are files {@code gru-h{hidden}-{actions}.onnx} in the directory {@code -p models=DIR} (default
 * {@code bench-models}), written by the agent's test fixture until the trainer's exporter (which will write the same
 * graph) lives in this module:
 *
 * <pre>
 * ./mvnw -o -q -pl agent test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp agent/target/test-classes:agent/target/classes:$(cat /tmp/cp.txt) \
 *     dev.metapilot.agent.testing.Rl2TestModels bench-models
 * ./metapilot jmh PolicyBenchmark -p models=$PWD/bench-models
 * </pre>
 *
 * Run by JMH on one benchmark thread per state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PolicyBenchmark {

    /** GRU hidden size H of the model file. */
    @Param({"64", "128", "256"})
    public int hidden;

    /** {@code discrete} (Discrete(4) logits, categorical sampling) or {@code box} (Box(2) mean and log_std). */
    @Param({"discrete"})
    public String actions;

    /** Directory of the model files. */
    @Param({"bench-models"})
    public String models;

    /** {@code cpu}, {@code cuda} or {@code auto}. */
    @Param({"cpu"})
    public String device;

    private OnnxPolicy policy;
    private SyntheticTrial trial;

    @Setup(Level.Trial)
    public void setUp() {
        Path file = Path.of(models).resolve("gru-h" + hidden + "-" + actions + ".onnx");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no model " + file.toAbsolutePath() + "; write the benchmark models with "
                    + "dev.metapilot.agent.testing.Rl2TestModels DIR (see PolicyBenchmark's Javadoc) and pass "
                    + "-p models=DIR");
        }
        policy = OnnxPolicy.openStandalone(file, new PolicyOptions(ExecutionDevice.parse(device), 1,
                ActionSelection.SAMPLE), 200);
        trial = new SyntheticTrial(policy.spec(), 200, 1);
        policy.beginTrial(() -> "bench", 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        policy.close();
    }

    /** One policy step on the next synthetic input; returns the finite-outputs flag so the work is not discarded. */
    @Benchmark
    public boolean act() {
        trial.next();
        return policy.act(trial.input(), trial.action());
    }
}
