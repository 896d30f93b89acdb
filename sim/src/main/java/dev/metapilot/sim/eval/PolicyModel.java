package dev.metapilot.sim.eval;

import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyException;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.env.EnvConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A policy file a suite is about to evaluate, checked before any trial: it exists, ONNX Runtime opens it as an
 * {@code rl2/1} model, and its metadata names the suite's plugin. Its metadata also says which plugin settings it was
 * trained with ({@code env_config} in the training configuration), which is what the RL² tables evaluate it on. Created
 * on the main thread.
 *
 * @param file the model file
 * @param metadata what the file says about itself
 */
public record PolicyModel(Path file, PolicyMetadata metadata) {

    public PolicyModel {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(metadata, "metadata is null");
    }

    /**
     * Checks {@code file} for suite {@code suite}, which runs plugin {@code plugin}.
     *
     * @param remedy what the user can do about a bad file ("train one with ..., or pass --policy FILE")
     * @throws IllegalArgumentException naming the file and the remedy, when it is missing, unusable or for another
     *     plugin
     */
    public static PolicyModel inspect(Path file, PolicyOptions options, String suite, String plugin, String remedy) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("policy file " + file + " does not exist; " + remedy);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("policy " + file + " is not a file; " + remedy);
        }
        PolicyMetadata metadata;
        try (OnnxPolicy policy = OnnxPolicy.openStandalone(file, options, 1)) {
            metadata = policy.metadata();
        } catch (PolicyException e) {
            String why = e.getMessage().endsWith(".")
                    ? e.getMessage().substring(0, e.getMessage().length() - 1)
                    : e
                            .getMessage();
            throw new IllegalArgumentException(why + "; " + remedy, e);
        }
        if (!metadata.envId().equals(plugin)) {
            throw new IllegalArgumentException("policy " + file + " was trained on environment '" + metadata.envId()
                    + "', but suite '" + suite + "' runs plugin '" + plugin + "'; " + remedy);
        }
        return new PolicyModel(file, metadata);
    }

    /**
     * The plugin settings the policy was trained with, from the {@code env_config=...} entry the trainer writes into
     * the training configuration; empty when the file has none (a model not made by the trainer).
     */
    public Map<String, String> envConfig() {
        for (String entry : metadata.trainingConfig().split(" ")) {
            if (entry.startsWith("env_config=")) {
                return EnvConfig.parseAssignments(entry.substring("env_config=".length()));
            }
        }
        return Map.of();
    }

    /** The file's name, for tables. */
    public String name() {
        return file.getFileName().toString();
    }
}
