package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * GAE over trials, against hand-computed numbers. One environment, six steps: a trial of four steps (its first episode
 * ends after step 1, which GAE is never told: an episode end inside a trial is not terminal) ends after step 3, and the
 * next trial is cut by the rollout after step 5 and bootstrapped with 0.8. Rewards {0,1,0,1,0,0}, values
 * {.5,.4,.3,.2,.6,.7}, γ = 0.5.
 */
class GaeTest {

    private static final float[] REWARDS = {0, 1, 0, 1, 0, 0};
    private static final float[] VALUES = {0.5f, 0.4f, 0.3f, 0.2f, 0.6f, 0.7f};
    private static final boolean[] TRIAL_END = {false, false, false, true, false, false};
    private static final float[] BOOTSTRAP = {0.8f};

    @Test
    void lambdaOneGivesTheDiscountedReturnOfTheTrialMinusTheValue() {
        float[] advantages = new float[6];
        float[] returns = new float[6];
        Gae.compute(REWARDS, VALUES, TRIAL_END, BOOTSTRAP, 6, 1, 0.5, 1.0, advantages, returns);
        // G3 = 1 (trial end: nothing after it); G2 = 0.5; G1 = 1 + 0.5 * 0.5 = 1.25, not 1: the episode that ended
        // at step 1 does not cut the return; G0 = 0.625. Second trial: G5 = 0.5 * 0.8 (bootstrap) = 0.4, G4 = 0.2.
        assertThat(returns).containsExactly(new float[]{0.625f, 1.25f, 0.5f, 1f, 0.2f, 0.4f}, within(1e-6f));
        assertThat(advantages).containsExactly(new float[]{0.125f, 0.85f, 0.2f, 0.8f, -0.4f, -0.3f}, within(1e-6f));
    }

    @Test
    void lambdaZeroGivesOneStepErrorsThatStopOnlyAtTheTrialEnd() {
        float[] advantages = new float[6];
        float[] returns = new float[6];
        Gae.compute(REWARDS, VALUES, TRIAL_END, BOOTSTRAP, 6, 1, 0.5, 0.0, advantages, returns);
        // δ1 = 1 + 0.5 * V2 - V1 = 0.75 (the next episode's value counts); δ3 = 1 - 0.2 (terminal); δ5 uses the bootstrap
        assertThat(advantages).containsExactly(new float[]{-0.3f, 0.75f, -0.2f, 0.8f, -0.25f, -0.3f}, within(1e-6f));
    }

    @Test
    void environmentsAreIndependentColumnsOfTimeMajorArrays() {
        // two environments interleaved: env 0 is the example above, env 1 has one trial ending at its last step
        float[] rewards = new float[12];
        float[] values = new float[12];
        boolean[] ends = new boolean[12];
        for (int t = 0; t < 6; t++) {
            rewards[2 * t] = REWARDS[t];
            values[2 * t] = VALUES[t];
            ends[2 * t] = TRIAL_END[t];
            rewards[2 * t + 1] = 1f;
        }
        ends[11] = true;
        float[] advantages = new float[12];
        float[] returns = new float[12];
        Gae.compute(rewards, values, ends, new float[]{0.8f, 123f}, 6, 2, 0.5, 1.0, advantages, returns);
        for (int t = 0; t < 6; t++) {
            assertThat(returns[2 * t]).isCloseTo(new float[]{0.625f, 1.25f, 0.5f, 1f, 0.2f, 0.4f}[t], within(1e-6f));
        }
        // env 1: 1 + 0.5 + 0.25 + ... over its six steps, the bootstrap ignored because step 5 ended the trial
        assertThat(returns[1]).isCloseTo(1.96875f, within(1e-6f));
        assertThat(returns[11]).isEqualTo(1f);
    }

    @Test
    void normalisedAdvantagesHaveMeanZeroAndUnitDeviation() {
        float[] a = {1, 2, 3, 4, 10};
        Gae.normalise(a);
        double mean = 0;
        double sq = 0;
        for (float v : a) {
            mean += v / 5.0;
        }
        for (float v : a) {
            sq += (v - mean) * (v - mean) / 5.0;
        }
        assertThat(mean).isCloseTo(0, within(1e-6));
        assertThat(Math.sqrt(sq)).isCloseTo(1, within(1e-6));
    }
}
