package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class ActionSamplerTest {

    static FloatBuffer row(float... values) {
        return FloatBuffer.wrap(values);
    }

    @Test
    void greedyIsArgmaxWithTheFirstIndexOnTies() {
        ActionSampler sampler = new ActionSampler(new Discrete(4), ActionSelection.GREEDY);
        Action a = Action.of(new Discrete(4));
        sampler.select(row(0.1f, 2f, -1f, 2f), null, a);
        assertThat(a.index()).isEqualTo(1);
        sampler.select(row(-3f, -2f, -1f, -5f), null, a);
        assertThat(a.index()).isEqualTo(2);
    }

    @Test
    void categoricalSamplingFollowsTheSoftmaxAndTheSeed() {
        ActionSampler sampler = new ActionSampler(new Discrete(3), ActionSelection.SAMPLE);
        Action a = Action.of(new Discrete(3));
        // softmax(ln 1, ln 2, ln 7) = (0.1, 0.2, 0.7); large logits check the max subtraction
        FloatBuffer logits = row((float) Math.log(1) + 500f, (float) Math.log(2) + 500f, (float) Math.log(7) + 500f);
        int[] counts = new int[3];
        int[] firstDraws = new int[20];
        sampler.reseed(11);
        for (int i = 0; i < 20_000; i++) {
            sampler.select(logits, null, a);
            counts[a.index()]++;
            if (i < firstDraws.length) {
                firstDraws[i] = a.index();
            }
        }
        assertThat(counts[0] / 20_000.0).isCloseTo(0.1, within(0.01));
        assertThat(counts[1] / 20_000.0).isCloseTo(0.2, within(0.015));
        assertThat(counts[2] / 20_000.0).isCloseTo(0.7, within(0.015));
        sampler.reseed(11);
        for (int draw : firstDraws) {
            sampler.select(logits, null, a);
            assertThat(a.index()).isEqualTo(draw);
        }
    }

    @Test
    void boxGreedyIsTheMeanAndSamplingIsGaussianWithExpLogStd() {
        Box box = Box.uniform(2, -1f, 1f);
        Action a = Action.of(box);
        new ActionSampler(box, ActionSelection.GREEDY).select(row(0.25f, 7f), row(3f, 3f), a);
        assertThat(a.values()).containsExactly(0.25f, 7f);
        ActionSampler sampler = new ActionSampler(box, ActionSelection.SAMPLE);
        sampler.reseed(3);
        FloatBuffer mean = row(1f, -2f);
        FloatBuffer logStd = row((float) Math.log(0.5), (float) Math.log(2));
        double[] sum = new double[2];
        double[] squares = new double[2];
        int outside = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            sampler.select(mean, logStd, a);
            for (int d = 0; d < 2; d++) {
                sum[d] += a.values()[d];
                squares[d] += a.values()[d] * a.values()[d];
            }
            outside += box.contains(a.values()) ? 0 : 1;
        }
        assertThat(sum[0] / n).isCloseTo(1, within(0.02));
        assertThat(sum[1] / n).isCloseTo(-2, within(0.05));
        assertThat(Math.sqrt(squares[0] / n - Math.pow(sum[0] / n, 2))).isCloseTo(0.5, within(0.02));
        assertThat(Math.sqrt(squares[1] / n - Math.pow(sum[1] / n, 2))).isCloseTo(2, within(0.05));
        // samples are not clamped here: the action guard clamps them
        assertThat(outside).isGreaterThan(n / 2);
    }
}
