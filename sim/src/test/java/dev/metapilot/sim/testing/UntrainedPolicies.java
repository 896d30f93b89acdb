package dev.metapilot.sim.testing;

import ai.djl.Device;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.sim.export.OnnxPolicyExporter;
import dev.metapilot.sim.export.SourceCommit;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes small untrained {@code rl2/1} GRU policies for a real plugin configuration, with the metadata the trainer
 * writes (the resolved {@code env_config} in the training configuration), for tests that need model files fast. Test
 * code.
 */
public final class UntrainedPolicies {

    private UntrainedPolicies() {}

    /**
     * An untrained policy (hidden size 8) for {@code plugin} configured with {@code overrides}, written to
     * {@code file}.
     */
    public static Path write(EnvironmentPlugin plugin, Map<String, String> overrides, Path file) {
        EnvConfig config = EnvConfig.resolve(plugin.name(), plugin.options(), overrides);
        EnvSpec spec = plugin.configure(config).spec();
        try (Rl2Model model = Rl2Model.create(NetworkShape.of(spec, 8, 1), Device.cpu(), 7, -0.5f)) {
            return OnnxPolicyExporter.write(model.weights(), ObservationNormalization.identity(spec.observationSize(),
                    10f),
                    PolicyMetadata.of(spec, 8, 1, 0, "env=" + plugin.name() + " env_config=" + config
                            + " hidden=8", SourceCommit.UNKNOWN),
                    file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
