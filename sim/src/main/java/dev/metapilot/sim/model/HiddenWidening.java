package dev.metapilot.sim.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Widens a trained RL² network's GRU from H0 to H units so that it computes exactly what it computed before
 * (function-preserving, as Net2Net's wider networks): the first H0 units of every layer keep their weights and never
 * read the new units (their recurrent and next-layer input weights from the new units are 0), the head does not read
 * the new units either (its columns for them are 0), and the new units start from the fresh network's weights, so they
 * carry signal from the first step and the output layer's gradient reaches them. A run that starts from a smaller
 * policy ({@code --init-from} with a larger {@code --hidden}) thereby begins where that policy stood, with room for
 * more memory. Only the exported parameters (GRU, head, {@code log_std}) are widened; training-only terms are left to
 * the caller, which starts them fresh. Used on the trainer's main thread.
 */
public final class HiddenWidening {

    private HiddenWidening() {}

    /** H0, the hidden size of the GRU whose parameters {@code values} holds. */
    public static int hiddenOf(Map<String, float[]> values) {
        float[] recurrent = values.get(Rl2Network.gruPrefix(0) + "h2h_WEIGHT");
        if (recurrent == null) {
            throw new IllegalArgumentException("no GRU parameters among " + values.keySet());
        }
        int h = (int) Math.round(Math.sqrt(recurrent.length / 3.0));
        if (3 * h * h != recurrent.length) {
            throw new IllegalArgumentException(
                    Rl2Network.gruPrefix(0) + "h2h_WEIGHT has " + recurrent.length + " values, not 3H² for "
                            + "any H");
        }
        return h;
    }

    /**
     * The exported parameters of {@code source} (hidden {@code from}) widened to {@code shape}'s hidden size, the new
     * units' weights taken from {@code fresh} (the parameters of a freshly initialised network of {@code shape}).
     *
     * @throws IllegalArgumentException when {@code from} exceeds the shape's hidden size or a parameter does not have
     *     the size the shapes give it
     */
    public static Map<String, float[]> widen(Map<String, float[]> source, int from, NetworkShape shape,
            Map<String, float[]> fresh) {
        int h = shape.hidden();
        if (from > h) {
            throw new IllegalArgumentException("cannot narrow a GRU of " + from + " units to " + h);
        }
        if (shape.episodeResetUnits() > from) {
            throw new IllegalArgumentException(shape.episodeResetUnits() + " episode-reset units do not fit the "
                    + from + " units being widened");
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int l = 0; l < shape.layers(); l++) {
            String p = Rl2Network.gruPrefix(l);
            int newInputs = l == 0 ? shape.inputSize() : h;
            int oldInputs = l == 0 ? shape.inputSize() : from;
            out.put(p + "i2h_WEIGHT", gates(source, fresh, p + "i2h_WEIGHT", from, h, oldInputs, newInputs));
            out.put(p + "h2h_WEIGHT", gates(source, fresh, p + "h2h_WEIGHT", from, h, from, h));
            out.put(p + "i2h_BIAS", gates(source, fresh, p + "i2h_BIAS", from, h, 1, 1));
            out.put(p + "h2h_BIAS", gates(source, fresh, p + "h2h_BIAS", from, h, 1, 1));
        }
        String head = Rl2Network.HEAD_BLOCK + "_weight";
        int rows = shape.headSize();
        float[] oldHead = sized(source, head, rows * from);
        float[] newHead = new float[rows * h];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(oldHead, r * from, newHead, r * h, from); // columns of the new units stay 0
        }
        out.put(head, newHead);
        String bias = Rl2Network.HEAD_BLOCK + "_bias";
        out.put(bias, sized(source, bias, rows).clone());
        if (shape.continuous()) {
            out.put(Rl2Network.LOG_STD, sized(source, Rl2Network.LOG_STD, shape.actionSize()).clone());
        }
        return out;
    }

    /**
     * One GRU array of three gate blocks (r, z, n) of {@code [units, columns]}: the old block's {@code [from, oldCols]}
     * in the top-left corner of each block, 0 to its right (old units do not read new ones), the fresh rows below.
     */
    private static float[] gates(Map<String, float[]> source, Map<String, float[]> fresh, String name, int from,
            int h, int oldCols, int newCols) {
        float[] old = sized(source, name, 3 * from * oldCols);
        float[] init = sized(fresh, name, 3 * h * newCols);
        float[] out = new float[3 * h * newCols];
        for (int g = 0; g < 3; g++) {
            for (int u = 0; u < h; u++) {
                int row = (g * h + u) * newCols;
                if (u < from) {
                    System.arraycopy(old, (g * from + u) * oldCols, out, row, oldCols);
                } else {
                    System.arraycopy(init, row, out, row, newCols);
                }
            }
        }
        return out;
    }

    private static float[] sized(Map<String, float[]> values, String name, int expected) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name + " to widen");
        }
        if (v.length != expected) {
            throw new IllegalArgumentException("parameter " + name + " has " + v.length + " values, the widening "
                    + "expects " + expected);
        }
        return v;
    }
}
