package dev.metapilot.sim.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.policy.Rl2Encoder;
import dev.metapilot.agent.trial.EpisodeStats;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.sim.export.OnnxPolicyExporter;
import dev.metapilot.sim.export.OnnxPolicyReader;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.Rl2Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Trains an RL² GRU policy with PPO on one environment plugin and exports it as an {@code rl2/1} ONNX model: rollouts
 * of all environments, observation statistics, the PPO update, metrics, progress, evaluation of the exported model on
 * TEST trials every {@code --eval-every} updates, checkpoints every {@code --checkpoint-every} updates and at the end,
 * and resumption from a checkpoint that continues bitwise as the uninterrupted run would have. Runs on the calling
 * (main) thread plus the environment workers; one run per instance.
 */
public final class Trainer {

    private static final int RETURN_WINDOW = 1000;

    private final TrainConfig config;
    private final RunOptions options;
    private final EnvironmentFactory factory;
    private final String sourceCommit;
    private final ArrayDeque<Double> recentReturns = new ArrayDeque<>();

    /**
     * @param factory the configured plugin {@code config.env()}
     * @param sourceCommit written into the model's metadata
     */
    public Trainer(TrainConfig config, RunOptions options, EnvironmentFactory factory, String sourceCommit) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.options = Objects.requireNonNull(options, "options is null");
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.sourceCommit = Objects.requireNonNull(sourceCommit, "sourceCommit is null");
    }

    /**
     * Trains until {@link RunOptions#steps()} environment steps (whole updates) are done.
     *
     * @throws TrainingException when the device is missing, the checkpoint does not fit or training diverges
     */
    public TrainingResult run() throws IOException {
        if (options.threads() > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.threads()));
        }
        Engine engine = TorchDevices.engine();
        Device device = TorchDevices.resolve(options.device());
        EnvSpec spec = factory.spec();
        TrialSeeds seeds = new TrialSeeds(config.seed());
        engine.setRandomSeed((int) seeds.weights());
        NetworkShape plain = NetworkShape.of(spec, config.hidden(), config.layers()).withEpisodeResetUnits(config
                .episodeResetUnits());
        NetworkShape timed = config.timeAwareValue() ? plain.withTimeAwareValue() : plain;
        Privileged features = config.privilegedValue() ? privileged(spec) : new Privileged(0, -1);
        NetworkShape privileged = config.privilegedValue() ? timed.withPrivilegedValue(features.features()) : timed;
        NetworkShape shape = config.taskInferenceCoef() > 0 ? privileged.withTaskInference() : privileged;
        // the column of the expert's one-hot in a step's critic features (time features first), -1 for no imitation
        int expertColumn = config.expertCoef() > 0 ? shape.timeFeatures() + features.expertOffset() : -1;
        try (Rl2Model model = Rl2Model.create(shape, device, seeds.weights(), config.initLogStd());
                AdamOptimizer adam = new AdamOptimizer(model.parameters(), model.manager(), config.learningRate(),
                        TrainConfig.ADAM_BETA1, TrainConfig.ADAM_BETA2, config.adamEpsilon());
                VectorTrials trials = new VectorTrials(factory, seeds, config.envs(), options.effectiveThreads());
                MetricsLog metrics = new MetricsLog(options.runDir())) {
            TrainingState run = new TrainingState(model, adam, trials, new RolloutCollector(model, trials,
                    new Rl2Encoder(spec), config.rollout()), new ObservationStats(spec.observationSize()),
                    new SplitMix64(seeds.shuffle()));
            Path checkpoint = options.runDir().resolve(CheckpointFile.NAME);
            MetricsLog.Origin origin = null;
            if (options.resume()) {
                run.restore(checkpoint, CheckpointFile.read(checkpoint), config.properties());
            } else {
                if (!config.initFrom().isEmpty()) {
                    origin = initialise(run, initialSource());
                }
                run.beginTrials();
            }
            metrics.write(MetricsLog.start(config, options, device, sourceCommit, origin));
            return train(run, metrics, checkpoint, expertColumn);
        }
    }

    /** What the factory's environments tell the trainer: P features, an expert's one-hot from {@code expertOffset}. */
    private record Privileged(int features, int expertOffset) {}

    /** Probes one environment for its privileged features (and the expert action among them, when asked for). */
    private Privileged privileged(EnvSpec spec) {
        try (Environment probe = factory.create()) {
            if (!(probe instanceof PrivilegedFeatures privileged)) {
                throw new TrainingException("--privileged-value: environment " + config.env() + " has no privileged "
                        + "features for the critic (it does not implement PrivilegedFeatures)");
            }
            int count = privileged.privilegedFeatureCount();
            int offset = privileged.expertActionOffset();
            if (config.expertCoef() > 0) {
                if (offset < 0) {
                    throw new TrainingException("--expert-coef: environment " + config.env() + " has no expert action "
                            + "among its privileged features");
                }
                if (!(spec.actionSpace() instanceof Discrete discrete) || offset + discrete.n() > count) {
                    throw new TrainingException("--expert-coef: environment " + config.env() + " puts its expert "
                            + "action at feature " + offset + " of " + count + ", which does not fit a one-hot over "
                            + "its action space " + spec.actionSpace());
                }
            }
            return new Privileged(count, offset);
        } catch (TrainingException e) {
            throw e;
        } catch (Exception e) {
            throw new TrainingException("--privileged-value: could not probe environment " + config.env() + ": " + e
                    .getMessage(), e);
        }
    }

    /** The file {@code --init-from} names: a run directory's checkpoint, a checkpoint file or an exported policy. */
    private Path initialSource() {
        Path given = Path.of(config.initFrom());
        Path source = Files.isDirectory(given) ? given.resolve(CheckpointFile.NAME) : given;
        if (!Files.isRegularFile(source)) {
            throw new TrainingException("no checkpoint " + source + " to start from (--init-from " + config.initFrom()
                    + ")");
        }
        return source;
    }

    /** Starts {@code run} from {@code source}: an exported policy ({@code .onnx}) or a checkpoint. */
    private MetricsLog.Origin initialise(TrainingState run, Path source) throws IOException {
        if (source.getFileName().toString().endsWith(".onnx")) {
            OnnxPolicyReader.ExportedPolicy policy;
            try {
                policy = OnnxPolicyReader.read(source);
            } catch (IllegalArgumentException e) {
                throw new TrainingException("cannot start from " + source + ": " + e.getMessage(), e);
            }
            run.initialiseFrom(source, policy, config.observationClip());
            return MetricsLog.Origin.policy(source, policy.metadata().trainingSteps());
        }
        Checkpoint from = CheckpointFile.read(source);
        run.initialiseFrom(source, from);
        return MetricsLog.Origin.checkpoint(source, from.update(), from.envSteps());
    }

    private TrainingResult train(TrainingState run, MetricsLog metrics, Path checkpoint, int expertColumn)
            throws IOException {
        long total = Math.ceilDiv(options.steps(), config.stepsPerUpdate());
        PpoUpdater updater = new PpoUpdater(run.model, run.adam, config, expertColumn);
        PolicyEvaluator evaluator = options.evalEvery() > 0
                ? new PolicyEvaluator(factory, config.env(), options.evalTrials(), config.seed())
                : null;
        EpisodeStats.Estimate evaluation = null;
        long started = System.nanoTime();
        long startSteps = run.envSteps;
        try (TrainingProgress progress = new TrainingProgress(options.progress(), total * config.stepsPerUpdate(),
                run.envSteps)) {
            while (run.update < total) {
                long t0 = System.nanoTime();
                Rollout rollout = run.collector.collect(run.stats.normalization(config.observationClip()));
                run.stats.add(rollout.observations, rollout.samples());
                long t1 = System.nanoTime();
                boolean warmingUp = run.update < config.valueWarmup();
                run.adam.learningRate(config.learningRateAt(run.update, total));
                UpdateStats u = updater.update(rollout, run.shuffle, warmingUp);
                long t2 = System.nanoTime();
                run.update++;
                if (warmingUp && run.update == config.valueWarmup()) {
                    run.adam.reset(); // the policy's first steps get Adam's usual bias correction, not the critic's
                }
                run.envSteps += rollout.samples();
                run.finishedTrials += rollout.finishedTrials();
                remember(rollout);
                boolean last = run.update == total;
                EpisodeStats.Estimate eval = null;
                if (evaluator != null && (run.update % options.evalEvery() == 0 || last)) {
                    eval = evaluator.evaluate(export(run, options.runDir().resolve("eval.onnx"))).trialReturn();
                    evaluation = eval;
                }
                long t3 = System.nanoTime();
                run.wallSeconds += (t3 - t0) / 1e9;
                if (last || options.checkpointEvery() > 0 && run.update % options.checkpointEvery() == 0) {
                    CheckpointFile.write(checkpoint, run.capture(config.properties()));
                }
                metrics.write(MetricsLog.update(run, rollout, u, eval, meanRecentReturn(), new long[]{t0, t1, t2, t3}));
                progress.update(run.envSteps, meanRecentReturn(), evaluation == null ? Double.NaN : evaluation.mean());
            }
        }
        Path model = export(run, options.out());
        double seconds = (System.nanoTime() - started) / 1e9;
        return new TrainingResult(run.update, run.envSteps, seconds, (run.envSteps - startSteps) / Math.max(seconds,
                1e-9), meanRecentReturn(), evaluation, model, options.runDir());
    }

    private Path export(TrainingState run, Path file) {
        PolicyMetadata metadata = PolicyMetadata.of(factory.spec(), config.hidden(), config.layers(), run.envSteps,
                config.describe(), sourceCommit);
        try {
            return OnnxPolicyExporter.write(run.model.weights(), run.stats.normalization(config.observationClip()),
                    metadata, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the policy " + file + ": " + e.getMessage(), e);
        }
    }

    private void remember(Rollout rollout) {
        for (int k = 0; k < rollout.trialEnd.length; k++) {
            if (rollout.trialEnd[k]) {
                recentReturns.addLast(rollout.trialReturn[k]);
                if (recentReturns.size() > RETURN_WINDOW) {
                    recentReturns.removeFirst();
                }
            }
        }
    }

    private double meanRecentReturn() {
        return recentReturns.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
