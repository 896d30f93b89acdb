package dev.metapilot.sim.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.metapilot.agent.telemetry.Json;
import dev.metapilot.agent.trial.EpisodeStats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics file of a run, {@code metrics.jsonl} in the run directory: one JSON object per line (a {@code start} line
 * with the configuration, then one {@code update} line per PPO update with losses, entropy, KL, returns, throughput and
 * the latest evaluation), flushed after each line and appended to on resume. Written by the trainer's main thread.
 */
final class MetricsLog implements AutoCloseable {

    /** The file's name inside a run directory. */
    static final String NAME = "metrics.jsonl";

    private final BufferedWriter out;

    MetricsLog(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        this.out = Files.newBufferedWriter(runDir.resolve(NAME), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Appends one record. */
    void write(Map<String, Object> record) {
        try {
            out.write(Json.write(record));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics file: " + e.getMessage(), e);
        }
    }

    /**
     * What a fresh run started from ({@code --init-from}): the file, and where the run that wrote it stood (its update,
     * -1 for an exported policy, which does not record one; its environment steps), so that a fine-tune's card can name
     * its starting point even after the source run went on.
     */
    record Origin(Path file, int update, long envSteps) {

        static Origin checkpoint(Path file, int update, long envSteps) {
            return new Origin(file, update, envSteps);
        }

        static Origin policy(Path file, long envSteps) {
            return new Origin(file, -1, envSteps);
        }

        /** True for an exported policy, which records no update. */
        boolean policy() {
            return update < 0;
        }
    }

    /**
     * The first line of a run (or of each resumption): configuration, device and provenance; {@code origin} is the
     * {@code --init-from} checkpoint of a fresh run, null for none.
     */
    static Map<String, Object> start(TrainConfig config, RunOptions options, Device device, String sourceCommit,
            Origin origin) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", options.resume() ? "resume" : "start");
        r.put("config", config.properties());
        if (origin != null) {
            Map<String, Object> from = new LinkedHashMap<>();
            if (origin.policy()) {
                from.put("policy", origin.file().toString());
            } else {
                from.put("checkpoint", origin.file().toString());
                from.put("update", origin.update());
            }
            from.put("env_steps", origin.envSteps());
            r.put("init_from", from);
        }
        r.put("steps", options.steps());
        r.put("device", device.toString());
        r.put("threads", options.effectiveThreads());
        r.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        r.put("source_commit", sourceCommit);
        return r;
    }

    /**
     * The line of one update.
     *
     * @param times nanosecond stamps: start, rollout done, update done, evaluation done
     */
    static Map<String, Object> update(TrainingState run, Rollout rollout, UpdateStats u, EpisodeStats.Estimate eval,
            double recentReturn, long[] times) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "update");
        r.put("update", run.update);
        r.put("env_steps", run.envSteps);
        r.put("wall_s", run.wallSeconds);
        r.put("steps_per_s", rollout.samples() / ((times[3] - times[0]) / 1e9));
        r.put("rollout_s", (times[1] - times[0]) / 1e9);
        r.put("update_s", (times[2] - times[1]) / 1e9);
        r.put("eval_s", (times[3] - times[2]) / 1e9);
        r.put("lr", run.adam.learningRate());
        r.put("policy_loss", u.policyLoss());
        r.put("value_loss", u.valueLoss());
        r.put("entropy", u.entropy());
        r.put("approx_kl", u.approxKl());
        r.put("clip_fraction", u.clipFraction());
        r.put("grad_norm", u.gradNorm());
        r.put("task_inference_loss", u.taskInferenceLoss());
        r.put("expert_loss", u.expertLoss());
        r.put("trials", rollout.finishedTrials());
        r.put("mean_trial_return", rollout.meanFinishedReturn());
        r.put("recent_trial_return", recentReturn);
        if (eval != null) {
            r.put("eval_trial_return", eval.mean());
            r.put("eval_ci95", eval.halfWidth());
            r.put("eval_trials", eval.n());
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
