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
        // One PyTorch thread and one environment worker: as fast as two for these small networks on an idle machine,
        // and immune to the slowdown of OpenMP threads spinning against other processes on a busy one (measured: the
        // bandit learning test took 267 s instead of about 20 s with two threads while a training run shared the cores).
        RunOptions options = new RunOptions(updates * config.stepsPerUpdate(), "cpu", 1, evalEvery, evalTrials, 0, dir,
                dir.resolve("policy.onnx"), resume, false);
        try {
            return new Trainer(config, options, factory, "test-commit").run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
