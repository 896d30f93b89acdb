package dev.metapilot.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.sim.testing.RandomWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The privileged critic: it adds {@code w2 . tanh(W1 [h; phi; psi] + b1) + b2} to the value, where {@code phi} are the
 * time features and {@code psi} the privileged ones, and changes nothing else (same actions, same hidden state); the
 * exporter gets exactly the plain network's weights, so the deployed policy never depends on what only a simulator
 * knows.
 */
class PrivilegedValueTest {

    private static final EnvSpec SPEC = new EnvSpec("secret", Box.uniform(3, -1f, 1f), new Discrete(4), 100, 2);
    private static final int BATCH = 2;
    private static final int P = 2;

    @Test
    void theShapeCountsTimeThenPrivilegedFeatures() {
        NetworkShape plain = NetworkShape.of(SPEC, 8, 1);
        assertThat(plain.criticFeatures()).isZero();
        assertThat(plain.privilegedValue()).isFalse();
        NetworkShape both = plain.withTimeAwareValue().withPrivilegedValue(P);
        assertThat(both.criticFeatures()).isEqualTo(TrialTime.FEATURES + P);
        assertThat(both.privilegedValue()).isTrue();
        assertThat(both.withEpisodeResetUnits(4).privilegedFeatures()).isEqualTo(P);
        assertThatThrownBy(() -> plain.withPrivilegedValue(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one feature");
    }

    @Test
    void onlyTheValueReadsThePrivilegedFeatures() {
        NetworkShape timed = NetworkShape.of(SPEC, 8, 1).withTimeAwareValue();
        NetworkShape privileged = timed.withPrivilegedValue(P);
        try (Rl2Model reference = Rl2Model.create(timed, Device.cpu(), 3, 0f);
                Rl2Model model = Rl2Model.create(privileged, Device.cpu(), 3, 0f)) {
            SplittableRandom random = new SplittableRandom(11);
            Map<String, float[]> weights = RandomWeights.of(model, random);
            model.load(weights);
            Map<String, float[]> common = new LinkedHashMap<>(weights);
            common.keySet().removeIf(name -> name.startsWith(Rl2Network.PRIVILEGED_PREFIX));
            reference.load(common);

            float[] x = new float[BATCH * timed.inputSize()];
            float[] h = new float[BATCH * timed.hidden()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < h.length; i++) {
                h[i] = (float) (random.nextDouble() - 0.5);
            }
            int f = TrialTime.FEATURES;
            float[] time = {0.3f, 0.09f, 0.6f, 0.9f, 0.81f, 0.8f};
            float[] psi = {0.7f, -0.2f, 0.1f, 0.4f};
            float[] critic = new float[BATCH * (f + P)];
            for (int row = 0; row < BATCH; row++) {
                System.arraycopy(time, row * f, critic, row * (f + P), f);
                System.arraycopy(psi, row * P, critic, row * (f + P) + f, P);
            }
            int heads = timed.headSize();
            float[] referenceHeads = new float[BATCH * heads];
            float[] referenceNext = new float[h.length];
            reference.step(x, h, time, BATCH, referenceHeads, referenceNext);
            float[] modelHeads = new float[referenceHeads.length];
            float[] modelNext = new float[h.length];
            model.step(x, h, critic, BATCH, modelHeads, modelNext);
            assertThat(modelNext).containsExactly(referenceNext, within(1e-6f));

            float[] w1 = weights.get("privileged_hidden_weight");
            float[] b1 = weights.get("privileged_hidden_bias");
            float[] w2 = weights.get("privileged_out_weight");
            float[] b2 = weights.get("privileged_out_bias");
            int hidden = timed.hidden();
            int joint = hidden + f + P;
            assertThat(w1).hasSize(Rl2Network.PRIVILEGED_UNITS * joint);
            int a = timed.actionSize();
            for (int row = 0; row < BATCH; row++) {
                for (int i = 0; i < a; i++) {
                    assertThat(modelHeads[row * heads + i]).isCloseTo(referenceHeads[row * heads + i], within(1e-6f));
                }
                double[] in = new double[joint];
                for (int k = 0; k < hidden; k++) {
                    in[k] = referenceNext[row * hidden + k];
                }
                for (int k = 0; k < f + P; k++) {
                    in[hidden + k] = critic[row * (f + P) + k];
                }
                double extra = b2[0];
                for (int u = 0; u < Rl2Network.PRIVILEGED_UNITS; u++) {
                    double z = b1[u];
                    for (int k = 0; k < joint; k++) {
                        z += w1[u * joint + k] * in[k];
                    }
                    extra += w2[u] * Math.tanh(z);
                }
                assertThat(extra).as("the privileged term is not negligible").isNotCloseTo(0, within(1e-3));
                assertThat((double) modelHeads[row * heads + a]).isCloseTo(referenceHeads[row * heads + a] + extra,
                        within(1e-5));
            }

            // other privileged features, other values, same actions
            float[] otherHeads = new float[referenceHeads.length];
            critic[f] += 1f;
            model.step(x, h, critic, BATCH, otherHeads, modelNext);
            assertThat(otherHeads[a]).isNotCloseTo(modelHeads[a], within(1e-4f));
            for (int i = 0; i < a; i++) {
                assertThat(otherHeads[i]).isEqualTo(modelHeads[i]);
            }

            PolicyWeights exported = model.weights();
            PolicyWeights plain = reference.weights();
            assertThat(exported.headWeight()).isEqualTo(plain.headWeight());
            assertThat(exported.headBias()).isEqualTo(plain.headBias());
            assertThat(exported.layers().get(0).inputWeight()).isEqualTo(plain.layers().get(0).inputWeight());
            assertThat(exported.layers().get(0).recurrentWeight()).isEqualTo(plain.layers().get(0).recurrentWeight());
        }
    }

    @Test
    void aTaskInferenceHeadPredictsThePrivilegedFeaturesFromTheGruOutputAndIsNotExported() {
        NetworkShape privileged = NetworkShape.of(SPEC, 8, 1).withPrivilegedValue(P);
        assertThatThrownBy(() -> NetworkShape.of(SPEC, 8, 1).withTaskInference()).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("needs a privileged critic");
        try (Rl2Model reference = Rl2Model.create(privileged, Device.cpu(), 3, 0f);
                Rl2Model model = Rl2Model.create(privileged.withTaskInference(), Device.cpu(), 3, 0f);
                NDManager manager = NDManager.newBaseManager()) {
            SplittableRandom random = new SplittableRandom(5);
            Map<String, float[]> weights = RandomWeights.of(model, random);
            model.load(weights);
            Map<String, float[]> common = new LinkedHashMap<>(weights);
            common.keySet().removeIf(name -> name.startsWith(Rl2Network.TASK_INFERENCE_BLOCK));
            reference.load(common);
            float[] x = new float[3 * BATCH * privileged.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            float[] critic = new float[3 * BATCH * P];
            NDArray xs = manager.create(x, new Shape(3, BATCH, privileged.inputSize()));
            NDArray h0 = manager.zeros(new Shape(1, BATCH, 8));
            NDArray cs = manager.create(critic, new Shape(3, BATCH, P));
            NDList out = model.forward(xs, h0, cs, false);
            NDList plain = reference.forward(xs, h0, cs, false);
            assertThat(plain).hasSize(2);
            assertThat(out).hasSize(3);
            assertThat(out.get(0).toFloatArray()).isEqualTo(plain.get(0).toFloatArray());
            float[] belief = out.get(2).toFloatArray();
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(3, BATCH, P));
            // h at the last step is hT; its prediction is W h + b
            float[] hT = out.get(1).toFloatArray();
            float[] w = weights.get("task_inference_weight");
            float[] b = weights.get("task_inference_bias");
            for (int row = 0; row < BATCH; row++) {
                for (int j = 0; j < P; j++) {
                    double expected = b[j];
                    for (int k = 0; k < 8; k++) {
                        expected += w[j * 8 + k] * hT[row * 8 + k];
                    }
                    assertThat((double) belief[(2 * BATCH + row) * P + j]).isCloseTo(expected, within(1e-5));
                }
            }
            assertThat(model.weights().headWeight()).isEqualTo(reference.weights().headWeight());
            assertThat(model.values().get("task_inference_bias")).isEqualTo(b);
        }
    }

    @Test
    void itsBiasesStartAtZero() {
        try (Rl2Model model = Rl2Model.create(NetworkShape.of(SPEC, 8, 1).withPrivilegedValue(P), Device.cpu(), 3,
                0f)) {
            Map<String, float[]> values = model.values();
            assertThat(values.get("privileged_hidden_bias")).containsOnly(0f);
            assertThat(values.get("privileged_out_bias")).containsOnly(0f);
            assertThat(values.get("privileged_hidden_weight")).hasSize(Rl2Network.PRIVILEGED_UNITS * (8 + P))
                    .isNotEqualTo(new float[Rl2Network.PRIVILEGED_UNITS * (8 + P)]);
        }
    }
}
