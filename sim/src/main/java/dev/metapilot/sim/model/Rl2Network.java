package dev.metapilot.sim.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.Objects;

/**
 * The RL² actor-critic as a DJL block: a GRU of L layers (PyTorch's gate order r,z,n, {@code linear_before_reset}
 * semantics) over time-major inputs {@code [T, B, O+A+2]} from initial states {@code [L, B, H]}, then one linear head
 * whose first A outputs are the logits (Discrete) or the mean (Box, in environment units) and whose last output is the
 * value; for a Box action space a state-independent {@code log_std} parameter of A values.
 *
 * <p>
 * A time-aware critic ({@link NetworkShape#timeAwareValue()}) adds to that value a term bilinear in the GRU output and
 * the step's F {@link TrialTime} features {@code phi}: {@code value = v(h) + sum_j phi_j (w_j . h + b_j)}, one linear
 * block of F units. The actions never see time, and at a trial's first step ({@code phi = 0}) the value is
 * {@code v(h)}, the value the exported graph computes.
 *
 * <p>
 * A privileged critic ({@link NetworkShape#privilegedValue()}) adds a small network of the GRU output and all the
 * critic's features (time, then the environment's P privileged features {@code psi}: the hidden task, the true state):
 * {@code value += w2 . tanh(W1 [h; phi; psi] + b1) + b2} with {@value #PRIVILEGED_UNITS} hidden units. The actions
 * never see these features, and the exported graph computes {@code v(h)} only.
 *
 * <p>
 * A task-inference head ({@link NetworkShape#taskInference()}) predicts the P privileged features from the GRU output
 * with one linear block, {@code task_inference}, as a third output {@code [T,B,P]}: trained by an auxiliary loss so
 * that the hidden state holds what the trial has revealed about the task (Humplik et al. 2019). Not exported.
 *
 * <p>
 * With K {@link NetworkShape#episodeResetUnits() episode-reset units}, the first K units of every layer's state are
 * multiplied by {@code 1 - prev_done} before the step that {@code prev_done} (the input's last column) marks as an
 * episode's first: {@code h <- h * (1 - prev_done * m)}, {@code m} 1 on those units. Over a sequence the GRU runs in
 * chunks between such steps, so gradients still flow through the units that carry over.
 *
 * <p>
 * Forward input: {@code NDList(x [T,B,in], h0 [L,B,H])}, plus the critic's features {@code [T,B,F+P]} for a time-aware
 * or privileged critic; output: {@code NDList(heads [T,B,A+1], hT [L,B,H])}. Built and run by {@link Rl2Model} on the
 * trainer's main thread.
 */
public final class Rl2Network extends AbstractBlock {

    /** Name of the GRU child block; its parameters are {@code gru_l_<layer>_{i2h,h2h}_{WEIGHT,BIAS}}. */
    static final String GRU_BLOCK = "gru";
    /** The name prefix of GRU layer {@code layer}'s parameters, {@code gru_l_<layer>_}. */
    static String gruPrefix(int layer) {
        return GRU_BLOCK + "_l_" + layer + "_";
    }

    /** Name of the head child block; its parameters are {@code heads_weight [A+1,H]} and {@code heads_bias [A+1]}. */
    static final String HEAD_BLOCK = "heads";
    /** Name prefix of the head's parameters (the action outputs and the value). */
    public static final String HEADS_PREFIX = HEAD_BLOCK + "_";
    /** Name of the Box policy's {@code log_std} parameter. */
    static final String LOG_STD = "log_std";
    /**
     * Name of a time-aware critic's block; its parameters are {@code time_value_weight [F,H]} and
     * {@code time_value_bias [F]}.
     */
    public static final String TIME_VALUE_BLOCK = "time_value";
    /** Name prefix of a privileged critic's blocks, {@code privileged_hidden} and {@code privileged_out}. */
    public static final String PRIVILEGED_PREFIX = "privileged_";
    /** Name of the task-inference head; its parameters are {@code task_inference_weight [P,H]} and its bias. */
    public static final String TASK_INFERENCE_BLOCK = "task_inference";
    /**
     * True for a parameter of a block that only training uses (the time-aware and privileged critic terms, the
     * task-inference head): not exported, and started fresh or dropped when {@code --init-from} crosses shapes.
     */
    public static boolean isTrainingOnly(String parameter) {
        return parameter.startsWith(TIME_VALUE_BLOCK + "_") || parameter.startsWith(PRIVILEGED_PREFIX) || parameter
                .startsWith(TASK_INFERENCE_BLOCK + "_");
    }

    /** Hidden units of a privileged critic's network. */
    public static final int PRIVILEGED_UNITS = 64;

    private final NetworkShape shape;
    private final GRU gru;
    private final Linear heads;
    private final Linear timeValue;
    private final Linear privilegedHidden;
    private final Linear privilegedOut;
    private final Linear taskInference;

    /** A network of {@code shape}; call {@code initialize} with the input shapes before the first forward. */
    public Rl2Network(NetworkShape shape) {
        super((byte) 1);
        this.shape = Objects.requireNonNull(shape, "shape is null");
        this.gru = addChildBlock(GRU_BLOCK, GRU.builder().setStateSize(shape.hidden()).setNumLayers(shape.layers())
                .optBatchFirst(false).optReturnState(true).build());
        this.heads = addChildBlock(HEAD_BLOCK, Linear.builder().setUnits(shape.headSize()).build());
        this.timeValue = shape.timeAwareValue()
                ? addChildBlock(TIME_VALUE_BLOCK, Linear.builder().setUnits(shape.timeFeatures()).build())
                : null;
        this.privilegedHidden = shape.privilegedValue()
                ? addChildBlock(PRIVILEGED_PREFIX + "hidden", Linear.builder().setUnits(PRIVILEGED_UNITS).build())
                : null;
        this.privilegedOut = shape.privilegedValue()
                ? addChildBlock(PRIVILEGED_PREFIX + "out", Linear.builder().setUnits(1).build())
                : null;
        this.taskInference = shape.taskInference()
                ? addChildBlock(TASK_INFERENCE_BLOCK, Linear.builder().setUnits(shape.privilegedFeatures()).build())
                : null;
        if (shape.continuous()) {
            addParameter(Parameter.builder().setName(LOG_STD).setType(Parameter.Type.OTHER).optShape(new Shape(shape
                    .actionSize())).build());
        }
    }

    public NetworkShape shape() {
        return shape;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList recurrent = shape.episodeResetUnits() == 0
                ? gru.forward(parameterStore, new NDList(inputs.get(0), inputs.get(1)), training, params)
                : resettingForward(parameterStore, inputs.get(0), inputs.get(1), training, params);
        NDArray features = recurrent.get(0);
        NDArray out = heads.forward(parameterStore, new NDList(features), training, params).singletonOrThrow();
        if (shape.criticFeatures() == 0) {
            return new NDList(out, recurrent.get(1));
        }
        if (inputs.size() < 3) {
            throw new IllegalArgumentException("a time-aware or privileged critic needs its features as a third input");
        }
        NDArray critic = inputs.get(2);
        if (timeValue != null) {
            NDArray time = shape.privilegedValue()
                    ? critic.get(new NDIndex(":, :, 0:" + shape.timeFeatures()))
                    : critic;
            NDArray terms = timeValue.forward(parameterStore, new NDList(features), training, params)
                    .singletonOrThrow();
            out = addToValue(out, terms.mul(time).sum(new int[]{-1}, true));
        }
        if (privilegedHidden != null) {
            NDArray joint = NDArrays.concat(new NDList(features, critic), -1);
            NDArray hidden = privilegedHidden.forward(parameterStore, new NDList(joint), training, params)
                    .singletonOrThrow().tanh();
            out = addToValue(out, privilegedOut.forward(parameterStore, new NDList(hidden), training, params)
                    .singletonOrThrow());
        }
        if (taskInference != null) {
            return new NDList(out, recurrent.get(1), taskInference.forward(parameterStore, new NDList(features),
                    training, params).singletonOrThrow());
        }
        return new NDList(out, recurrent.get(1));
    }

    /** {@code heads} with {@code extra [T,B,1]} added to its value column. */
    private NDArray addToValue(NDArray heads, NDArray extra) {
        Shape s = heads.getShape();
        NDArray zeros = heads.getManager().zeros(new Shape(s.get(0), s.get(1), shape.actionSize()));
        return heads.add(NDArrays.concat(new NDList(zeros, extra), -1));
    }

    /** The GRU over {@code x} in chunks that begin where some row starts an episode, resetting those rows' units. */
    private NDList resettingForward(ParameterStore parameterStore, NDArray x, NDArray h0, boolean training,
            PairList<String, Object> params) {
        int steps = Math.toIntExact(x.getShape().get(0));
        int batch = Math.toIntExact(x.getShape().get(1));
        String doneColumn = Integer.toString(shape.inputSize() - 1);
        float[] done = x.get(new NDIndex(":, :, " + doneColumn)).toFloatArray();
        float[] unitMask = new float[shape.hidden()];
        Arrays.fill(unitMask, 0, shape.episodeResetUnits(), 1f);
        NDArray units = x.getManager().create(unitMask, new Shape(1, 1, shape.hidden()));
        NDList outputs = new NDList();
        NDArray h = h0;
        int start = 0;
        while (start < steps) {
            int end = start + 1;
            while (end < steps && !anyDone(done, end, batch)) {
                end++;
            }
            if (anyDone(done, start, batch)) {
                NDArray rows = x.get(new NDIndex(start + ", :, " + doneColumn)).reshape(1, batch, 1);
                h = h.mul(rows.mul(units).neg().add(1f));
            }
            NDList chunk = gru.forward(parameterStore, new NDList(x.get(new NDIndex(start + ":" + end)), h), training,
                    params);
            outputs.add(chunk.get(0));
            h = chunk.get(1);
            start = end;
        }
        NDArray out = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(outputs, 0);
        return new NDList(out, h);
    }

    private static boolean anyDone(float[] done, int step, int batch) {
        for (int b = 0; b < batch; b++) {
            if (done[step * batch + b] != 0f) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[]{new Shape(x.get(0), x.get(1), shape.headSize()), new Shape(shape.layers(), x.get(1),
                shape.hidden())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        gru.initialize(manager, dataType, x);
        heads.initialize(manager, dataType, new Shape(x.get(0), x.get(1), shape.hidden()));
        if (timeValue != null) {
            timeValue.initialize(manager, dataType, new Shape(x.get(0), x.get(1), shape.hidden()));
        }
        if (privilegedHidden != null) {
            privilegedHidden.initialize(manager, dataType, new Shape(x.get(0), x.get(1), shape.hidden() + shape
                    .criticFeatures()));
            privilegedOut.initialize(manager, dataType, new Shape(x.get(0), x.get(1), PRIVILEGED_UNITS));
        }
        if (taskInference != null) {
            taskInference.initialize(manager, dataType, new Shape(x.get(0), x.get(1), shape.hidden()));
        }
    }
}
