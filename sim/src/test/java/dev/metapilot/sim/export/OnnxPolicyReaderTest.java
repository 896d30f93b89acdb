package dev.metapilot.sim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.metapilot.agent.policy.PolicyContract;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.sim.export.OnnxPolicyReader.ExportedPolicy;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.PolicyWeights;
import dev.metapilot.sim.model.Rl2Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reading an exported policy back gives the exporter's inputs bitwise (so exporting them again writes the same bytes),
 * for Discrete and Box policies, stacked layers and episode-reset units, and for every shipped model; files that are
 * not such a policy are refused with the reason.
 */
class OnnxPolicyReaderTest {

    private static final Path MODELS = Path.of("..", "models");

    @Test
    void readingBackGivesTheExportedWeightsNormalisationAndMetadata() {
        for (EnvSpec spec : new EnvSpec[]{new EnvSpec("toy", Box.uniform(3, -1f, 1f), new Discrete(4), 10, 2),
                new EnvSpec("toy-box", Box.uniform(3, -1f, 1f), Box.uniform(2, -1f, 1f), 10, 2)}) {
            NetworkShape shape = NetworkShape.of(spec, 8, 2).withEpisodeResetUnits(3);
            try (Rl2Model model = Rl2Model.create(shape, Device.cpu(), 7, -0.5f)) {
                PolicyWeights weights = model.weights();
                ObservationNormalization norm = new ObservationNormalization(new float[]{0.5f, -1.25f, 3f},
                        new float[]{2f, 0.125f, 1e4f}, 5f);
                PolicyMetadata metadata = PolicyMetadata.of(spec, 8, 2, 123_456, "hidden=8 layers=2", "0badc0de");
                byte[] bytes = OnnxPolicyExporter.bytes(weights, norm, metadata);

                ExportedPolicy read = OnnxPolicyReader.parse(bytes);

                assertThat(read.metadata()).isEqualTo(metadata);
                assertThat(read.normalization()).isEqualTo(norm);
                assertThat(read.weights().shape()).isEqualTo(shape);
                assertSameWeights(read.weights(), weights);
                assertThat(Rl2Model.exportedValues(read.weights())).containsOnlyKeys(model.values().keySet());
                assertThat(OnnxPolicyExporter.bytes(read.weights(), read.normalization(), read.metadata())).isEqualTo(
                        bytes);
            }
        }
    }

    @Test
    void everyShippedModelReadsBackToTheSameGraph() throws IOException {
        List<Path> shipped;
        try (Stream<Path> files = Files.list(MODELS)) {
            shipped = files.filter(f -> f.toString().endsWith(".onnx")).sorted().toList();
        }
        assertThat(shipped).isNotEmpty();
        for (Path file : shipped) {
            ExportedPolicy read = OnnxPolicyReader.read(file);
            assertThat(OnnxPolicyExporter.bytes(read.weights(), read.normalization(), read.metadata())).as(file
                    .toString()).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void filesThatAreNotAnExportedPolicyAreRefusedWithTheReason() {
        assertThatThrownBy(() -> OnnxPolicyReader.parse(new byte[]{1, 2, 3, 4, 5})).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("not an ONNX model");

        EnvSpec spec = new EnvSpec("toy", Box.uniform(3, -1f, 1f), new Discrete(4), 10, 2);
        byte[] bytes;
        try (Rl2Model model = Rl2Model.create(NetworkShape.of(spec, 8, 1), Device.cpu(), 1, 0f)) {
            bytes = OnnxPolicyExporter.bytes(model.weights(), ObservationNormalization.identity(3, 10f),
                    PolicyMetadata.of(spec, 8, 1, 0, "", ""));
        }
        ModelProto model = parse(bytes);

        byte[] noContract = model.toBuilder().clearMetadataProps().build().toByteArray();
        assertThatThrownBy(() -> OnnxPolicyReader.parse(noContract)).hasMessageContaining("not an rl2/1 policy")
                .hasMessageContaining("missing");

        ModelProto.Builder withoutValue = model.toBuilder();
        withoutValue.getGraphBuilder().removeInitializer(indexOf(model, "value_W"));
        assertThatThrownBy(() -> OnnxPolicyReader.parse(withoutValue.build().toByteArray())).hasMessageContaining(
                "no initializer 'value_W'");

        ModelProto.Builder shortBias = model.toBuilder();
        TensorProto bias = model.getGraph().getInitializer(indexOf(model, "actions_b"));
        shortBias.getGraphBuilder().setInitializer(indexOf(model, "actions_b"), bias.toBuilder().setRawData(bias
                .getRawData().substring(0, 8)));
        assertThatThrownBy(() -> OnnxPolicyReader.parse(shortBias.build().toByteArray())).hasMessageContaining(
                "'actions_b' has 2 values, the metadata's sizes need 4");

        ModelProto.Builder wider = model.toBuilder();
        for (int i = 0; i < wider.getMetadataPropsCount(); i++) {
            if (wider.getMetadataProps(i).getKey().equals(PolicyContract.KEY_HIDDEN_SIZE)) {
                wider.setMetadataProps(i, wider.getMetadataProps(i).toBuilder().setValue("16"));
            }
        }
        assertThatThrownBy(() -> OnnxPolicyReader.parse(wider.build().toByteArray())).hasMessageContaining(
                "the metadata's sizes need");
    }

    private static void assertSameWeights(PolicyWeights read, PolicyWeights written) {
        for (int l = 0; l < written.layers().size(); l++) {
            PolicyWeights.GruLayer a = read.layers().get(l);
            PolicyWeights.GruLayer b = written.layers().get(l);
            assertThat(a.inputWeight()).as("W_ih " + l).isEqualTo(b.inputWeight());
            assertThat(a.recurrentWeight()).as("W_hh " + l).isEqualTo(b.recurrentWeight());
            assertThat(a.inputBias()).as("b_ih " + l).isEqualTo(b.inputBias());
            assertThat(a.recurrentBias()).as("b_hh " + l).isEqualTo(b.recurrentBias());
        }
        assertThat(read.headWeight()).isEqualTo(written.headWeight());
        assertThat(read.headBias()).isEqualTo(written.headBias());
        assertThat(read.logStd()).isEqualTo(written.logStd());
    }

    private static ModelProto parse(byte[] bytes) {
        try {
            return ModelProto.parseFrom(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int indexOf(ModelProto model, String initializer) {
        for (int i = 0; i < model.getGraph().getInitializerCount(); i++) {
            if (model.getGraph().getInitializer(i).getName().equals(initializer)) {
                return i;
            }
        }
        throw new AssertionError("no initializer " + initializer);
    }
}
