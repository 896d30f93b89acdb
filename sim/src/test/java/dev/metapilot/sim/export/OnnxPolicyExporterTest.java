package dev.metapilot.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyContract;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported file is an {@code rl2/1} policy the agent opens and runs (names, shapes, spaces and metadata checked by
 * the agent's own contract code), and the exporter refuses metadata that does not describe its weights.
 */
class OnnxPolicyExporterTest {

    @TempDir
    Path tmp;

    @Test
    void theAgentOpensAndRunsExportedDiscreteAndBoxPolicies() throws Exception {
        for (EnvSpec spec : new EnvSpec[]{new EnvSpec("toy", Box.uniform(3, -1f, 1f), new Discrete(4), 10, 2),
                new EnvSpec("toy-box", Box.uniform(3, -1f, 1f), Box.uniform(2, -1f, 1f), 10, 2)}) {
            Path file = export(spec, 8, 2, tmp.resolve(spec.id() + ".onnx"));
            try (OnnxPolicy policy = OnnxPolicy.open(file, PolicyOptions.defaults(), spec, "toy")) {
                PolicyMetadata m = policy.metadata();
                assertThat(m.contract()).isEqualTo(PolicyContract.VERSION);
                assertThat(m.actionSpace()).isEqualTo(spec.actionSpace());
                assertThat(m.hiddenSize()).isEqualTo(8);
                assertThat(m.layers()).isEqualTo(2);
                assertThat(m.trainingSteps()).isEqualTo(4096);
                assertThat(m.trainingConfig()).isEqualTo("hidden=8 layers=2");
                assertThat(m.sourceCommit()).isEqualTo("0badc0de");
                StepInput input = new StepInput(spec);
                input.beginTrial();
                Action action = Action.of(spec.actionSpace());
                policy.beginTrial(() -> "t", 1);
                for (int step = 0; step < 20; step++) {
                    assertThat(policy.act(input, action)).isTrue();
                    input.record(action, 0.5f, step % 5 == 4);
                    if (step % 5 == 4) {
                        input.nextEpisode();
                    }
                }
            }
        }
    }

    @Test
    void metadataThatDoesNotDescribeTheWeightsIsRefused() {
        EnvSpec spec = new EnvSpec("toy", Box.uniform(3, -1f, 1f), new Discrete(4), 10, 2);
        try (Rl2Model model = Rl2Model.create(NetworkShape.of(spec, 8, 1), Device.cpu(), 1, 0f)) {
            ObservationNormalization norm = ObservationNormalization.identity(3, 10f);
            assertThatThrownBy(() -> OnnxPolicyExporter.bytes(model.weights(), norm, PolicyMetadata.of(spec, 16, 1, 0,
                    "", ""))).hasMessageContaining("metadata says 1 layer(s) of 16, the weights have 1 of 8");
            EnvSpec other = new EnvSpec("toy", Box.uniform(3, -1f, 1f), new Discrete(5), 10, 2);
            assertThatThrownBy(() -> OnnxPolicyExporter.bytes(model.weights(), norm, PolicyMetadata.of(other, 8, 1, 0,
                    "", ""))).hasMessageContaining("metadata says Discrete(5) actions");
            assertThatThrownBy(() -> OnnxPolicyExporter.bytes(model.weights(), ObservationNormalization.identity(2,
                    10f), PolicyMetadata.of(spec, 8, 1, 0, "", ""))).hasMessageContaining("the normalisation 2");
        }
    }

    @Test
    void pytorchGateBlocksAreReorderedToOnnxOrder() {
        // hidden 1, two columns: r = {1, 2}, z = {3, 4}, n = {5, 6} becomes z, r, h
        float[] onnx = OnnxPolicyExporter.onnxGateOrder(new float[]{1, 2, 3, 4, 5, 6}, 1, 2);
        assertThat(onnx).containsExactly(3, 4, 1, 2, 5, 6);
    }

    static Path export(EnvSpec spec, int hidden, int layers, Path file) throws Exception {
        try (Rl2Model model = Rl2Model.create(NetworkShape.of(spec, hidden, layers), Device.cpu(), 1, -0.5f)) {
            PolicyMetadata meta = PolicyMetadata.of(spec, hidden, layers, 4096, "hidden=" + hidden + " layers="
                    + layers, "0badc0de");
            return OnnxPolicyExporter.write(model.weights(), ObservationNormalization.identity(spec.observationSize(),
                    10f), meta, file);
        }
    }
}
