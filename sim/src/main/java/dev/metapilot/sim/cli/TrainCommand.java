package dev.metapilot.sim.cli;

import dev.metapilot.agent.cli.MetapilotCommand;
import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.runtime.Agent;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.sim.export.SourceCommit;
import dev.metapilot.sim.train.RunOptions;
import dev.metapilot.sim.train.TrainConfig;
import dev.metapilot.sim.train.Trainer;
import dev.metapilot.sim.train.TrainingResult;
import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot train}: trains an RL² GRU policy with PPO on an environment plugin (DJL + PyTorch) and exports it as
 * an {@code rl2/1} ONNX model; checkpoints, metrics and evaluation models go to a run directory. Runs on the main
 * thread (plus the trainer's environment workers).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Train an RL² GRU meta-policy with PPO and export it as an rl2/1 ONNX model.",
        "Checkpoints (atomic, resumable with --resume) and metrics.jsonl go to the run directory.",
        "Example: ./metapilot train --env bandit --env-config arms=5,pulls=10 --steps 2000000 --out models/bandit.onnx"
                + " --eval-every 20"})
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    private MetapilotCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment plugin.")
    private String env;

    @Option(names = "--env-config", paramLabel = "K=V[,K=V...]", description = "Plugin options.")
    private String envConfig = "";

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Environment steps in total, rounded up to whole updates of envs x rollout steps.")
    private long steps;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "Where the trained policy is written.")
    private Path out;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda|auto", description = "Training device (default: ${DEFAULT-VALUE}); cuda needs a build with -Pcuda.")
    private String device;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of weights, tasks, sampling and minibatch order (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its checkpoint (same settings).")
    private Path resume;

    @Option(names = "--init-from", paramLabel = "DIR|FILE", description = "Start from the parameters and observation statistics of another run's checkpoint (its run directory or checkpoint file) or of an exported policy (a .onnx file such as a shipped model; its training-only critic terms start fresh, so pair it with --value-warmup); same spaces and layers, any plugin options; a smaller hidden size is widened to --hidden, computing what it computed: fine-tuning, a curriculum, more memory. Fresh optimiser and counters.")
    private Path initFrom;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Run directory (default: runs/train-ENV-TIME).")
    private Path runDir;

    @Option(names = "--hidden", defaultValue = "128", paramLabel = "H", description = "GRU hidden size (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--layers", defaultValue = "1", paramLabel = "L", description = "GRU layers (default: ${DEFAULT-VALUE}).")
    private int layers;

    @Option(names = "--envs", defaultValue = "256", paramLabel = "N", description = "Environments stepped in parallel (default: ${DEFAULT-VALUE}).")
    private int envs;

    @Option(names = "--rollout", defaultValue = "64", paramLabel = "T", description = "Steps per environment per update (default: ${DEFAULT-VALUE}).")
    private int rollout;

    @Option(names = "--bptt", defaultValue = "0", paramLabel = "C", description = "Update: also cut sequences every C steps, each from the hidden state the rollout stored (faster on CPUs); 0: only at trial starts (default: ${DEFAULT-VALUE}).")
    private int bptt;

    @Option(names = "--epochs", defaultValue = "4", paramLabel = "K", description = "PPO epochs per update (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--minibatches", defaultValue = "2", paramLabel = "M", description = "Minibatches per epoch (default: ${DEFAULT-VALUE}).")
    private int minibatches;

    @Option(names = "--lr", defaultValue = "5e-4", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    private double lr;

    @Option(names = "--lr-final", paramLabel = "X", description = "Anneal the learning rate linearly from --lr to X over the run's --steps (a resumed run continues the schedule; a changed --steps rescales it). Default: constant.")
    private Double lrFinal;

    @Option(names = "--gamma", defaultValue = "0.99", paramLabel = "X", description = "Discount (default: ${DEFAULT-VALUE}).")
    private double gamma;

    @Option(names = "--gae-lambda", defaultValue = "0.95", paramLabel = "X", description = "GAE lambda (default: ${DEFAULT-VALUE}).")
    private double gaeLambda;

    @Option(names = "--clip", defaultValue = "0.2", paramLabel = "X", description = "PPO ratio clip (default: ${DEFAULT-VALUE}).")
    private double clip;

    @Option(names = "--value-clip", defaultValue = "0.2", paramLabel = "X", description = "Value clip, 0 for none (default: ${DEFAULT-VALUE}).")
    private double valueClip;

    @Option(names = "--value-coef", defaultValue = "0.5", paramLabel = "X", description = "Value loss weight (default: ${DEFAULT-VALUE}).")
    private double valueCoef;

    @Option(names = "--time-aware-value", description = "The critic also reads where the step sits in its trial (fractions of the trial and the episode elapsed); the actor and the exported graph do not (for returns that depend on the steps left: long trials, several episodes).")
    private boolean timeAwareValue;

    @Option(names = "--episode-reset-units", defaultValue = "0", paramLabel = "K", description = "The first K units of each GRU layer restart from zero at every episode start (as a memoryless policy's do); the others carry what was learned over the trial. Part of the exported graph (default: ${DEFAULT-VALUE}: all carry over).")
    private int episodeResetUnits;

    @Option(names = "--episodic-returns", description = "Every episode end is terminal in the advantages: an action is credited with its own episode's return only (as a memoryless policy's is), while the hidden state still carries over the trial. Default: only a trial end is (RL²).")
    private boolean episodicReturns;

    @Option(names = "--privileged-value", description = "The critic also reads what the simulator knows and the policy cannot observe: the hidden task and the true state (an asymmetric actor-critic; the environment must provide privileged features: maze, hallway, bandit, tabular-mdp). The actor and the exported graph do not.")
    private boolean privilegedValue;

    @Option(names = "--task-inference-coef", defaultValue = "0", paramLabel = "X", description = "Weight of an auxiliary loss: a training-only head on the GRU output predicts the privileged features (task inference), so that the hidden state keeps what the trial revealed about the task; needs --privileged-value (default: ${DEFAULT-VALUE}: none).")
    private double taskInferenceCoef;

    @Option(names = "--expert-coef", defaultValue = "0", paramLabel = "X", description = "Weight of an auxiliary loss: the policy's cross-entropy with an expert's action, read from the privileged features on the steps where the history reveals it (maze, hallway: the shortest path's move once the goal has been found in the trial; bandit: the next arm of UCB1 or, with --env-config expert=gittins, of the Gittins index policy; tabular-mdp: the greedy baseline's plan or, with --env-config expert=bayes-ucb or expert=bayes-ucb-commit, that baseline's action); needs --privileged-value (default: ${DEFAULT-VALUE}: none).")
    private double expertCoef;

    @Option(names = "--value-warmup", defaultValue = "0", paramLabel = "U", description = "The run's first U updates train the critic alone (value loss only; the GRU and the action outputs stay as they are), then the optimiser restarts: for a fine-tune (--init-from) that changes what the value means, e.g. a new --gamma, so that the policy is not moved by advantages from a critic that does not fit yet (default: ${DEFAULT-VALUE}: none).")
    private int valueWarmup;

    @Option(names = "--entropy-coef", defaultValue = "0.01", paramLabel = "X", description = "Entropy bonus weight (default: ${DEFAULT-VALUE}).")
    private double entropyCoef;

    @Option(names = "--max-grad-norm", defaultValue = "0.5", paramLabel = "X", description = "Global gradient-norm clip (default: ${DEFAULT-VALUE}).")
    private double maxGradNorm;

    @Option(names = "--eval-every", defaultValue = "0", paramLabel = "U", description = "Evaluate the exported model on TEST trials every U updates and at the end; 0 never (default: ${DEFAULT-VALUE}).")
    private int evalEvery;

    @Option(names = "--eval-trials", defaultValue = "200", paramLabel = "M", description = "TEST trials per evaluation (default: ${DEFAULT-VALUE}).")
    private int evalTrials;

    @Option(names = "--checkpoint-every", defaultValue = "10", paramLabel = "U", description = "Checkpoint every U updates (and at the end); 0: only at the end (default: ${DEFAULT-VALUE}).")
    private int checkpointEvery;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "PyTorch threads and environment workers; 0: one per core (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--no-progress", description = "No progress bar.")
    private boolean noProgress;

    @Override
    public Integer call() throws Exception {
        quietCudaProbe();
        PrintWriter printer = spec.commandLine().getOut();
        Path dir = runDirectory();
        try (Agent agent = parent.startAgent()) {
            DiscoveredPlugin plugin = agent.plugins().get(env);
            Map<String, String> overrides = EnvConfig.parseAssignments(envConfig);
            EnvironmentFactory factory = agent.plugins().configure(env, overrides);
            String resolved = EnvConfig.resolve(plugin.name(), plugin.plugin().options(), overrides).toString();
            TrainConfig config = config(resolved);
            RunOptions options = new RunOptions(steps, device, threads, evalEvery, evalTrials, checkpointEvery, dir,
                    out, resume != null, !noProgress);
            Path home = Path.of(System.getProperty("metapilot.home", "."));
            printer.printf("training %s (%s) for %d steps on %s; run directory %s%n", env, resolved, steps, device,
                    dir);
            printer.flush();
            TrainingResult r = new Trainer(config, options, factory, SourceCommit.of(home)).run();
            printer.printf(Locale.ROOT, "trained %d updates, %d environment steps; this run %.1f s, %.0f steps/s%n", r
                    .updates(), r.envSteps(), r.seconds(), r.stepsPerSecond());
            printer.printf(Locale.ROOT, "mean return of the last training trials: %.3f%n", r.meanTrialReturn());
            if (r.evaluation() != null) {
                printer.printf(Locale.ROOT, "held-out TEST trial return (exported model, %d trials): %s%n", r
                        .evaluation().n(), r.evaluation());
            }
            printer.println("model: " + r.model());
            printer.println("run:   " + r.runDir());
        }
        printer.flush();
        return 0;
    }

    /**
     * DJL's CUDA probe warns at engine start on every machine that has a CUDA toolkit but no driver; {@code --device}
     * reports what matters, so the probe speaks only with {@code -v}.
     */
    private static void quietCudaProbe() {
        if (!LoggerFactory.getLogger("dev.metapilot").isDebugEnabled()) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ai.djl.util.cuda")).setLevel(Level.ERROR);
        }
    }

    private Path runDirectory() {
        if (resume != null) {
            if (runDir != null && !runDir.equals(resume)) {
                throw new ParameterException(spec.commandLine(), "--resume " + resume + " continues the run in that "
                        + "directory; drop --run-dir " + runDir);
            }
            return resume;
        }
        if (runDir != null) {
            return runDir;
        }
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        return Path.of("runs", "train-" + env + "-" + time);
    }

    private TrainConfig config(String resolvedEnvConfig) {
        String initFromPath = initFrom == null ? "" : initFrom.toString();
        try {
            return TrainConfig.builder(env).envConfig(resolvedEnvConfig).seed(seed).hidden(hidden).layers(layers).envs(
                    envs).rollout(rollout).bptt(bptt).epochs(epochs).minibatches(minibatches).learningRate(lr)
                    .gamma(gamma)
                    .gaeLambda(gaeLambda).clipRange(clip).valueClipRange(valueClip).valueCoef(valueCoef)
                    .entropyCoef(entropyCoef).maxGradNorm(maxGradNorm).initFrom(initFromPath)
                    .timeAwareValue(timeAwareValue).episodeResetUnits(episodeResetUnits)
                    .episodicReturns(episodicReturns).privilegedValue(privilegedValue)
                    .taskInferenceCoef(taskInferenceCoef).expertCoef(expertCoef)
                    .valueWarmup(valueWarmup).finalLearningRate(lrFinal == null ? Double.NaN : lrFinal).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
