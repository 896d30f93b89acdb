package dev.metapilot.agent.policy;

import static dev.metapilot.agent.policy.ModelSignature.DYNAMIC;

import dev.metapilot.agent.policy.ModelSignature.Tensor;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code rl2/1} policy contract in one place: tensor names, shapes and metadata keys, and the checks the agent runs
 * on a model before its first step. The trainer's exporter writes these names; the agent calls the checks on the main
 * thread when it opens a policy. See DESIGN.md, "Policy contract".
 *
 * <p>
 * Inputs (float32, B = batch, dynamic): {@code obs [B,O]}, {@code prev_action [B,A]} (one-hot for {@code Discrete(n)},
 * A = n), {@code prev_reward [B,1]}, {@code prev_done [B,1]}, {@code h_in [L,B,H]}. Outputs: {@code actions [B,A]}
 * (logits for Discrete, the mean for Box), {@code log_std [B,A]} (Box only), {@code value [B,1]},
 * {@code h_out [L,B,H]}. A model may have further outputs (ignored), never further inputs.
 */
public final class PolicyContract {

    /** The contract version this agent runs; {@code metapilot.contract} must say exactly this. */
    public static final String VERSION = "rl2/1";

    public static final String OBS = "obs";
    public static final String PREV_ACTION = "prev_action";
    public static final String PREV_REWARD = "prev_reward";
    public static final String PREV_DONE = "prev_done";
    public static final String H_IN = "h_in";

    public static final String ACTIONS = "actions";
    public static final String LOG_STD = "log_std";
    public static final String VALUE = "value";
    public static final String H_OUT = "h_out";

    /** Every input, in the order the exporter declares them. */
    public static final List<String> INPUTS = List.of(OBS, PREV_ACTION, PREV_REWARD, PREV_DONE, H_IN);

    public static final String KEY_CONTRACT = "metapilot.contract";
    public static final String KEY_ENV = "metapilot.env";
    public static final String KEY_OBSERVATION_SPACE = "metapilot.observation_space";
    public static final String KEY_ACTION_SPACE = "metapilot.action_space";
    public static final String KEY_HIDDEN_SIZE = "metapilot.hidden_size";
    public static final String KEY_LAYERS = "metapilot.layers";
    public static final String KEY_EPISODES_PER_TRIAL = "metapilot.episodes_per_trial";
    public static final String KEY_TRAINING_STEPS = "metapilot.training_steps";
    public static final String KEY_TRAINING_CONFIG = "metapilot.training_config";
    public static final String KEY_SOURCE_COMMIT = "metapilot.source_commit";

    /**
     * Optional: {@code sample} or {@code greedy}, how the policy is meant to act when the user does not choose
     * ({@code --greedy}, {@code --sample}); absent means sampled. Set on a chosen model with {@code set-selection}.
     */
    public static final String KEY_ACTION_SELECTION = "metapilot.action_selection";

    /** Every required metadata key. */
    public static final List<String> METADATA_KEYS = List.of(KEY_CONTRACT, KEY_ENV, KEY_OBSERVATION_SPACE,
            KEY_ACTION_SPACE, KEY_HIDDEN_SIZE, KEY_LAYERS, KEY_EPISODES_PER_TRIAL, KEY_TRAINING_STEPS,
            KEY_TRAINING_CONFIG, KEY_SOURCE_COMMIT);

    private PolicyContract() {}

    /** The outputs a policy with {@code metadata} must have: {@code log_std} only for a Box action space. */
    public static List<String> outputs(PolicyMetadata metadata) {
        return metadata.actionSpace() instanceof Box
                ? List.of(ACTIONS, LOG_STD, VALUE, H_OUT)
                : List.of(ACTIONS, VALUE, H_OUT);
    }

    /** The signature an exporter declares for {@code metadata}: every tensor float32, batch dimensions dynamic. */
    public static ModelSignature signature(PolicyMetadata metadata) {
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (String name : INPUTS) {
            in.put(name, Tensor.float32(expectedDims(name, metadata)));
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : outputs(metadata)) {
            out.put(name, Tensor.float32(expectedDims(name, metadata)));
        }
        return new ModelSignature(in, out, metadata.toProperties());
    }

    /**
     * Checks a model on its own: contract version, metadata, every input and output name, element type and shape.
     *
     * @return the model's metadata
     * @throws PolicyException naming what is wrong, with the model's side and the contract's
     */
    public static PolicyMetadata checkModel(ModelSignature model) {
        String contract = model.metadata().get(KEY_CONTRACT);
        if (contract == null) {
            throw new PolicyException("model has no '" + KEY_CONTRACT + "' metadata, so it is not an " + VERSION
                    + " policy (its metadata keys: " + new TreeSet<>(model.metadata().keySet()) + ")");
        }
        if (!contract.equals(VERSION)) {
            throw new PolicyException("model metadata says contract '" + contract + "', this agent runs '" + VERSION
                    + "'");
        }
        PolicyMetadata metadata;
        try {
            metadata = PolicyMetadata.fromProperties(model.metadata());
        } catch (IllegalArgumentException e) {
            throw new PolicyException(e.getMessage(), e);
        }
        for (String name : INPUTS) {
            if (!model.inputs().containsKey(name)) {
                throw new PolicyException("policy has no input '" + name + "'; its inputs are " + model.inputs()
                        .keySet() + ", " + VERSION + " needs " + INPUTS);
            }
        }
        for (String name : model.inputs().keySet()) {
            if (!INPUTS.contains(name)) {
                throw new PolicyException("policy input '" + name + "' is not part of " + VERSION
                        + ", which feeds exactly " + INPUTS);
            }
        }
        List<String> outputs = outputs(metadata);
        for (String name : outputs) {
            if (!model.outputs().containsKey(name)) {
                throw new PolicyException("policy has no output '" + name + "'; its outputs are " + model.outputs()
                        .keySet() + ", " + VERSION + " with " + metadata.actionSpace() + " actions needs " + outputs);
            }
        }
        for (String name : INPUTS) {
            checkTensor("input", name, model.inputs().get(name), metadata);
        }
        for (String name : outputs) {
            checkTensor("output", name, model.outputs().get(name), metadata);
        }
        return metadata;
    }

    /**
     * Checks that a policy with {@code metadata} fits the environment of plugin {@code plugin}.
     *
     * @throws PolicyException naming both sides, for example
     *     {@code policy expects Discrete(4) actions, plugin 'maze' has Discrete(5)}
     */
    public static void checkEnvironment(PolicyMetadata metadata, EnvSpec spec, String plugin) {
        if (!metadata.actionSpace().equals(spec.actionSpace())) {
            throw new PolicyException("policy expects " + metadata.actionSpace() + " actions, plugin '" + plugin
                    + "' has " + spec.actionSpace());
        }
        int features = metadata.observationSpace().flatSize();
        if (features != spec.observationSize()) {
            throw new PolicyException("policy input '" + OBS + "' has " + features + " features, plugin '" + plugin
                    + "' observations have " + spec.observationSize());
        }
        if (!metadata.observationSpace().equals(spec.observationSpace())) {
            throw new PolicyException("policy expects observations " + metadata.observationSpace() + ", plugin '"
                    + plugin + "' has " + spec.observationSpace());
        }
    }

    private static void checkTensor(String kind, String name, Tensor actual, PolicyMetadata metadata) {
        String what = "policy " + kind + " '" + name + "'";
        if (!actual.elementType().equals(ModelSignature.FLOAT32)) {
            throw new PolicyException(what + " is " + actual.elementType() + ", " + VERSION + " needs "
                    + ModelSignature.FLOAT32);
        }
        long[] expected = expectedDims(name, metadata);
        List<Long> dims = actual.dims();
        boolean ok = dims.size() == expected.length;
        for (int i = 0; ok && i < expected.length; i++) {
            long d = dims.get(i);
            ok = expected[i] == DYNAMIC ? d == DYNAMIC || d == 1 : d == expected[i];
        }
        if (ok) {
            return;
        }
        String need = VERSION + " needs " + shape(expected);
        String features = featuresOf(name, metadata);
        if (features != null && dims.size() == 2 && dims.get(0) == DYNAMIC) {
            String count = dims.get(1) == DYNAMIC ? "a dynamic number of" : dims.get(1).toString();
            throw new PolicyException(what + " has " + count + " features, but " + features + " (" + need + ")");
        }
        String why = name.equals(H_IN) || name.equals(H_OUT)
                ? " for the metadata's " + metadata.layers() + " layer(s) of hidden size " + metadata.hiddenSize()
                : features == null ? "" : ", as " + features;
        throw new PolicyException(what + " has shape " + actual + "; " + need + why);
    }

    /** {@code float32[B, 12]}: the contract's shape, with B for the dynamic batch dimension. */
    private static String shape(long[] dims) {
        StringBuilder sb = new StringBuilder(ModelSignature.FLOAT32).append('[');
        for (int i = 0; i < dims.length; i++) {
            sb.append(i > 0 ? ", " : "").append(dims[i] == DYNAMIC ? "B" : Long.toString(dims[i]));
        }
        return sb.append(']').toString();
    }

    /** What the metadata says about the feature count of a [B, features] tensor, or null for other tensors. */
    private static String featuresOf(String name, PolicyMetadata metadata) {
        return switch (name) {
            case OBS -> "the model metadata's observation space " + metadata.observationSpace() + " has "
                    + metadata.observationSpace().flatSize();
            case PREV_ACTION, ACTIONS, LOG_STD -> "the model metadata's action space " + metadata.actionSpace()
                    + " has " + metadata.actionSpace().flatSize();
            default -> null;
        };
    }

    private static long[] expectedDims(String name, PolicyMetadata m) {
        return switch (name) {
            case OBS -> new long[]{DYNAMIC, m.observationSpace().flatSize()};
            case PREV_ACTION, ACTIONS, LOG_STD -> new long[]{DYNAMIC, m.actionSpace().flatSize()};
            case PREV_REWARD, PREV_DONE, VALUE -> new long[]{DYNAMIC, 1};
            case H_IN, H_OUT -> new long[]{m.layers(), DYNAMIC, m.hiddenSize()};
            default -> throw new IllegalArgumentException("no tensor '" + name + "' in " + VERSION);
        };
    }
}
