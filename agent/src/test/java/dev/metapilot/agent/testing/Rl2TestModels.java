package dev.metapilot.agent.testing;

import static dev.metapilot.agent.policy.PolicyContract.ACTIONS;
import static dev.metapilot.agent.policy.PolicyContract.H_IN;
import static dev.metapilot.agent.policy.PolicyContract.H_OUT;
import static dev.metapilot.agent.policy.PolicyContract.LOG_STD;
import static dev.metapilot.agent.policy.PolicyContract.PREV_DONE;
import static dev.metapilot.agent.policy.PolicyContract.PREV_REWARD;
import static dev.metapilot.agent.policy.PolicyContract.VALUE;
import static dev.metapilot.agent.testing.OnnxGraph.intAttribute;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.metapilot.agent.policy.ModelSignature;
import dev.metapilot.agent.policy.PolicyContract;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.Space;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code rl2/1} policies for tests: a real GRU policy with random weights, and hand-made models whose outputs
 * depend on the hidden state in a known way, so the actions a test sees reveal whether the memory carried or reset.
 * Every model can be broken on purpose (renamed tensors, wrong shapes or types, other metadata). Test code, one thread.
 *
 * <p>
 * {@link #main} writes the GRU models {@code metapilot bench} and the JMH {@code PolicyBenchmark} load.
 */
public final class Rl2TestModels {

    /** What the graph computes. */
    public enum Core {
        /** Concat(normalised obs, prev inputs) → GRU layers (linear_before_reset=1) → Gemm heads; random weights. */
        GRU,
        /**
         * {@code h_out = h_in + 1}: the hidden state counts the steps of the trial. With c = {@code h_in[0,b,0]},
         * Discrete(n) logits are {@code -sharpness * |k - c mod n|} (greedy action = c mod n); a Box mean is c in every
         * dimension with a constant {@code log_std}; {@code value = c}.
         */
        STEP_COUNTER,
        /**
         * As {@link #STEP_COUNTER} with {@code h_out = h_in + prev_done}: the hidden state counts finished episodes.
         */
        EPISODE_COUNTER
    }

    /** Which output turns NaN on a step whose {@code prev_reward} is 1 (only with a counter core). */
    public enum Poison {
        NONE, ACTIONS, LOG_STD, VALUE, H_OUT
    }

    private Rl2TestModels() {}

    /** A GRU policy of hidden size {@code hidden} for these spaces. */
    public static Builder gru(Space observation, Space action, int hidden) {
        return new Builder(Core.GRU, observation, action).hidden(hidden);
    }

    /** A {@link Core#STEP_COUNTER} model. */
    public static Builder stepCounter(Space observation, Space action) {
        return new Builder(Core.STEP_COUNTER, observation, action);
    }

    /** An {@link Core#EPISODE_COUNTER} model. */
    public static Builder episodeCounter(Space observation, Space action) {
        return new Builder(Core.EPISODE_COUNTER, observation, action);
    }

    /**
     * Writes the benchmark models into directory {@code args[0]}: {@code gru-h{64,128,256}-discrete.onnx} (observations
     * Box(16, [-1, 1]), actions Discrete(4)) and {@code gru-h{64,128,256}-box.onnx} (actions Box(2, [-1, 1])). Run with
     * the agent's test class path (see the README).
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Rl2TestModels DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        for (int hidden : new int[]{64, 128, 256}) {
            Box observation = Box.uniform(16, -1f, 1f);
            System.out.println(gru(observation, new Discrete(4), hidden).write(dir.resolve("gru-h" + hidden
                    + "-discrete.onnx")));
            System.out.println(gru(observation, Box.uniform(2, -1f, 1f), hidden).write(dir.resolve("gru-h" + hidden
                    + "-box.onnx")));
        }
    }

    /** Settings of one test model; {@link #write} or {@link #bytes} produce it. */
    public static final class Builder {

        private final Core core;
        private final Space observation;
        private final Space action;
        private int hidden = 4;
        private int layers = 1;
        private long seed = 1;
        private float logStd;
        private float sharpness = 10f;
        private Poison poison = Poison.NONE;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final Map<String, String> renames = new HashMap<>();
        private final Map<String, long[]> dims = new HashMap<>();
        private final Map<String, TensorProto.DataType> types = new HashMap<>();
        private final Map<String, TensorProto> initializers = new HashMap<>();

        private Builder(Core core, Space observation, Space action) {
            this.core = core;
            this.observation = observation;
            this.action = action;
        }

        public Builder hidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        public Builder layers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Seeds the GRU's random weights. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The constant {@code log_std} of a counter model's Box head. */
        public Builder logStd(float logStd) {
            this.logStd = logStd;
            return this;
        }

        /** How far a counter model's Discrete logits fall per index away from the peak (default 10: nearly greedy). */
        public Builder sharpness(float sharpness) {
            this.sharpness = sharpness;
            return this;
        }

        public Builder poison(Poison poison) {
            this.poison = poison;
            return this;
        }

        /** Overrides a metadata entry; null removes it. */
        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /** Renames graph input or output {@code from} (and every use of it). */
        public Builder rename(String from, String to) {
            renames.put(from, to);
            return this;
        }

        /**
         * Declares graph input or output {@code name} with these dims (negative = dynamic) instead of the contract's.
         */
        public Builder declare(String name, long... declared) {
            dims.put(name, declared);
            return this;
        }

        /** Declares graph input or output {@code name} with element type {@code type} instead of float32. */
        public Builder declare(String name, TensorProto.DataType type) {
            types.put(name, type);
            return this;
        }

        /**
         * Replaces the graph's float initializer {@code name} (a GRU weight, say) with one of other dims and values.
         */
        public Builder initializer(String name, long[] replacementDims, float... values) {
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(
                    TensorProto.DataType.FLOAT_VALUE);
            for (long d : replacementDims) {
                t.addDims(d);
            }
            for (float v : values) {
                t.addFloatData(v);
            }
            initializers.put(name, t.build());
            return this;
        }

        /** The metadata written before {@link #metadata} overrides. */
        public PolicyMetadata policyMetadata() {
            return new PolicyMetadata(PolicyContract.VERSION, "test-env", observation, action, hidden, layers, 2,
                    1000, "core=" + core, "0123abc");
        }

        public byte[] bytes() {
            PolicyMetadata meta = policyMetadata();
            ModelSignature signature = PolicyContract.signature(meta);
            OnnxGraph g = new OnnxGraph("rl2-" + core.name().toLowerCase());
            signature.inputs().forEach((name, t) -> g.input(name, types.getOrDefault(name, TensorProto.DataType.FLOAT),
                    dims.getOrDefault(name, dimsOf(t))));
            signature.outputs().forEach((name, t) -> g.output(name, types.getOrDefault(name,
                    TensorProto.DataType.FLOAT), dims.getOrDefault(name, dimsOf(t))));
            if (core == Core.GRU) {
                GruGraph.write(g, meta, seed);
            } else {
                counter(g);
            }
            ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(8).setProducerName("metapilot-tests")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                    .setGraph(edited(g.build()));
            Map<String, String> props = new LinkedHashMap<>(meta.toProperties());
            props.putAll(metadata);
            props.forEach((k, v) -> {
                if (v != null) {
                    model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v));
                }
            });
            return model.build().toByteArray();
        }

        /** Writes the model to {@code file} (creating its directory) and returns the file. */
        public Path write(Path file) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.write(file, bytes());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void counter(OnnxGraph g) {
            String one = g.floats("one", new long[]{1}, 1f);
            String zero = g.floats("zero", new long[]{1}, 0f);
            float[] e0 = new float[hidden];
            e0[0] = 1f;
            String first = g.node("Gather", null, List.of(H_IN, g.int64s("index0", new long[0], 0)), intAttribute(
                    "axis", 0));
            String count = g.node("MatMul", "count", List.of(first, g.floats("e0", new long[]{hidden, 1}, e0)));
            String next = g.node("Add", null, List.of(H_IN, core == Core.STEP_COUNTER ? one : PREV_DONE));
            // 0 * log(1 - prev_reward): 0 while prev_reward < 1, NaN from prev_reward = 1 on
            String nan = g.node("Mul", null, List.of(zero, g.node("Log", null, List.of(g.node("Sub", null, List.of(
                    one, PREV_REWARD))))));
            if (action instanceof Discrete d) {
                float[] k = new float[d.n()];
                for (int i = 0; i < k.length; i++) {
                    k[i] = i;
                }
                String mod = g.node("Mod", null, List.of(count, g.floats("n", new long[]{1}, d.n())), intAttribute(
                        "fmod", 1));
                String distance = g.node("Abs", null, List.of(g.node("Sub", null, List.of(g.floats("k", new long[]{1,
                        d.n()}, k), mod))));
                finish(g, ACTIONS,
                        g.node("Mul", null, List.of(distance, g.floats("minus_sharpness", new long[]{1}, -sharpness))),
                        nan);
            } else {
                int a = action.flatSize();
                float[] ones = new float[a];
                float[] std = new float[a];
                Arrays.fill(ones, 1f);
                Arrays.fill(std, logStd);
                String mean = g.node("Mul", null, List.of(count, g.floats("ones", new long[]{1, a}, ones)));
                finish(g, ACTIONS, mean, nan);
                finish(g, LOG_STD, g.node("Add", null, List.of(g.node("Mul", null, List.of(mean, zero)), g.floats(
                        "log_std_row", new long[]{1, a}, std))), nan);
            }
            finish(g, VALUE, count, nan);
            finish(g, H_OUT, next, nan);
        }

        private void finish(OnnxGraph g, String output, String value, String nan) {
            boolean poisoned = poison.name().equals(output.toUpperCase());
            g.node(poisoned ? "Add" : "Identity", output, poisoned ? List.of(value, nan) : List.of(value));
        }

        private GraphProto edited(GraphProto graph) {
            GraphProto.Builder b = graph.toBuilder();
            for (int i = 0; i < b.getInitializerCount(); i++) {
                TensorProto replacement = initializers.get(b.getInitializer(i).getName());
                if (replacement != null) {
                    b.setInitializer(i, replacement);
                }
            }
            for (int i = 0; i < b.getInputCount(); i++) {
                ValueInfoProto v = b.getInput(i);
                b.setInput(i, v.toBuilder().setName(renames.getOrDefault(v.getName(), v.getName())));
            }
            for (int i = 0; i < b.getOutputCount(); i++) {
                ValueInfoProto v = b.getOutput(i);
                b.setOutput(i, v.toBuilder().setName(renames.getOrDefault(v.getName(), v.getName())));
            }
            for (int i = 0; i < b.getNodeCount(); i++) {
                NodeProto.Builder n = b.getNode(i).toBuilder();
                for (int j = 0; j < n.getInputCount(); j++) {
                    n.setInput(j, renames.getOrDefault(n.getInput(j), n.getInput(j)));
                }
                for (int j = 0; j < n.getOutputCount(); j++) {
                    n.setOutput(j, renames.getOrDefault(n.getOutput(j), n.getOutput(j)));
                }
                b.setNode(i, n);
            }
            return b.build();
        }

        private static long[] dimsOf(ModelSignature.Tensor t) {
            return t.dims().stream().mapToLong(Long::longValue).toArray();
        }
    }
}
