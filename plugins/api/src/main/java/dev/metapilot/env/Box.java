package dev.metapilot.env;

import java.util.Arrays;

/**
 * A box in {@code R^d} with per-dimension bounds {@code low[i] <= x[i] <= high[i]}; bounds may be infinite.
 *
 * <p>
 * Immutable: the arrays are copied in and out. Continuous actions are clamped to a box by the agent's action guard.
 */
public final class Box implements Space {

    private final float[] low;
    private final float[] high;

    /**
     * @throws IllegalArgumentException when the arrays differ in length, are empty, hold NaN, or {@code low > high}
     */
    public Box(float[] low, float[] high) {
        if (low.length != high.length) {
            throw new IllegalArgumentException(
                    "Box low has " + low.length + " dimensions but high has " + high.length);
        }
        if (low.length == 0) {
            throw new IllegalArgumentException("Box needs at least one dimension");
        }
        for (int i = 0; i < low.length; i++) {
            if (Float.isNaN(low[i]) || Float.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException(
                        "Box bound " + i + " is invalid: low=" + low[i] + ", high=" + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** A box with the same bounds {@code [low, high]} in each of {@code dims} dimensions. */
    public static Box uniform(int dims, float low, float high) {
        float[] lo = new float[dims];
        float[] hi = new float[dims];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    /** Number of dimensions. */
    public int dims() {
        return low.length;
    }

    @Override
    public int flatSize() {
        return low.length;
    }

    public float low(int i) {
        return low[i];
    }

    public float high(int i) {
        return high[i];
    }

    /** A copy of the lower bounds. */
    public float[] low() {
        return low.clone();
    }

    /** A copy of the upper bounds. */
    public float[] high() {
        return high.clone();
    }

    /** True when every component of {@code x} is finite or an allowed infinity, and within its bounds. */
    public boolean contains(float[] x) {
        if (x.length != low.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= low[i] && x[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /** Clamps {@code x} into the box in place; NaN components are left for the caller to treat as a fault. */
    public void clamp(float[] x) {
        for (int i = 0; i < low.length; i++) {
            x[i] = Math.min(high[i], Math.max(low[i], x[i]));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(" + format(low) + ", " + format(high) + ")";
    }

    private static String format(float[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            float x = v[i];
            sb.append(x == Float.POSITIVE_INFINITY ? "inf" : x == Float.NEGATIVE_INFINITY ? "-inf" : Float.toString(x));
        }
        return sb.append(']').toString();
    }
}
