package dev.metapilot.sim.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * An {@link Rl2Network} with its parameters on one device: seeded initialisation in Java (so the start of a run does
 * not depend on the engine's generator), the batched single-step forward of the rollouts, the sequence forward of the
 * PPO update, and the parameters as named arrays for the optimiser, checkpoints and the exporter.
 *
 * <p>
 * Owned by the trainer and used on its main thread only; {@link #close} releases every native array.
 */
public final class Rl2Model implements AutoCloseable {

    /** Scale of the initial action rows of the head: a near-uniform (or near-zero-mean) first policy. */
    static final float POLICY_INIT_SCALE = 0.01f;

    private final NDManager manager;
    private final Rl2Network network;
    private final ParameterStore store;
    private final NetworkShape shape;
    private final Map<String, NDArray> parameters;

    private Rl2Model(NDManager manager, Rl2Network network) {
        this.manager = manager;
        this.network = network;
        this.shape = network.shape();
        this.store = new ParameterStore(manager, false);
        Map<String, NDArray> p = new LinkedHashMap<>();
        for (Pair<String, Parameter> e : network.getParameters()) {
            // DJL prefixes child blocks' parameters with their position ("01gru_..."); the names here are stable
            p.put(e.getKey().replaceFirst("^\\d+", ""), e.getValue().getArray());
        }
        this.parameters = Collections.unmodifiableMap(p);
    }

    /**
     * A network of {@code shape} on {@code device} with weights drawn from {@code seed}: GRU weights and biases
     * {@code U(-1/sqrt(H), 1/sqrt(H))} (PyTorch's default), the value row of the head likewise, the action rows scaled
     * down by {@value #POLICY_INIT_SCALE}, head biases 0, {@code log_std} = {@code initLogStd}; a time-aware critic's
     * weights like the value row, its biases 0; a privileged critic's weights {@code U(-1/sqrt(H), 1/sqrt(H))}, biases
     * 0.
     */
    public static Rl2Model create(NetworkShape shape, Device device, long seed, float initLogStd) {
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(device, "device is null");
        NDManager manager = NDManager.newBaseManager(device);
        try {
            Rl2Network network = new Rl2Network(shape);
            for (Parameter.Type type : Parameter.Type.values()) {
                network.setInitializer(new ConstantInitializer(0f), type);
            }
            Shape x = new Shape(1, 1, shape.inputSize());
            Shape h = new Shape(shape.layers(), 1, shape.hidden());
            if (shape.criticFeatures() > 0) {
                network.initialize(manager, DataType.FLOAT32, x, h, new Shape(1, 1, shape.criticFeatures()));
            } else {
                network.initialize(manager, DataType.FLOAT32, x, h);
            }
            Rl2Model model = new Rl2Model(manager, network);
            model.initialise(new SplittableRandom(seed), initLogStd);
            return model;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private void initialise(SplittableRandom random, float initLogStd) {
        double bound = 1 / Math.sqrt(shape.hidden());
        Map<String, float[]> values = new LinkedHashMap<>();
        parameters.forEach((name, array) -> {
            float[] v = new float[Math.toIntExact(array.size())];
            if (name.endsWith(Rl2Network.LOG_STD)) {
                Arrays.fill(v, initLogStd);
            } else if (!name.endsWith("_bias")) {
                // the linear blocks' biases ("..._bias": head, critic terms, task inference) stay 0; the GRU's
                // ("..._BIAS") are drawn like its weights
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
                if (name.equals(Rl2Network.HEAD_BLOCK + "_weight")) {
                    for (int i = 0; i < shape.actionSize() * shape.hidden(); i++) {
                        v[i] *= POLICY_INIT_SCALE;
                    }
                }
            }
            values.put(name, v);
        });
        load(values);
    }

    public NetworkShape shape() {
        return shape;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** The manager the parameters live in; the optimiser keeps its moments in sub-managers of it. */
    public NDManager manager() {
        return manager;
    }

    /** The live parameter arrays by name, in DJL's fixed order ({@code log_std} of a Box policy, GRU layers, head). */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** A copy of every parameter's values by name, in {@link #parameters()} order. */
    public Map<String, float[]> values() {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((name, array) -> out.put(name, array.toFloatArray()));
        return out;
    }

    /**
     * Overwrites every parameter with {@code values}.
     *
     * @throws IllegalArgumentException when a name is missing or unknown or a size differs
     */
    public void load(Map<String, float[]> values) {
        if (!values.keySet().equals(parameters.keySet())) {
            throw new IllegalArgumentException("parameters " + values.keySet() + " do not match the network's "
                    + parameters.keySet());
        }
        parameters.forEach((name, array) -> {
            float[] v = values.get(name);
            if (v.length != array.size()) {
                throw new IllegalArgumentException("parameter " + name + " has " + v.length + " values, the network "
                        + array.getShape() + " needs " + array.size());
            }
            assign(array, v);
        });
    }

    /**
     * Overwrites a parameter (or optimiser) array with {@code values} by in-place arithmetic; unlike
     * {@code NDArray.set} this does not make libtorch print a deprecation warning. The target holds finite values.
     */
    public static void assign(NDArray target, float[] values) {
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.muli(0f).addi(source);
        }
    }

    /**
     * One time step for a batch: {@code x [batch, O+A+2]} and {@code h [L, batch, H]} (row-major) in, the heads
     * {@code [batch, A+1]} and the next state {@code [L, batch, H]} out. No gradient is recorded.
     *
     * @param critic {@code [batch, F+P]} the critic's features ({@link TrialTime}, then privileged) for a time-aware or
     *     privileged critic; ignored (may be null) otherwise
     */
    public void step(float[] x, float[] h, float[] critic, int batch, float[] headsOut, float[] hOut) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray xs = scope.create(x, new Shape(1, batch, shape.inputSize()));
            NDArray hs = scope.create(h, new Shape(shape.layers(), batch, shape.hidden()));
            NDList in = new NDList(xs, hs);
            if (shape.criticFeatures() > 0) {
                in.add(scope.create(Objects.requireNonNull(critic, "critic features are null"), new Shape(1, batch,
                        shape.criticFeatures())));
            }
            NDList out = network.forward(store, in, false);
            System.arraycopy(out.get(0).toFloatArray(), 0, headsOut, 0, batch * shape.headSize());
            System.arraycopy(out.get(1).toFloatArray(), 0, hOut, 0, batch * shape.stateSize());
        }
    }

    /**
     * The forward over sequences, for the update: {@code x [T, B, in]} from {@code h0 [L, B, H]}, with the critic's
     * features {@code [T, B, F+P]} for a time-aware or privileged critic (null otherwise); returns
     * {@code heads [T, B, A+1]} and {@code hT}, and with a task-inference head its prediction {@code [T, B, P]}. The
     * arrays are attached to the inputs' manager.
     */
    public NDList forward(NDArray x, NDArray h0, NDArray critic, boolean training) {
        NDList in = new NDList(x, h0);
        if (shape.criticFeatures() > 0) {
            in.add(Objects.requireNonNull(critic, "critic features are null"));
        }
        return network.forward(store, in, training);
    }

    /** The Box policy's {@code log_std} array (a live parameter), or null for a Discrete policy. */
    public NDArray logStd() {
        return parameters.get(Rl2Network.LOG_STD);
    }

    /**
     * The parameters {@code weights} hold, by this network's parameter names: the inverse of {@link #weights()}, for a
     * run that starts from an exported policy. The training-only terms (a time-aware or privileged critic's extras, a
     * task-inference head) are not among them.
     */
    public static Map<String, float[]> exportedValues(PolicyWeights weights) {
        Map<String, float[]> v = new LinkedHashMap<>();
        if (weights.shape().continuous()) {
            v.put(Rl2Network.LOG_STD, weights.logStd());
        }
        for (int l = 0; l < weights.layers().size(); l++) {
            PolicyWeights.GruLayer layer = weights.layers().get(l);
            String gru = Rl2Network.gruPrefix(l);
            v.put(gru + "i2h_WEIGHT", layer.inputWeight());
            v.put(gru + "h2h_WEIGHT", layer.recurrentWeight());
            v.put(gru + "i2h_BIAS", layer.inputBias());
            v.put(gru + "h2h_BIAS", layer.recurrentBias());
        }
        v.put(Rl2Network.HEAD_BLOCK + "_weight", weights.headWeight());
        v.put(Rl2Network.HEAD_BLOCK + "_bias", weights.headBias());
        return v;
    }

    /**
     * The current weights as plain arrays, for the exporter: the actor and {@code v(h)}; a time-aware or privileged
     * critic's extra terms are not part of the exported graph.
     */
    public PolicyWeights weights() {
        Map<String, float[]> v = values();
        List<PolicyWeights.GruLayer> layers = new ArrayList<>();
        for (int l = 0; l < shape.layers(); l++) {
            int in = l == 0 ? shape.inputSize() : shape.hidden();
            String gru = Rl2Network.gruPrefix(l);
            layers.add(new PolicyWeights.GruLayer(in, shape.hidden(), v.get(gru + "i2h_WEIGHT"), v.get(gru
                    + "h2h_WEIGHT"), v.get(gru + "i2h_BIAS"), v.get(gru + "h2h_BIAS")));
        }
        float[] logStd = shape.continuous() ? v.get(Rl2Network.LOG_STD) : new float[0];
        return new PolicyWeights(shape, layers, v.get(Rl2Network.HEAD_BLOCK + "_weight"), v.get(
                Rl2Network.HEAD_BLOCK + "_bias"), logStd);
    }

    @Override
    public void close() {
        manager.close();
    }
}
