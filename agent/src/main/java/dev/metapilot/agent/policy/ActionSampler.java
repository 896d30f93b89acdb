package dev.metapilot.agent.policy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.Space;
import java.nio.FloatBuffer;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Turns a policy head's outputs (row 0) into an {@link Action}: categorical sampling or argmax over logits for a
 * {@link Discrete} space, Gaussian sampling with {@code exp(log_std)} or the mean for a {@link Box}. Sampled Box
 * actions are not clamped here; the action guard does that. Owned by one {@link OnnxPolicy}, on its trial thread;
 * allocation-free except for the generator made at each {@link #reseed}.
 */
final class ActionSampler {

    private final Space space;
    private final ActionSelection selection;
    private SplittableRandom random = new SplittableRandom(0);

    ActionSampler(Space space, ActionSelection selection) {
        this.space = Objects.requireNonNull(space, "space is null");
        this.selection = Objects.requireNonNull(selection, "selection is null");
    }

    /** A fresh generator for a new trial. */
    void reseed(long seed) {
        random = new SplittableRandom(seed);
    }

    /**
     * Writes the action chosen from {@code actions} (logits or mean, row 0) and {@code logStd} (Box only, row 0).
     *
     * @param logStd ignored for a Discrete space, may then be null
     */
    void select(FloatBuffer actions, FloatBuffer logStd, Action out) {
        switch (space) {
            case Discrete d -> out.setIndex(selection == ActionSelection.GREEDY
                    ? argmax(actions, d.n())
                    : sampleCategorical(actions, d.n(), random));
            case Box b -> {
                float[] v = out.values();
                for (int i = 0; i < v.length; i++) {
                    float mean = actions.get(i);
                    v[i] = selection == ActionSelection.GREEDY
                            ? mean
                            : (float) (mean + Math.exp(logStd.get(i)) * random.nextGaussian());
                }
            }
        }
    }

    /** Index of the largest of the first {@code n} values; the first one on ties. */
    static int argmax(FloatBuffer logits, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (logits.get(i) > logits.get(best)) {
                best = i;
            }
        }
        return best;
    }

    /** An index drawn with probability {@code softmax(logits)}, computed stably (maximum subtracted). */
    static int sampleCategorical(FloatBuffer logits, int n, SplittableRandom random) {
        float max = logits.get(argmax(logits, n));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logits.get(i) - max);
        }
        double u = random.nextDouble() * sum;
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += Math.exp(logits.get(i) - max);
            if (u < cumulative) {
                return i;
            }
        }
        return argmax(logits, n);
    }
}
