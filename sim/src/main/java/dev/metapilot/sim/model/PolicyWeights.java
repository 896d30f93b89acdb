package dev.metapilot.sim.model;

import java.util.List;
import java.util.Objects;

/**
 * The trained numbers of an RL² actor-critic as plain arrays, in PyTorch's layout: what the exporter writes into the
 * ONNX graph. Taken from {@link Rl2Model#weights()} on the trainer's main thread; immutable by convention (the arrays
 * are not copied).
 *
 * @param shape the network's sizes
 * @param layers the GRU layers, bottom first
 * @param headWeight the joint head, {@code [A+1, H]} row-major: A action rows, then the value row
 * @param headBias {@code [A+1]}
 * @param logStd the Box policy's {@code log_std} {@code [A]}; empty for a Discrete policy
 */
public record PolicyWeights(NetworkShape shape, List<GruLayer> layers, float[] headWeight, float[] headBias,
        float[] logStd) {

    public PolicyWeights {
        Objects.requireNonNull(shape, "shape is null");
        layers = List.copyOf(Objects.requireNonNull(layers, "layers is null"));
        if (layers.size() != shape.layers()) {
            throw new IllegalArgumentException(layers.size() + " GRU layers for a shape of " + shape.layers());
        }
        for (int l = 0; l < layers.size(); l++) {
            int in = l == 0 ? shape.inputSize() : shape.hidden();
            if (layers.get(l).inputSize() != in || layers.get(l).hidden() != shape.hidden()) {
                throw new IllegalArgumentException("GRU layer " + l + " has input " + layers.get(l).inputSize()
                        + " and hidden " + layers.get(l).hidden() + ", the shape needs " + in + " and "
                        + shape.hidden());
            }
        }
        check("headWeight", headWeight, shape.headSize() * shape.hidden());
        check("headBias", headBias, shape.headSize());
        check("logStd", logStd, shape.continuous() ? shape.actionSize() : 0);
    }

    /**
     * One GRU layer in PyTorch's layout: gates stacked in the order r (reset), z (update), n (new), so the rows
     * {@code [0,H)} are r, {@code [H,2H)} z and {@code [2H,3H)} n.
     *
     * @param inputSize the layer's input width
     * @param hidden H
     * @param inputWeight {@code W_ih [3H, inputSize]} row-major
     * @param recurrentWeight {@code W_hh [3H, H]} row-major
     * @param inputBias {@code b_ih [3H]}
     * @param recurrentBias {@code b_hh [3H]}
     */
    public record GruLayer(int inputSize, int hidden, float[] inputWeight, float[] recurrentWeight, float[] inputBias,
            float[] recurrentBias) {

        public GruLayer {
            check("inputWeight", inputWeight, 3 * hidden * inputSize);
            check("recurrentWeight", recurrentWeight, 3 * hidden * hidden);
            check("inputBias", inputBias, 3 * hidden);
            check("recurrentBias", recurrentBias, 3 * hidden);
        }
    }

    private static void check(String name, float[] values, int expected) {
        Objects.requireNonNull(values, name + " is null");
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + expected);
        }
    }
}
