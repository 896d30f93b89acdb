package dev.metapilot.sim.export;

import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.sim.export.OnnxPolicyReader.ExportedPolicy;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.PolicyWeights;
import dev.metapilot.sim.model.PolicyWeights.GruLayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The element-wise mean of several exported policies of one network (stochastic weight averaging, Izmailov et al.
 * 2018): the exports of one run taken along its last updates, whose weights differ by the optimiser's noise around a
 * common point, averaged into one policy. Every weight, bias and {@code log_std} is averaged, and so are the
 * observation normalisation's means and inverse scales (the running statistics of one run move little between exports).
 * The metadata is the latest export's (most training steps), its training configuration extended by
 * {@code weight_average=N} and the span of steps; the action selection is kept only when all inputs state the same.
 *
 * <p>
 * Policies of different networks, environments, spaces, trial lengths or observation clips are refused naming the
 * difference: their weights do not live in one space.
 */
public final class WeightAverage {

    private WeightAverage() {}

    /**
     * Averages {@code policies} (at least two).
     *
     * @throws IllegalArgumentException when fewer than two are given or they are not of one network, naming why
     */
    public static ExportedPolicy of(List<ExportedPolicy> policies) {
        Objects.requireNonNull(policies, "policies is null");
        if (policies.size() < 2) {
            throw new IllegalArgumentException("averaging needs at least two policies, got " + policies.size());
        }
        ExportedPolicy first = policies.get(0);
        for (int i = 1; i < policies.size(); i++) {
            checkCompatible(first, policies.get(i), i);
        }
        PolicyWeights w0 = first.weights();
        List<GruLayer> layers = new ArrayList<>();
        for (int l = 0; l < w0.layers().size(); l++) {
            int layer = l;
            GruLayer g = w0.layers().get(l);
            layers.add(new GruLayer(g.inputSize(), g.hidden(), mean(policies, p -> p.weights().layers().get(layer)
                    .inputWeight()), mean(policies, p -> p.weights().layers().get(layer).recurrentWeight()), mean(
                            policies, p -> p.weights().layers().get(layer).inputBias()),
                    mean(policies, p -> p
                            .weights().layers().get(layer).recurrentBias())));
        }
        PolicyWeights weights = new PolicyWeights(w0.shape(), layers, mean(policies, p -> p.weights().headWeight()),
                mean(policies, p -> p.weights().headBias()), mean(policies, p -> p.weights().logStd()));
        ObservationNormalization normalization = new ObservationNormalization(mean(policies, p -> p.normalization()
                .mean()), mean(policies, p -> p.normalization().invStd()), first.normalization().clip());
        return new ExportedPolicy(metadata(policies), weights, normalization);
    }

    private static PolicyMetadata metadata(List<ExportedPolicy> policies) {
        List<PolicyMetadata> all = policies.stream().map(ExportedPolicy::metadata).toList();
        PolicyMetadata latest = all.stream().max(Comparator.comparingLong(PolicyMetadata::trainingSteps))
                .orElseThrow();
        long from = all.stream().mapToLong(PolicyMetadata::trainingSteps).min().orElseThrow();
        String config = (latest.trainingConfig().isEmpty() ? "" : latest.trainingConfig() + " ") + "weight_average="
                + all.size() + " weight_average_steps=" + from + ".." + latest.trainingSteps();
        boolean sameSelection = all.stream().allMatch(m -> m.actionSelection().equals(latest.actionSelection()));
        return new PolicyMetadata(latest.contract(), latest.envId(), latest.observationSpace(), latest.actionSpace(),
                latest.hiddenSize(), latest.layers(), latest.episodesPerTrial(), latest.trainingSteps(), config, latest
                        .sourceCommit(),
                sameSelection ? latest.actionSelection() : Optional.empty());
    }

    private static void checkCompatible(ExportedPolicy a, ExportedPolicy b, int index) {
        PolicyMetadata ma = a.metadata();
        PolicyMetadata mb = b.metadata();
        differs(index, "contract", ma.contract(), mb.contract());
        differs(index, "environment", ma.envId(), mb.envId());
        differs(index, "observation space", ma.observationSpace(), mb.observationSpace());
        differs(index, "action space", ma.actionSpace(), mb.actionSpace());
        differs(index, "episodes per trial", ma.episodesPerTrial(), mb.episodesPerTrial());
        differs(index, "network", a.weights().shape(), b.weights().shape());
        differs(index, "observation clip", a.normalization().clip(), b.normalization().clip());
    }

    private static void differs(int index, String what, Object first, Object other) {
        if (!first.equals(other)) {
            throw new IllegalArgumentException("policy " + (index + 1) + " differs from policy 1 in its " + what + " ("
                    + other + ", not " + first + "): only exports of one network can be averaged");
        }
    }

    private static float[] mean(List<ExportedPolicy> policies,
            Function<ExportedPolicy, float[]> array) {
        float[] first = array.apply(policies.get(0));
        double[] sum = new double[first.length];
        for (ExportedPolicy p : policies) {
            float[] values = array.apply(p);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        }
        float[] out = new float[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sum[i] / policies.size());
        }
        return out;
    }
}
