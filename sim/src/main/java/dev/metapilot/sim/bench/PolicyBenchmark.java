package dev.metapilot.sim.bench;

import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.policy.ExecutionDevice;
import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.policy.SyntheticTrial;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Space;
import dev.metapilot.sim.export.OnnxPolicyExporter;
import dev.metapilot.sim.export.SourceCommit;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import java.io.IOException;
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
 * per step. The model is written in {@code @Setup} by the trainer's exporter from a freshly initialised network
 * (observations Box(16, [-1, 1]); actions Discrete(4) or Box(2, [-1, 1])), so it is exactly the graph training
 * produces:
 *
 * <pre>
 * ./metapilot jmh PolicyBenchmark -p hidden=128
 * </pre>
 *
 * Run by JMH on one benchmark thread per state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true"})
public class PolicyBenchmark {

    /** GRU hidden size H of the model. */
    @Param({"64", "128", "256"})
    public int hidden;

    /** {@code discrete} (Discrete(4) logits, categorical sampling) or {@code box} (Box(2) mean and log_std). */
    @Param({"discrete"})
    public String actions;

    /** {@code cpu}, {@code cuda} or {@code auto}. */
    @Param({"cpu"})
    public String device;

    private OnnxPolicy policy;
    private SyntheticTrial trial;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Space actionSpace = switch (actions) {
            case "discrete" -> new Discrete(4);
            case "box" -> Box.uniform(2, -1f, 1f);
            default -> throw new IllegalArgumentException("actions must be discrete or box, got " + actions);
        };
        EnvSpec spec = new EnvSpec("bench", Box.uniform(16, -1f, 1f), actionSpace, 200, 2);
        file = Files.createTempFile("policy-benchmark-h" + hidden + "-", ".onnx");
        try (Rl2Model model = Rl2Model.create(NetworkShape.of(spec, hidden, 1), ai.djl.Device.cpu(), hidden, -0.5f)) {
            OnnxPolicyExporter.write(model.weights(), ObservationNormalization.identity(16, 10f), PolicyMetadata.of(
                    spec, hidden, 1, 0, "benchmark: untrained", SourceCommit.UNKNOWN), file);
        }
        policy = OnnxPolicy.openStandalone(file, new PolicyOptions(ExecutionDevice.parse(device), 1,
                ActionSelection.SAMPLE), 200);
        trial = new SyntheticTrial(policy.spec(), 200, 1);
        policy.beginTrial(() -> "bench", 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        policy.close();
        Files.deleteIfExists(file);
    }

    /** One policy step on the next synthetic input; returns the finite-outputs flag so the work is not discarded. */
    @Benchmark
    public boolean act() {
        trial.next();
        return policy.act(trial.input(), trial.action());
    }
}
