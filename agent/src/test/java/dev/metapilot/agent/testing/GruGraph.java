package dev.metapilot.agent.testing;

import static dev.metapilot.agent.policy.PolicyContract.ACTIONS;
import static dev.metapilot.agent.policy.PolicyContract.H_IN;
import static dev.metapilot.agent.policy.PolicyContract.H_OUT;
import static dev.metapilot.agent.policy.PolicyContract.LOG_STD;
import static dev.metapilot.agent.policy.PolicyContract.OBS;
import static dev.metapilot.agent.policy.PolicyContract.PREV_ACTION;
import static dev.metapilot.agent.policy.PolicyContract.PREV_DONE;
import static dev.metapilot.agent.policy.PolicyContract.PREV_REWARD;
import static dev.metapilot.agent.policy.PolicyContract.VALUE;
import static dev.metapilot.agent.testing.OnnxGraph.intAttribute;

import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.env.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The graph of a real {@code rl2/1} GRU policy with random weights, as the trainer's exporter will write it: normalised
 * observations concatenated with the previous action, reward and done flag, L stacked ONNX GRU layers
 * ({@code linear_before_reset=1}, PyTorch's convention), and Gemm heads for the actions (logits or mean),
 * {@code log_std} (Box) and the value. Test code.
 */
final class GruGraph {

    private GruGraph() {}

    static void write(OnnxGraph g, PolicyMetadata meta, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int o = meta.observationSpace().flatSize();
        int a = meta.actionSpace().flatSize();
        int h = meta.hiddenSize();
        int layers = meta.layers();
        String normalised = g.node("Mul", null, List.of(g.node("Sub", null, List.of(OBS, g.floats("obs_mean",
                new long[]{1, o}, uniform(random, o, 0.1f)))), g.floats("obs_inv_std", new long[]{1, o}, filled(o,
                        1.5f))));
        String x = g.node("Concat", null, List.of(normalised, PREV_ACTION, PREV_REWARD, PREV_DONE), intAttribute(
                "axis", 1));
        String sequence = g.node("Unsqueeze", null, List.of(x, g.int64s("axis0", new long[]{1}, 0)));
        List<String> initial = new ArrayList<>();
        if (layers == 1) {
            initial.add(H_IN);
        } else {
            for (int l = 0; l < layers; l++) {
                initial.add("h_in_" + l);
            }
            g.nodes("Split", initial, List.of(H_IN), intAttribute("axis", 0));
        }
        List<String> finals = new ArrayList<>();
        float scale = (float) (1 / Math.sqrt(h));
        for (int l = 0; l < layers; l++) {
            int width = l == 0 ? o + a + 2 : h;
            String y = "gru_y_" + l;
            String yh = "gru_yh_" + l;
            g.nodes("GRU", List.of(y, yh), List.of(sequence, g.floats("W_" + l, new long[]{1, 3 * h, width}, uniform(
                    random, 3 * h * width, scale)), g.floats("R_" + l, new long[]{1, 3 * h, h},
                            uniform(random, 3 * h
                                    * h, scale)),
                    g.floats("B_" + l, new long[]{1, 6 * h}, uniform(random, 6 * h, scale)), "",
                    initial.get(l)), intAttribute("hidden_size", h), intAttribute("linear_before_reset", 1));
            sequence = g.node("Squeeze", null, List.of(y, g.int64s("axis1_" + l, new long[]{1}, 1)));
            finals.add(yh);
        }
        if (layers == 1) {
            g.node("Identity", H_OUT, finals);
        } else {
            g.node("Concat", H_OUT, finals, intAttribute("axis", 0));
        }
        String features = g.node("Squeeze", null, List.of(finals.get(layers - 1), g.int64s("axis0s", new long[]{1},
                0)));
        g.node("Gemm", ACTIONS, List.of(features, g.floats("actor_w", new long[]{a, h}, uniform(random, a * h, scale)),
                g.floats("actor_b", new long[]{a}, uniform(random, a, scale))), intAttribute("transB", 1));
        if (meta.actionSpace() instanceof Box) {
            g.node("Gemm", LOG_STD, List.of(features, g.floats("log_std_w", new long[]{a, h}, new float[a * h]), g
                    .floats("log_std_b", new long[]{a}, filled(a, -0.5f))), intAttribute("transB", 1));
        }
        g.node("Gemm", VALUE, List.of(features, g.floats("critic_w", new long[]{1, h}, uniform(random, h, scale)), g
                .floats("critic_b", new long[]{1}, 0f)), intAttribute("transB", 1));
    }

    private static float[] uniform(SplittableRandom random, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return v;
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return v;
    }
}
