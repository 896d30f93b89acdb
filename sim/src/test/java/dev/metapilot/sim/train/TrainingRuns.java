package dev.metapilot.sim.train;

import dev.metapilot.env.EnvironmentFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Runs the trainer in tests: quiet, two workers, checkpoints only at the end unless asked. Test code. */
final class TrainingRuns {

    private TrainingRuns() {}

    /** Trains {@code config} on {@code factory} for {@code updates} updates into {@code dir}. */
    static TrainingResult train(TrainConfig config, EnvironmentFactory factory, int updates, Path dir, boolean resume) {
        return train(config, factory, updates, dir, resume, 0, 1);
    }

    static TrainingResult train(TrainConfig config, EnvironmentFactory factory, int updates, Path dir, boolean resume,
            int evalEvery, int evalTrials) {
        RunOptions options = new RunOptions(updates * config.stepsPerUpdate(), "cpu", 2, evalEvery, evalTrials, 0, dir,
                dir.resolve("policy.onnx"), resume, false);
        try {
            return new Trainer(config, options, factory, "test-commit").run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
