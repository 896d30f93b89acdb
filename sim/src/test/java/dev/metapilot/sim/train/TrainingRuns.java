package dev.metapilot.sim.train;

import dev.metapilot.env.EnvironmentFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The number {@code key} of every update line of the run's metrics file, in order. */
    static List<Double> perUpdate(Path run, String key) {
        Pattern field = Pattern.compile("\"" + Pattern.quote(key) + "\":([-0-9.Ee]+)");
        List<Double> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(run.resolve(MetricsLog.NAME))) {
                if (line.contains("\"type\":\"update\"")) {
                    Matcher m = field.matcher(line);
                    if (!m.find()) {
                        throw new AssertionError("no " + key + " in " + line);
                    }
                    out.add(Double.parseDouble(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
