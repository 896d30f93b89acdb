package dev.metapilot.sim.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * The RL² actor-critic as a DJL block: a GRU of L layers (PyTorch's gate order r,z,n, {@code linear_before_reset}
 * semantics) over time-major inputs {@code [T, B, O+A+2]} from initial states {@code [L, B, H]}, then one linear head
 * whose first A outputs are the logits (Discrete) or the mean (Box, in environment units) and whose last output is the
 * value; for a Box action space a state-independent {@code log_std} parameter of A values.
 *
 * <p>
 * Forward input: {@code NDList(x [T,B,in], h0 [L,B,H])}; output: {@code NDList(heads [T,B,A+1], hT [L,B,H])}. Built and
 * run by {@link Rl2Model} on the trainer's main thread.
 */
public final class Rl2Network extends AbstractBlock {

    /** Name of the GRU child block; its parameters are {@code gru_l_<layer>_{i2h,h2h}_{WEIGHT,BIAS}}. */
    static final String GRU_BLOCK = "gru";
    /** Name of the head child block; its parameters are {@code heads_weight [A+1,H]} and {@code heads_bias [A+1]}. */
    static final String HEAD_BLOCK = "heads";
    /** Name of the Box policy's {@code log_std} parameter. */
    static final String LOG_STD = "log_std";

    private final NetworkShape shape;
    private final GRU gru;
    private final Linear heads;

    /** A network of {@code shape}; call {@code initialize} with the input shapes before the first forward. */
    public Rl2Network(NetworkShape shape) {
        super((byte) 1);
        this.shape = Objects.requireNonNull(shape, "shape is null");
        this.gru = addChildBlock(GRU_BLOCK, GRU.builder().setStateSize(shape.hidden()).setNumLayers(shape.layers())
                .optBatchFirst(false).optReturnState(true).build());
        this.heads = addChildBlock(HEAD_BLOCK, Linear.builder().setUnits(shape.headSize()).build());
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
        NDList recurrent = gru.forward(parameterStore, new NDList(inputs.get(0), inputs.get(1)), training, params);
        NDArray out = heads.forward(parameterStore, new NDList(recurrent.get(0)), training, params)
                .singletonOrThrow();
        return new NDList(out, recurrent.get(1));
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
    }
}
