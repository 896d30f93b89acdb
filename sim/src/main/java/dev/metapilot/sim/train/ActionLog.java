package dev.metapilot.sim.train;

import dev.metapilot.env.Action;
import dev.metapilot.env.Discrete;
import java.util.Arrays;

/**
 * The actions an environment slot has taken in its running trial, as flat floats (the index of a Discrete action, the
 * vector of a Box one): saved in checkpoints and replayed on resume, so the environment returns to exactly the state it
 * had. Owned by one {@link TrialSlot}, used on whichever worker steps that slot.
 */
final class ActionLog {

    private final int stride;
    private float[] values = new float[64];
    private int size;

    ActionLog(int stride) {
        this.stride = stride;
    }

    /** The stride for actions of {@code action}'s space: 1 for Discrete, the dimensions of a Box. */
    static int strideOf(Action action) {
        return action.space() instanceof Discrete ? 1 : action.values().length;
    }

    void clear() {
        size = 0;
    }

    void add(Action action) {
        if ((size + 1) * stride > values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        if (stride == 1 && action.space() instanceof Discrete) {
            values[size] = action.index();
        } else {
            System.arraycopy(action.values(), 0, values, size * stride, stride);
        }
        size++;
    }

    /** Number of actions logged. */
    int size() {
        return size;
    }

    /** Writes action {@code i} into {@code out}. */
    void read(int i, Action out) {
        if (out.space() instanceof Discrete) {
            out.setIndex((int) values[i]);
        } else {
            System.arraycopy(values, i * stride, out.values(), 0, stride);
        }
    }

    /** The logged actions, {@code size() * stride} floats. */
    float[] toArray() {
        return Arrays.copyOf(values, size * stride);
    }

    /** Replaces the log with {@code saved} ({@code stride} floats per action). */
    void load(float[] saved) {
        if (saved.length % stride != 0) {
            throw new IllegalArgumentException(saved.length + " values are not whole actions of " + stride);
        }
        values = Arrays.copyOf(saved, Math.max(64, saved.length));
        size = saved.length / stride;
    }
}
