package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.sim.model.NetworkShape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minibatches cut the environments' sequences at trial starts (and every BPTT steps), start each piece from the state
 * the rollout fed its first step, pad to the longest piece and mask the padding.
 */
class TrialSequencesTest {

    private static final NetworkShape SHAPE = new NetworkShape(1, new Discrete(2), 2, 1);

    @Test
    void sequencesAreCutAtTrialStartsAndBpttMultiples() {
        Rollout r = rollout();
        assertThat(TrialSequences.pieces(r, 0, 0)).containsExactly(new TrialSequences.Piece(0, 0, 3),
                new TrialSequences.Piece(0, 3, 3));
        assertThat(TrialSequences.pieces(r, 1, 0)).containsExactly(new TrialSequences.Piece(1, 0, 6));
        assertThat(TrialSequences.pieces(r, 0, 4)).containsExactly(new TrialSequences.Piece(0, 0, 3),
                new TrialSequences.Piece(0, 3, 1), new TrialSequences.Piece(0, 4, 2));
    }

    @Test
    void piecesStartFromTheStoredStatesAndArePadded() {
        Rollout r = rollout();
        float[] advantages = new float[12];
        float[] returns = new float[12];
        for (int k = 0; k < 12; k++) {
            advantages[k] = k;
            returns[k] = 100 + k;
        }
        TrialSequences s = TrialSequences.of(r, new int[]{0, 1}, 0, advantages, returns);
        assertThat(s.count).isEqualTo(3);
        assertThat(s.length).isEqualTo(6);
        assertThat(s.samples).isEqualTo(12);
        // piece 0: env 0 steps 0-2 from the state of step 0; piece 1: env 0 from step 3 (a trial start: zero);
        // piece 2: env 1 from step 0
        assertThat(s.initialState).containsExactly(0.5f, 0.5f, 0f, 0f, 1.5f, 1.5f);
        // time-major [6, 3]: row j holds the pieces' j-th steps
        assertThat(s.mask).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1);
        assertThat(s.advantages[0]).isEqualTo(0f); // env 0 step 0
        assertThat(s.advantages[1]).isEqualTo(6f); // env 0 step 3 (k = 3 * 2 + 0)
        assertThat(s.advantages[2]).isEqualTo(1f); // env 1 step 0
        assertThat(s.returns[3 * 5 + 2]).isEqualTo(111f); // env 1 step 5
        assertThat(s.actions[0 * 2 + r.actionIndex[0]]).isEqualTo(1f);
        assertThat(s.inputs[(3 * 5 + 2) * SHAPE.inputSize()]).isEqualTo(r.inputs[11 * SHAPE.inputSize()]);
        assertThat(List.of(s.oldValues[9], s.oldValues[10])).containsOnly(0f); // padding
    }

    @Test
    void boxActionsAreCopiedRaw() {
        NetworkShape box = new NetworkShape(1, Box.uniform(2, -1f, 1f), 2, 1);
        Rollout r = new Rollout(box, 2, 1);
        r.actionValues[2] = 3.5f;
        r.actionValues[3] = -7f;
        TrialSequences s = TrialSequences.of(r, new int[]{0}, 0, new float[2], new float[2]);
        assertThat(s.actions).containsExactly(0f, 0f, 3.5f, -7f);
    }

    /** Two environments, six steps; env 0 starts a trial at step 3. States: env 0 = 0.5, env 1 = 1.5 everywhere. */
    private static Rollout rollout() {
        Rollout r = new Rollout(SHAPE, 6, 2);
        for (int k = 0; k < 12; k++) {
            r.actionIndex[k] = k % 2;
            r.value[k] = 50 + k;
            r.inputs[k * SHAPE.inputSize()] = k;
        }
        r.trialStart[0] = true;
        r.trialStart[3 * 2] = true;
        for (int t = 0; t < 6; t++) {
            int base = t * 2 * 2;
            boolean zero = t == 3;
            r.states[base] = zero ? 0f : 0.5f;
            r.states[base + 1] = zero ? 0f : 0.5f;
            r.states[base + 2] = 1.5f;
            r.states[base + 3] = 1.5f;
        }
        return r;
    }
}
