package dev.metapilot.agent.policy;

import static dev.metapilot.agent.policy.PolicyContract.KEY_ACTION_SELECTION;
import static dev.metapilot.agent.policy.PolicyContract.KEY_ACTION_SPACE;
import static dev.metapilot.agent.policy.PolicyContract.KEY_CONTRACT;
import static dev.metapilot.agent.policy.PolicyContract.KEY_ENV;
import static dev.metapilot.agent.policy.PolicyContract.KEY_EPISODES_PER_TRIAL;
import static dev.metapilot.agent.policy.PolicyContract.KEY_HIDDEN_SIZE;
import static dev.metapilot.agent.policy.PolicyContract.KEY_LAYERS;
import static dev.metapilot.agent.policy.PolicyContract.KEY_OBSERVATION_SPACE;
import static dev.metapilot.agent.policy.PolicyContract.KEY_SOURCE_COMMIT;
import static dev.metapilot.agent.policy.PolicyContract.KEY_TRAINING_CONFIG;
import static dev.metapilot.agent.policy.PolicyContract.KEY_TRAINING_STEPS;

import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Space;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@code rl2/1} policy file says about itself in its ONNX {@code metadata_props}: the environment and spaces it
 * was trained on, the recurrent core's size and where it came from. Read by the agent when a policy is opened (and
 * written into telemetry headers); written by the trainer's exporter with {@link #toProperties()}. Immutable.
 *
 * @param contract the contract version, {@link PolicyContract#VERSION} for policies this agent runs
 * @param envId environment id the policy was trained on ({@link EnvSpec#id()})
 * @param observationSpace observation space the policy was trained on
 * @param actionSpace action space the policy was trained on
 * @param hiddenSize GRU hidden size H
 * @param layers GRU layers L
 * @param episodesPerTrial episodes per trial during training (K)
 * @param trainingSteps environment steps of training
 * @param trainingConfig the trainer's configuration, as the trainer printed it (may be empty)
 * @param sourceCommit the commit the trainer was built from (may be empty)
 * @param actionSelection how the policy is meant to act when the user does not say ({@code --greedy},
 *     {@code --sample}): the optional {@link PolicyContract#KEY_ACTION_SELECTION}; empty means sampled
 */
public record PolicyMetadata(String contract, String envId, Space observationSpace, Space actionSpace, int hiddenSize,
        int layers, int episodesPerTrial, long trainingSteps, String trainingConfig, String sourceCommit,
        Optional<ActionSelection> actionSelection) {

    public PolicyMetadata {
        Objects.requireNonNull(contract, "contract is null");
        Objects.requireNonNull(envId, "envId is null");
        Objects.requireNonNull(observationSpace, "observationSpace is null");
        Objects.requireNonNull(actionSpace, "actionSpace is null");
        Objects.requireNonNull(trainingConfig, "trainingConfig is null");
        Objects.requireNonNull(sourceCommit, "sourceCommit is null");
        Objects.requireNonNull(actionSelection, "actionSelection is null");
        positive(KEY_HIDDEN_SIZE, hiddenSize);
        positive(KEY_LAYERS, layers);
        positive(KEY_EPISODES_PER_TRIAL, episodesPerTrial);
        if (trainingSteps < 0) {
            throw new IllegalArgumentException(KEY_TRAINING_STEPS + " must be >= 0, got " + trainingSteps);
        }
    }

    /** Metadata that states no action selection. */
    public PolicyMetadata(String contract, String envId, Space observationSpace, Space actionSpace, int hiddenSize,
            int layers, int episodesPerTrial, long trainingSteps, String trainingConfig, String sourceCommit) {
        this(contract, envId, observationSpace, actionSpace, hiddenSize, layers, episodesPerTrial, trainingSteps,
                trainingConfig, sourceCommit, Optional.empty());
    }

    /** This metadata stating that the policy acts with {@code selection} unless told otherwise. */
    public PolicyMetadata withActionSelection(ActionSelection selection) {
        return new PolicyMetadata(contract, envId, observationSpace, actionSpace, hiddenSize, layers, episodesPerTrial,
                trainingSteps, trainingConfig, sourceCommit, Optional.of(selection));
    }

    /** The action selection of a run: {@code requested} when the user chose one, else this policy's own. */
    public ActionSelection selection(Optional<ActionSelection> requested) {
        return requested.or(() -> actionSelection).orElse(ActionSelection.SAMPLE);
    }

    /** Metadata of an {@link PolicyContract#VERSION} policy trained on {@code spec}; what the exporter writes. */
    public static PolicyMetadata of(EnvSpec spec, int hiddenSize, int layers, long trainingSteps,
            String trainingConfig, String sourceCommit) {
        return new PolicyMetadata(PolicyContract.VERSION, spec.id(), spec.observationSpace(), spec.actionSpace(),
                hiddenSize, layers, spec.episodesPerTrial(), trainingSteps, trainingConfig, sourceCommit);
    }

    /** The {@code metadata_props} entries, in the order of {@link PolicyContract#METADATA_KEYS}. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(KEY_CONTRACT, contract);
        p.put(KEY_ENV, envId);
        p.put(KEY_OBSERVATION_SPACE, observationSpace.toString());
        p.put(KEY_ACTION_SPACE, actionSpace.toString());
        p.put(KEY_HIDDEN_SIZE, Integer.toString(hiddenSize));
        p.put(KEY_LAYERS, Integer.toString(layers));
        p.put(KEY_EPISODES_PER_TRIAL, Integer.toString(episodesPerTrial));
        p.put(KEY_TRAINING_STEPS, Long.toString(trainingSteps));
        p.put(KEY_TRAINING_CONFIG, trainingConfig);
        p.put(KEY_SOURCE_COMMIT, sourceCommit);
        actionSelection.ifPresent(a -> p.put(KEY_ACTION_SELECTION, a.toString()));
        return p;
    }

    /**
     * Reads the entries {@link #toProperties()} writes; other keys are ignored.
     *
     * @throws IllegalArgumentException naming the first key that is missing or malformed
     */
    public static PolicyMetadata fromProperties(Map<String, String> p) {
        return new PolicyMetadata(get(p, KEY_CONTRACT), get(p, KEY_ENV), space(p, KEY_OBSERVATION_SPACE),
                space(p, KEY_ACTION_SPACE), (int) number(p, KEY_HIDDEN_SIZE, 1, Integer.MAX_VALUE),
                (int) number(p, KEY_LAYERS, 1, Integer.MAX_VALUE),
                (int) number(p, KEY_EPISODES_PER_TRIAL, 1, Integer.MAX_VALUE),
                number(p, KEY_TRAINING_STEPS, 0, Long.MAX_VALUE), get(p, KEY_TRAINING_CONFIG),
                get(p, KEY_SOURCE_COMMIT), selection(p));
    }

    private static Optional<ActionSelection> selection(Map<String, String> p) {
        String v = p.get(KEY_ACTION_SELECTION);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ActionSelection.parse(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model metadata '" + KEY_ACTION_SELECTION + "': " + e.getMessage(), e);
        }
    }

    /**
     * A spec with this metadata's id and spaces, for running the policy without a plugin (benchmarks).
     *
     * @param maxEpisodeSteps episode length to assume; the metadata does not record one
     */
    public EnvSpec toEnvSpec(int maxEpisodeSteps) {
        return new EnvSpec(envId, observationSpace, actionSpace, maxEpisodeSteps, episodesPerTrial);
    }

    private static String get(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException("model metadata has no '" + key + "'");
        }
        return v;
    }

    private static Space space(Map<String, String> p, String key) {
        try {
            return Space.parse(get(p, key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model metadata '" + key + "' is not a space: " + e.getMessage(), e);
        }
    }

    private static long number(Map<String, String> p, String key, long min, long max) {
        String v = get(p, key);
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "model metadata '" + key + "' must be an integer in " + min + ".." + max + ", got '" + v + "'");
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + value);
        }
    }
}
