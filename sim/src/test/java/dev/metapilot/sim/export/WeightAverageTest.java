package dev.metapilot.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.sim.export.OnnxPolicyReader.ExportedPolicy;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Averaging exports gives every weight's and normalisation entry's mean and the latest export's metadata; exports of
 * different networks are refused naming the difference; the command writes the average and leaves its inputs alone.
 */
class WeightAverageTest {

    private static final EnvSpec SPEC = new EnvSpec("toy", Box.uniform(3, -1f, 1f), new Discrete(4), 10, 2);

    @TempDir
    Path tmp;

    private static ExportedPolicy policy(EnvSpec spec, int hidden, long seed, long steps, float meanShift) {
        NetworkShape shape = NetworkShape.of(spec, hidden, 1);
        try (Rl2Model model = Rl2Model.create(shape, Device.cpu(), seed, -0.5f)) {
            return new ExportedPolicy(PolicyMetadata.of(spec, hidden, 1, steps, "hidden=" + hidden, "c0ffee")
                    .withActionSelection(ActionSelection.GREEDY), model.weights(),
                    new ObservationNormalization(
                            new float[]{meanShift, 0f, 1f}, new float[]{1f, 2f, 4f}, 5f));
        }
    }

    @Test
    void everyNumberIsTheMeanAndTheMetadataIsTheLatestExports() {
        ExportedPolicy a = policy(SPEC, 8, 1, 1000, 0f);
        ExportedPolicy b = policy(SPEC, 8, 2, 3000, 1f);
        ExportedPolicy c = policy(SPEC, 8, 3, 2000, 2f);

        ExportedPolicy avg = WeightAverage.of(List.of(a, b, c));

        float[] wa = a.weights().layers().get(0).recurrentWeight();
        float[] wb = b.weights().layers().get(0).recurrentWeight();
        float[] wc = c.weights().layers().get(0).recurrentWeight();
        float[] w = avg.weights().layers().get(0).recurrentWeight();
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).isCloseTo((wa[i] + wb[i] + wc[i]) / 3f, within(1e-6f));
        }
        assertThat(avg.weights().headBias()[0]).isCloseTo((a.weights().headBias()[0] + b.weights().headBias()[0] + c
                .weights().headBias()[0]) / 3f, within(1e-6f));
        assertThat(avg.normalization().mean()).containsExactly(1f, 0f, 1f);
        assertThat(avg.normalization().invStd()).containsExactly(1f, 2f, 4f);
        assertThat(avg.metadata().trainingSteps()).isEqualTo(3000);
        assertThat(avg.metadata().trainingConfig()).isEqualTo(
                "hidden=8 weight_average=3 weight_average_steps=1000..3000");
        assertThat(avg.metadata().actionSelection()).contains(ActionSelection.GREEDY);
    }

    @Test
    void theAverageOfOnePolicyWithItselfIsThatPolicy() {
        ExportedPolicy a = policy(SPEC, 8, 1, 1000, 0f);
        ExportedPolicy avg = WeightAverage.of(List.of(a, a));
        assertThat(avg.weights().layers().get(0).inputWeight()).containsExactly(a.weights().layers().get(0)
                .inputWeight());
        assertThat(avg.weights().headWeight()).containsExactly(a.weights().headWeight());
    }

    @Test
    void exportsOfDifferentNetworksOrEnvironmentsAreRefusedNamingTheDifference() {
        ExportedPolicy a = policy(SPEC, 8, 1, 1000, 0f);
        assertThatThrownBy(() -> WeightAverage.of(List.of(a, policy(SPEC, 16, 2, 1000, 0f)))).hasMessageContaining(
                "policy 2 differs from policy 1 in its network");
        EnvSpec other = new EnvSpec("other", Box.uniform(3, -1f, 1f), new Discrete(4), 10, 2);
        assertThatThrownBy(() -> WeightAverage.of(List.of(a, a, policy(other, 8, 2, 1000, 0f))))
                .hasMessageContaining("policy 3 differs from policy 1 in its environment (other, not toy)");
        assertThatThrownBy(() -> WeightAverage.of(List.of(a))).hasMessageContaining("at least two policies");
    }

    @Test
    void theCommandWritesTheAverageAndRefusesToOverwriteAnInput() throws Exception {
        Path first = tmp.resolve("a.onnx");
        Path second = tmp.resolve("b.onnx");
        ExportedPolicy a = policy(SPEC, 8, 1, 1000, 0f);
        ExportedPolicy b = policy(SPEC, 8, 2, 2000, 1f);
        Files.write(first, OnnxPolicyExporter.bytes(a.weights(), a.normalization(), a.metadata()));
        Files.write(second, OnnxPolicyExporter.bytes(b.weights(), b.normalization(), b.metadata()));
        byte[] before = Files.readAllBytes(first);
        CommandLineRun cli = new CommandLineRun();

        Path out = tmp.resolve("avg.onnx");
        assertThat(cli.run("average-weights", "--out", out.toString(), first.toString(), second.toString())).as(cli
                .err()).isZero();
        assertThat(cli.out()).contains("the mean of 2 policies (1000 to 2000 training steps), sha256 ");
        ExportedPolicy read = OnnxPolicyReader.read(out);
        assertThat(read.metadata().trainingSteps()).isEqualTo(2000);
        assertThat(read.normalization().mean()[0]).isEqualTo(0.5f);

        assertThat(cli.run("average-weights", "--out", first.toString(), first.toString(), second.toString()))
                .isEqualTo(1);
        assertThat(cli.err()).contains("is one of the inputs");
        assertThat(Files.readAllBytes(first)).isEqualTo(before);

        Files.write(tmp.resolve("junk.onnx"), new byte[]{1, 2, 3});
        assertThat(cli.run("average-weights", "--out", tmp.resolve("x.onnx").toString(), first.toString(), tmp
                .resolve("junk.onnx").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("cannot average " + tmp.resolve("junk.onnx"));
    }
}
