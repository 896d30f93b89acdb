package dev.metapilot.sim.testing;

import ai.djl.Device;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.locomotion.LocomotionPlugin;
import dev.metapilot.sim.export.OnnxPolicyExporter;
import dev.metapilot.sim.export.SourceCommit;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A locomotion-shaped {@code rl2/1} policy for the robot's end-to-end tests: the trainer's own GRU graph (8 observation
 * features, Box(2) motor commands), freshly initialised from a seed and written by the trainer's exporter, so it is
 * exactly the kind of file {@code models/locomotion.onnx} is. The tests use it instead of the shipped model on purpose:
 * the shipped model changes when it is retrained, and tests must not. Test code, one thread.
 */
public final class LocomotionModels {

    private LocomotionModels() {}

    /** Writes an untrained locomotion GRU policy of hidden size 16 to {@code file}. */
    public static Path untrained(Path file, long seed) throws IOException {
        EnvSpec spec = new LocomotionPlugin().configureDefaults().spec();
        try (Rl2Model model = Rl2Model.create(NetworkShape.of(spec, 16, 1), Device.cpu(), seed, -1f)) {
            OnnxPolicyExporter.write(model.weights(), ObservationNormalization.identity(spec.observationSize(), 10f),
                    PolicyMetadata.of(spec, 16, 1, 0, "test fixture: untrained, seed " + seed, SourceCommit.UNKNOWN),
                    file);
        }
        return file;
    }
}
