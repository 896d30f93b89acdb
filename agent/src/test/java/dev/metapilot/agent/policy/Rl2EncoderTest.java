package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Rl2EncoderTest {

    static final EnvSpec DISCRETE = new EnvSpec("d", Box.uniform(2, -1f, 1f), new Discrete(3), 10, 2);
    static final EnvSpec BOX = new EnvSpec("b", Box.uniform(2, -1f, 1f), Box.uniform(2, -5f, 5f), 10, 2);

    /** Row {@code row} of a batch of 3, encoded into arrays pre-filled with 9 so untouched cells show. */
    static float[][] encodeRow(EnvSpec spec, StepInput input, int row) {
        Rl2Encoder encoder = new Rl2Encoder(spec);
        float[][] batch = {filled(3 * encoder.observationSize()), filled(3 * encoder.actionSize()), filled(3), filled(
                3)};
        encoder.encode(input, row, batch[0], batch[1], batch[2], batch[3]);
        return batch;
    }

    static float[] filled(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 9f);
        return a;
    }

    @Test
    void trialStartIsAllZerosEvenForADiscreteActionAtIndexZero() {
        StepInput input = new StepInput(DISCRETE);
        input.beginTrial();
        input.observation()[0] = 0.25f;
        input.observation()[1] = -0.5f;
        float[][] b = encodeRow(DISCRETE, input, 1);
        assertThat(b[0]).containsExactly(9f, 9f, 0.25f, -0.5f, 9f, 9f);
        assertThat(b[1]).containsExactly(9f, 9f, 9f, 0f, 0f, 0f, 9f, 9f, 9f);
        assertThat(b[2]).containsExactly(9f, 0f, 9f);
        assertThat(b[3]).containsExactly(9f, 0f, 9f);
    }

    @Test
    void previousActionIsOneHotAndDoneIsSetAfterAnEpisodeEnds() {
        StepInput input = new StepInput(DISCRETE);
        input.beginTrial();
        Action a = Action.of(DISCRETE.actionSpace());
        a.setIndex(0);
        input.record(a, 0.5f, false);
        float[][] mid = encodeRow(DISCRETE, input, 2);
        assertThat(mid[1]).containsExactly(9f, 9f, 9f, 9f, 9f, 9f, 1f, 0f, 0f);
        assertThat(mid[2]).containsExactly(9f, 9f, 0.5f);
        assertThat(mid[3]).containsExactly(9f, 9f, 0f);
        a.setIndex(2);
        input.record(a, -1f, true);
        input.nextEpisode();
        float[][] next = encodeRow(DISCRETE, input, 0);
        assertThat(next[1]).startsWith(0f, 0f, 1f);
        assertThat(next[2][0]).isEqualTo(-1f);
        assertThat(next[3][0]).isEqualTo(1f);
        input.record(a, 0f, false);
        assertThat(encodeRow(DISCRETE, input, 0)[3][0]).isZero();
        input.beginTrial();
        float[][] reset = encodeRow(DISCRETE, input, 0);
        assertThat(reset[1]).startsWith(0f, 0f, 0f);
        assertThat(reset[2][0]).isZero();
        assertThat(reset[3][0]).isZero();
    }

    @Test
    void boxPreviousActionIsTheVectorAndBuffersMatchArrays() {
        StepInput input = new StepInput(BOX);
        input.beginTrial();
        Action a = Action.of(BOX.actionSpace());
        a.values()[0] = 1.5f;
        a.values()[1] = -2f;
        input.record(a, 3f, true);
        input.nextEpisode();
        input.observation()[1] = 0.75f;
        float[][] arrays = encodeRow(BOX, input, 1);
        Rl2Encoder encoder = new Rl2Encoder(BOX);
        FloatBuffer obs = FloatBuffer.wrap(filled(6));
        FloatBuffer prevAction = FloatBuffer.wrap(filled(6));
        FloatBuffer prevReward = FloatBuffer.wrap(filled(3));
        FloatBuffer prevDone = FloatBuffer.wrap(filled(3));
        encoder.encode(input, 1, obs, prevAction, prevReward, prevDone);
        assertThat(arrays[1]).containsExactly(9f, 9f, 1.5f, -2f, 9f, 9f);
        assertThat(obs.array()).containsExactly(arrays[0]);
        assertThat(prevAction.array()).containsExactly(arrays[1]);
        assertThat(prevReward.array()).containsExactly(9f, 3f, 9f);
        assertThat(prevDone.array()).containsExactly(9f, 1f, 9f);
        assertThat(obs.position()).isZero();
    }
}
