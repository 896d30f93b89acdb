package dev.metapilot.agent.policy;

import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one place that turns a {@link StepInput} into the {@code rl2/1} inputs {@code obs}, {@code prev_action},
 * {@code prev_reward} and {@code prev_done} of one batch row, with the trial semantics of DESIGN.md: at trial start
 * (first step of the first episode) the previous action, reward and done flag are all zero; on the first step after an
 * episode ended {@code prev_done} is 1 and the previous action and reward are those of the episode's last step.
 *
 * <p>
 * Used by {@link OnnxPolicy} (batch 1, direct buffers) and by the trainer's batched rollouts (row {@code b} of
 * caller-owned arrays). Allocation-free. The {@code float[]} methods keep no state and may be shared between threads;
 * the {@link FloatBuffer} method uses a scratch row, so each thread needs its own encoder.
 */
public final class Rl2Encoder {

    private final int observationSize;
    private final int actionSize;
    private final float[] actionRow;

    /** An encoder for inputs of an environment of {@code spec}. */
    public Rl2Encoder(EnvSpec spec) {
        Objects.requireNonNull(spec, "spec is null");
        this.observationSize = spec.observationSize();
        this.actionSize = spec.actionSpace().flatSize();
        this.actionRow = new float[actionSize];
    }

    /** O, the width of {@code obs}. */
    public int observationSize() {
        return observationSize;
    }

    /** A, the width of {@code prev_action}: {@code n} for {@code Discrete(n)}, the dimensions of a Box. */
    public int actionSize() {
        return actionSize;
    }

    /**
     * Writes row {@code row} of flat row-major arrays: {@code obs[row*O ..]}, {@code prevAction[row*A ..]},
     * {@code prevReward[row]} and {@code prevDone[row]}.
     */
    public void encode(StepInput input, int row, float[] obs, float[] prevAction, float[] prevReward,
            float[] prevDone) {
        System.arraycopy(input.observation(), 0, obs, row * observationSize, observationSize);
        writePreviousAction(input, prevAction, row * actionSize);
        prevReward[row] = input.isTrialStart() ? 0f : input.previousReward();
        prevDone[row] = !input.isTrialStart() && input.previousDone() ? 1f : 0f;
    }

    /** Writes row {@code row} of flat row-major buffers with absolute puts; positions and limits stay as they are. */
    public void encode(StepInput input, int row, FloatBuffer obs, FloatBuffer prevAction, FloatBuffer prevReward,
            FloatBuffer prevDone) {
        obs.put(row * observationSize, input.observation(), 0, observationSize);
        writePreviousAction(input, actionRow, 0);
        prevAction.put(row * actionSize, actionRow, 0, actionSize);
        prevReward.put(row, input.isTrialStart() ? 0f : input.previousReward());
        prevDone.put(row, !input.isTrialStart() && input.previousDone() ? 1f : 0f);
    }

    private void writePreviousAction(StepInput input, float[] out, int offset) {
        if (input.isTrialStart()) {
            Arrays.fill(out, offset, offset + actionSize, 0f);
        } else {
            input.previousAction().writeFlat(out, offset);
        }
    }
}
