package dev.metapilot.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.sim.testing.RandomWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The time-aware critic: its features locate a step in the trial; it changes the value by
 * {@code sum_j phi_j (w_j . h + b_j)} and nothing else (same actions, same hidden state); at a trial's first step it is
 * the plain critic; and the exporter gets exactly the plain network's weights.
 */
class TimeAwareValueTest {

    private static final EnvSpec SPEC = new EnvSpec("clock", Box.uniform(3, -1f, 1f), new Discrete(4), 100, 2);
    private static final int BATCH = 2;

    @Test
    void featuresAreTheTrialAndEpisodeFractionsElapsed() {
        float[] out = new float[TrialTime.FEATURES + 1];
        TrialTime.write(0, 2, 0, 100, out, 1);
        assertThat(out).containsOnly(0f);
        TrialTime.write(1, 2, 50, 100, out, 1);
        assertThat(out).containsExactly(0f, 0.75f, 0.5625f, 0.5f);
        TrialTime.write(0, 1, 99, 100, out, 0);
        assertThat(out[0]).isEqualTo(0.99f);
        assertThat(out[2]).isEqualTo(0.99f);
    }

    @Test
    void onlyTheValueReadsTimeAndAtTheTrialStartItIsThePlainCritic() {
        NetworkShape plainShape = NetworkShape.of(SPEC, 8, 1);
        try (Rl2Model plain = Rl2Model.create(plainShape, Device.cpu(), 3, 0f);
                Rl2Model aware = Rl2Model.create(plainShape.withTimeAwareValue(), Device.cpu(), 3, 0f)) {
            SplittableRandom random = new SplittableRandom(9);
            Map<String, float[]> weights = RandomWeights.of(aware, random);
            aware.load(weights);
            Map<String, float[]> common = new LinkedHashMap<>(weights);
            common.remove("time_value_weight");
            common.remove("time_value_bias");
            plain.load(common);

            float[] x = new float[BATCH * plainShape.inputSize()];
            float[] h = new float[BATCH * plainShape.hidden()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < h.length; i++) {
                h[i] = (float) (random.nextDouble() - 0.5);
            }
            int heads = plainShape.headSize();
            float[] plainHeads = new float[BATCH * heads];
            float[] plainNext = new float[h.length];
            plain.step(x, h, null, BATCH, plainHeads, plainNext);

            float[] awareHeads = new float[plainHeads.length];
            float[] awareNext = new float[h.length];
            aware.step(x, h, new float[BATCH * TrialTime.FEATURES], BATCH, awareHeads, awareNext);
            assertThat(awareHeads).containsExactly(plainHeads, within(1e-6f));
            assertThat(awareNext).containsExactly(plainNext, within(1e-6f));

            float[] time = {0.3f, 0.09f, 0.6f, 0.9f, 0.81f, 0.8f};
            aware.step(x, h, time, BATCH, awareHeads, awareNext);
            assertThat(awareNext).containsExactly(plainNext, within(1e-6f));
            float[] w = weights.get("time_value_weight");
            float[] b = weights.get("time_value_bias");
            int a = plainShape.actionSize();
            int hidden = plainShape.hidden();
            for (int row = 0; row < BATCH; row++) {
                for (int i = 0; i < a; i++) {
                    assertThat(awareHeads[row * heads + i]).isCloseTo(plainHeads[row * heads + i], within(1e-6f));
                }
                double extra = 0;
                for (int j = 0; j < TrialTime.FEATURES; j++) {
                    double term = b[j];
                    for (int k = 0; k < hidden; k++) {
                        term += w[j * hidden + k] * plainNext[row * hidden + k];
                    }
                    extra += time[row * TrialTime.FEATURES + j] * term;
                }
                assertThat(extra).as("the time term is not negligible").isNotCloseTo(0, within(1e-3));
                assertThat((double) awareHeads[row * heads + a]).isCloseTo(plainHeads[row * heads + a] + extra,
                        within(1e-5));
            }

            PolicyWeights exported = aware.weights();
            PolicyWeights reference = plain.weights();
            assertThat(exported.headWeight()).isEqualTo(reference.headWeight());
            assertThat(exported.headBias()).isEqualTo(reference.headBias());
            assertThat(exported.layers().get(0).inputWeight()).isEqualTo(reference.layers().get(0).inputWeight());
        }
    }
}
