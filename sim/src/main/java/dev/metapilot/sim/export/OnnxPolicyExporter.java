package dev.metapilot.sim.export;

import static dev.metapilot.agent.policy.PolicyContract.ACTIONS;
import static dev.metapilot.agent.policy.PolicyContract.H_IN;
import static dev.metapilot.agent.policy.PolicyContract.H_OUT;
import static dev.metapilot.agent.policy.PolicyContract.LOG_STD;
import static dev.metapilot.agent.policy.PolicyContract.OBS;
import static dev.metapilot.agent.policy.PolicyContract.PREV_ACTION;
import static dev.metapilot.agent.policy.PolicyContract.PREV_DONE;
import static dev.metapilot.agent.policy.PolicyContract.PREV_REWARD;
import static dev.metapilot.agent.policy.PolicyContract.VALUE;
import static dev.metapilot.sim.export.OnnxGraphWriter.intAttribute;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.metapilot.agent.policy.ModelSignature;
import dev.metapilot.agent.policy.PolicyContract;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.trust.AtomicFile;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.PolicyWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a trained policy as an {@code rl2/1} ONNX model (opset 17), the file the agent runs:
 *
 * <pre>
 * x      = Concat(Clip((obs - mean) * inv_std, -c, c), prev_action, prev_reward, prev_done)   [B, O+A+2]
 * h_0    = h_in, or with K episode-reset units h_in * (1 - prev_done * m), m = 1 on units 0..K-1   [L, B, H]
 * h_l    = GRU(x or the layer below, W_l, R_l, B_l, initial_h = h_0[l]), linear_before_reset = 1
 * h_out  = Concat(h_0 .. h_{L-1})                                                           [L, B, H]
 * actions = Gemm(h_{L-1}, W_a, b_a)   log_std = Gemm(h_{L-1}, 0, log_std)   value = Gemm(h_{L-1}, w_v, b_v)
 * </pre>
 *
 * PyTorch stacks the GRU gates as r, z, n; ONNX wants z, r, h, so each of W, R and the two biases is reordered, and
 * {@code B = [Wb, Rb]}. The metadata is {@link PolicyMetadata#toProperties()}, the names and shapes those of
 * {@link PolicyContract#signature}. Called on the trainer's main thread (final model, evaluations) and by tests.
 */
public final class OnnxPolicyExporter {

    /** The ONNX operator set the graph is written for. */
    static final int OPSET = 17;
    static final int IR_VERSION = 8;

    private OnnxPolicyExporter() {}

    /**
     * The model's bytes.
     *
     * @throws IllegalArgumentException when the metadata's spaces or sizes do not match the weights or normalisation
     */
    public static byte[] bytes(PolicyWeights weights, ObservationNormalization normalization,
            PolicyMetadata metadata) {
        Objects.requireNonNull(weights, "weights is null");
        Objects.requireNonNull(normalization, "normalization is null");
        Objects.requireNonNull(metadata, "metadata is null");
        NetworkShape shape = weights.shape();
        check(shape, normalization, metadata);
        ModelSignature signature = PolicyContract.signature(metadata);
        OnnxGraphWriter g = new OnnxGraphWriter("metapilot-rl2-gru");
        signature.inputs().forEach((name, t) -> g.input(name, dims(t)));
        signature.outputs().forEach((name, t) -> g.output(name, dims(t)));
        writeGraph(g, weights, normalization);
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("metapilot-sim")
                .setDocString("RL² GRU policy (" + PolicyContract.VERSION + ") for " + metadata.envId())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(g.build());
        for (Map.Entry<String, String> e : metadata.toProperties().entrySet()) {
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return model.build().toByteArray();
    }

    /** Writes the model to {@code file} atomically (a temporary file in the same directory, then a rename). */
    public static Path write(PolicyWeights weights, ObservationNormalization normalization, PolicyMetadata metadata,
            Path file) throws IOException {
        return AtomicFile.write(file, bytes(weights, normalization, metadata));
    }

    private static void writeGraph(OnnxGraphWriter g, PolicyWeights w, ObservationNormalization n) {
        NetworkShape shape = w.shape();
        int o = shape.observationSize();
        int a = shape.actionSize();
        int h = shape.hidden();
        String centred = g.node("Sub", null, List.of(OBS, g.floats("obs_mean", new long[]{1, o}, n.mean())));
        String scaled = g.node("Mul", null, List.of(centred, g.floats("obs_inv_std", new long[]{1, o}, n.invStd())));
        String clipped = g.node("Clip", null, List.of(scaled, g.floats("obs_clip_min", new long[0], new float[]{-n
                .clip()}), g.floats("obs_clip_max", new long[0], new float[]{n.clip()})));
        String x = g.node("Concat", null, List.of(clipped, PREV_ACTION, PREV_REWARD, PREV_DONE), intAttribute("axis",
                1));
        String sequence = g.node("Unsqueeze", null, List.of(x, g.int64s("axes_0", new long[]{1}, 0)));
        String state = H_IN;
        if (shape.episodeResetUnits() > 0) {
            float[] units = new float[h];
            Arrays.fill(units, 0, shape.episodeResetUnits(), 1f);
            String reset = g.node("Mul", null, List.of(PREV_DONE, g.floats("episode_reset_units", new long[]{1, h},
                    units)));
            String keep = g.node("Sub", null, List.of(g.floats("one", new long[0], new float[]{1f}), reset));
            state = g.node("Mul", null, List.of(H_IN, keep));
        }
        List<String> initial = new ArrayList<>();
        if (shape.layers() == 1) {
            initial.add(state);
        } else {
            for (int l = 0; l < shape.layers(); l++) {
                initial.add("h_in_" + l);
            }
            g.nodes("Split", initial, List.of(state), intAttribute("axis", 0));
        }
        List<String> finals = new ArrayList<>();
        for (int l = 0; l < shape.layers(); l++) {
            PolicyWeights.GruLayer layer = w.layers().get(l);
            String y = "gru_y_" + l;
            String yh = "gru_y_h_" + l;
            String wName = g.floats("gru_W_" + l, new long[]{1, 3 * h, layer.inputSize()}, onnxGateOrder(layer
                    .inputWeight(), h, layer.inputSize()));
            String rName = g.floats("gru_R_" + l, new long[]{1, 3 * h, h}, onnxGateOrder(layer.recurrentWeight(), h,
                    h));
            float[] bias = new float[6 * h];
            System.arraycopy(onnxGateOrder(layer.inputBias(), h, 1), 0, bias, 0, 3 * h);
            System.arraycopy(onnxGateOrder(layer.recurrentBias(), h, 1), 0, bias, 3 * h, 3 * h);
            String bName = g.floats("gru_B_" + l, new long[]{1, 6 * h}, bias);
            g.nodes("GRU", List.of(y, yh), List.of(sequence, wName, rName, bName, "", initial.get(l)), intAttribute(
                    "hidden_size", h), intAttribute("linear_before_reset", 1));
            sequence = g.node("Squeeze", null, List.of(y, g.int64s("axes_1_" + l, new long[]{1}, 1)));
            finals.add(yh);
        }
        if (shape.layers() == 1) {
            g.node("Identity", H_OUT, finals);
        } else {
            g.node("Concat", H_OUT, finals, intAttribute("axis", 0));
        }
        String features = g.node("Squeeze", null, List.of(finals.get(finals.size() - 1), g.int64s("axes_0s",
                new long[]{1}, 0)));
        float[] actionWeight = new float[a * h];
        float[] actionBias = new float[a];
        float[] valueWeight = new float[h];
        System.arraycopy(w.headWeight(), 0, actionWeight, 0, a * h);
        System.arraycopy(w.headBias(), 0, actionBias, 0, a);
        System.arraycopy(w.headWeight(), a * h, valueWeight, 0, h);
        g.node("Gemm", ACTIONS, List.of(features, g.floats("actions_W", new long[]{a, h}, actionWeight), g.floats(
                "actions_b", new long[]{a}, actionBias)), intAttribute("transB", 1));
        if (shape.continuous()) {
            // 0 * features + log_std: the state-independent log_std, one row per batch row
            g.node("Gemm", LOG_STD, List.of(features, g.floats("log_std_W", new long[]{a, h}, new float[a * h]), g
                    .floats("log_std_b", new long[]{a}, w.logStd())), intAttribute("transB", 1));
        }
        g.node("Gemm", VALUE, List.of(features, g.floats("value_W", new long[]{1, h}, valueWeight), g.floats(
                "value_b", new long[]{1}, new float[]{w.headBias()[a]})), intAttribute("transB", 1));
    }

    /**
     * Reorders the gate blocks of a {@code [3H, columns]} row-major array from PyTorch's r, z, n to ONNX's z, r, h.
     */
    static float[] onnxGateOrder(float[] torch, int hidden, int columns) {
        int block = hidden * columns;
        float[] out = new float[3 * block];
        System.arraycopy(torch, block, out, 0, block); // z
        System.arraycopy(torch, 0, out, block, block); // r
        System.arraycopy(torch, 2 * block, out, 2 * block, block); // n (ONNX: h)
        return out;
    }

    private static void check(NetworkShape shape, ObservationNormalization n, PolicyMetadata m) {
        if (!m.actionSpace().equals(shape.actionSpace())) {
            throw new IllegalArgumentException("metadata says " + m.actionSpace() + " actions, the weights are for "
                    + shape.actionSpace());
        }
        if (m.observationSpace().flatSize() != shape.observationSize() || n.features() != shape.observationSize()) {
            throw new IllegalArgumentException("metadata observation space " + m.observationSpace() + " has " + m
                    .observationSpace().flatSize() + " features, the weights " + shape.observationSize()
                    + ", the normalisation " + n.features());
        }
        if (m.hiddenSize() != shape.hidden() || m.layers() != shape.layers()) {
            throw new IllegalArgumentException("metadata says " + m.layers() + " layer(s) of " + m.hiddenSize()
                    + ", the weights have " + shape.layers() + " of " + shape.hidden());
        }
    }

    private static long[] dims(ModelSignature.Tensor t) {
        return t.dims().stream().mapToLong(Long::longValue).toArray();
    }
}
