package dev.metapilot.sim.export;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.metapilot.agent.policy.PolicyContract;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.PolicyWeights;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads back the numbers of an {@code rl2/1} policy that {@link OnnxPolicyExporter} wrote: its metadata, the GRU and
 * head weights in PyTorch's layout, and the observation normalisation, so that a shipped model can be fine-tuned
 * ({@code train --init-from model.onnx}) without the run directory that made it. The inverse of the exporter: exporting
 * what this returns gives the same graph. Any other file (not ONNX, another contract, a graph without the exporter's
 * initializers or with sizes that do not fit its metadata) is refused with the reason.
 */
public final class OnnxPolicyReader {

    private OnnxPolicyReader() {}

    /**
     * What an exported policy holds.
     *
     * @param metadata its metadata
     * @param weights the actor-critic's exported weights (the critic's value row included, training-only terms not)
     * @param normalization the observation normalisation baked into the graph
     */
    public record ExportedPolicy(PolicyMetadata metadata, PolicyWeights weights,
            ObservationNormalization normalization) {

        public ExportedPolicy {
            Objects.requireNonNull(metadata, "metadata is null");
            Objects.requireNonNull(weights, "weights is null");
            Objects.requireNonNull(normalization, "normalization is null");
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it is not a policy this exporter wrote, naming the reason
     */
    public static ExportedPolicy read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    /**
     * Parses a model's bytes.
     *
     * @throws IllegalArgumentException when they are not a policy this exporter wrote, naming the reason
     */
    public static ExportedPolicy parse(byte[] bytes) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (StringStringEntryProto p : model.getMetadataPropsList()) {
            properties.put(p.getKey(), p.getValue());
        }
        String contract = properties.get(PolicyContract.KEY_CONTRACT);
        if (!PolicyContract.VERSION.equals(contract)) {
            throw new IllegalArgumentException("not an " + PolicyContract.VERSION + " policy (metadata '"
                    + PolicyContract.KEY_CONTRACT + "' is " + (contract == null ? "missing" : "'" + contract + "'")
                    + ")");
        }
        PolicyMetadata metadata = PolicyMetadata.fromProperties(properties);
        Map<String, TensorProto> initializers = new HashMap<>();
        model.getGraph().getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        Initializers in = new Initializers(initializers);

        int o = metadata.observationSpace().flatSize();
        int h = metadata.hiddenSize();
        NetworkShape plain = new NetworkShape(o, metadata.actionSpace(), h, metadata.layers());
        NetworkShape shape = plain.withEpisodeResetUnits(in.has("episode_reset_units")
                ? resetUnits(in.floats(
                        "episode_reset_units", h))
                : 0);
        int a = shape.actionSize();
        List<PolicyWeights.GruLayer> layers = new ArrayList<>();
        for (int l = 0; l < shape.layers(); l++) {
            int inputs = l == 0 ? shape.inputSize() : h;
            float[] bias = in.floats("gru_B_" + l, 6 * h);
            float[] inputBias = new float[3 * h];
            float[] recurrentBias = new float[3 * h];
            System.arraycopy(bias, 0, inputBias, 0, 3 * h);
            System.arraycopy(bias, 3 * h, recurrentBias, 0, 3 * h);
            // swapping the first two gate blocks is its own inverse: ONNX's z, r, h back to PyTorch's r, z, n
            layers.add(new PolicyWeights.GruLayer(inputs, h, OnnxPolicyExporter.onnxGateOrder(in.floats("gru_W_" + l, 3
                    * h * inputs), h, inputs), OnnxPolicyExporter.onnxGateOrder(in.floats("gru_R_" + l, 3 * h * h), h,
                            h),
                    OnnxPolicyExporter.onnxGateOrder(inputBias, h, 1), OnnxPolicyExporter.onnxGateOrder(
                            recurrentBias, h, 1)));
        }
        float[] headWeight = new float[(a + 1) * h];
        float[] headBias = new float[a + 1];
        System.arraycopy(in.floats("actions_W", a * h), 0, headWeight, 0, a * h);
        System.arraycopy(in.floats("value_W", h), 0, headWeight, a * h, h);
        System.arraycopy(in.floats("actions_b", a), 0, headBias, 0, a);
        headBias[a] = in.floats("value_b", 1)[0];
        float[] logStd = shape.continuous() ? in.floats("log_std_b", a) : new float[0];
        ObservationNormalization normalization = new ObservationNormalization(in.floats("obs_mean", o), in.floats(
                "obs_inv_std", o), in.floats("obs_clip_max", 1)[0]);
        return new ExportedPolicy(metadata, new PolicyWeights(shape, layers, headWeight, headBias, logStd),
                normalization);
    }

    /** K, from the exporter's mask of K ones followed by H - K zeros. */
    private static int resetUnits(float[] mask) {
        int k = 0;
        while (k < mask.length && mask[k] == 1f) {
            k++;
        }
        for (int i = k; i < mask.length; i++) {
            if (mask[i] != 0f) {
                throw new IllegalArgumentException("initializer 'episode_reset_units' is not K ones followed by "
                        + "zeros (value " + mask[i] + " at " + i + ")");
            }
        }
        return k;
    }

    /** The graph's initializers by name. */
    private record Initializers(Map<String, TensorProto> byName) {

        boolean has(String name) {
            return byName.containsKey(name);
        }

        /** The float values of initializer {@code name}, which must hold {@code expected} of them. */
        float[] floats(String name, int expected) {
            TensorProto t = byName.get(name);
            if (t == null) {
                throw new IllegalArgumentException("the graph has no initializer '" + name + "': not a policy "
                        + "Metapilot's exporter wrote");
            }
            if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
                throw new IllegalArgumentException("initializer '" + name + "' is not float32 (data type "
                        + t.getDataType() + ")");
            }
            float[] values;
            if (!t.getRawData().isEmpty()) {
                if (t.getRawData().size() % Float.BYTES != 0) {
                    throw new IllegalArgumentException("initializer '" + name + "' has " + t.getRawData().size()
                            + " raw bytes, not a whole number of floats");
                }
                values = new float[t.getRawData().size() / Float.BYTES];
                ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(
                        values);
            } else {
                values = new float[t.getFloatDataCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = t.getFloatData(i);
                }
            }
            if (values.length != expected) {
                throw new IllegalArgumentException("initializer '" + name + "' has " + values.length + " values, the "
                        + "metadata's sizes need " + expected);
            }
            return values;
        }
    }
}
