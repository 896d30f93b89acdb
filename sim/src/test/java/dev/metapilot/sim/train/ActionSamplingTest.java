package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import org.junit.jupiter.api.Test;

/** The rollouts' sampling draws from the right distributions and reports their exact log-probabilities. */
class ActionSamplingTest {

    @Test
    void categoricalSamplesFollowTheSoftmaxAndReportItsLogProbability() {
        float[] logits = {9f, 1f, 2f, 0f}; // at offset 1: softmax of {1, 2, 0}
        double z = Math.exp(1) + Math.exp(2) + Math.exp(0);
        SplitMix64 random = new SplitMix64(1);
        Action a = Action.of(new Discrete(3));
        int[] counts = new int[3];
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            float logProb = ActionSampling.categorical(logits, 1, 3, random, a);
            counts[a.index()]++;
            assertThat(logProb).isCloseTo((float) (logits[1 + a.index()] - Math.log(z)), within(1e-6f));
        }
        for (int k = 0; k < 3; k++) {
            assertThat(counts[k] / (double) n).isCloseTo(Math.exp(logits[1 + k]) / z, within(0.01));
        }
    }

    @Test
    void gaussianSamplesHaveTheMeanAndSpreadOfTheHeadAndItsDensity() {
        float[] means = {0.5f, -1f};
        float[] logStd = {(float) Math.log(0.2), (float) Math.log(2)};
        SplitMix64 random = new SplitMix64(2);
        Action a = Action.of(Box.uniform(2, -5f, 5f));
        float[] raw = new float[2];
        double[] sum = new double[2];
        double[] sq = new double[2];
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            float logProb = ActionSampling.gaussian(means, 0, logStd, random, raw, 0, a);
            assertThat(a.values()).containsExactly(raw);
            double expected = 0;
            for (int d = 0; d < 2; d++) {
                double s = Math.exp(logStd[d]);
                expected += -0.5 * Math.pow((raw[d] - means[d]) / s, 2) - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
                sum[d] += raw[d];
                sq[d] += (raw[d] - means[d]) * (raw[d] - means[d]);
            }
            assertThat(logProb).isCloseTo((float) expected, within(1e-4f));
        }
        assertThat(sum[0] / n).isCloseTo(0.5, within(0.01));
        assertThat(Math.sqrt(sq[1] / n)).isCloseTo(2, within(0.03));
    }
}
