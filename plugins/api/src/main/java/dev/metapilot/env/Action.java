package dev.metapilot.env;

import java.util.Arrays;
import java.util.Objects;

/**
 * One action, reused every step: an index for a {@link Discrete} space or a vector for a {@link Box} space.
 *
 * <p>
 * Owned by the trial loop (one per environment), written by the policy or baseline, checked by the agent's action guard
 * and read by {@link Environment#step}; never shared between threads.
 */
public final class Action {

    private final Space space;
    private final float[] values;
    private int index;

    private Action(Space space) {
        this.space = space;
        this.values = new float[space instanceof Box box ? box.dims() : 0];
    }

    /** A zero action of {@code space}: index 0 or the zero vector. */
    public static Action of(Space space) {
        return new Action(Objects.requireNonNull(space, "space is null"));
    }

    public Space space() {
        return space;
    }

    /** The chosen index of a {@link Discrete} action. */
    public int index() {
        return index;
    }

    /**
     * Sets the index of a {@link Discrete} action.
     *
     * @throws IllegalStateException for a Box action
     * @throws IndexOutOfBoundsException outside {@code 0..n-1}
     */
    public void setIndex(int index) {
        if (!(space instanceof Discrete d)) {
            throw new IllegalStateException("setIndex on a " + space + " action");
        }
        Objects.checkIndex(index, d.n());
        this.index = index;
    }

    /** The live vector of a {@link Box} action (length {@code dims}; empty for Discrete), written in place. */
    public float[] values() {
        return values;
    }

    /** Copies {@code other} (same space) into this action. */
    public void copyFrom(Action other) {
        if (!other.space.equals(space)) {
            throw new IllegalArgumentException("cannot copy a " + other.space + " action into a " + space + " action");
        }
        index = other.index;
        System.arraycopy(other.values, 0, values, 0, values.length);
    }

    /** Back to index 0 or the zero vector (the "no previous action" of a trial's first step). */
    public void clear() {
        index = 0;
        Arrays.fill(values, 0f);
    }

    /**
     * Writes the action as the flat policy input: one-hot of length {@code n} for Discrete, the vector for Box.
     *
     * @param out destination, at least {@code offset + space.flatSize()} long
     */
    public void writeFlat(float[] out, int offset) {
        if (space instanceof Discrete d) {
            Arrays.fill(out, offset, offset + d.n(), 0f);
            out[offset + index] = 1f;
        } else {
            System.arraycopy(values, 0, out, offset, values.length);
        }
    }

    @Override
    public String toString() {
        return space instanceof Discrete ? Integer.toString(index) : Arrays.toString(values);
    }
}
