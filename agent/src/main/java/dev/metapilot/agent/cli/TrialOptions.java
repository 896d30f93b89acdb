package dev.metapilot.agent.cli;

import dev.metapilot.agent.realtime.LoopSettings;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Task;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code metapilot trial}, parsed by picocli on the main thread. */
final class TrialOptions {

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment plugin (robot, or a "
            + "simulation to rehearse with, paced in real time).")
    String env;

    @Option(names = "--env-config", paramLabel = "K=V[,K=V...]", description = "Plugin options (the robot's link, "
            + "pins, ...; `./metapilot plugins --details` lists them).")
    String envConfig = "";

    @Option(names = "--policy", required = true, paramLabel = "FILE|BASELINE", description = "An rl2/1 ONNX model or a "
            + "baseline name.")
    String policy;

    @Option(names = "--episodes", paramLabel = "K", description = "Episodes per trial (default: the plugin's).")
    Integer episodes;

    @Option(names = "--trials", paramLabel = "N", description = "Trials (default: 1, or every task of --tasks).")
    Integer trials;

    @Option(names = "--target", paramLabel = "K=V[,K=V...]", description = "The trial's target: sets the plugin's "
            + "target-K options (robot: --target velocity=0.3,heading=15); a bare value sets its 'target' option.")
    String target;

    @Option(names = "--tasks", paramLabel = "FILE", description = "Read the tasks from a file in the plugin's format.")
    Path tasksFile;

    @Option(names = "--split", paramLabel = "train|test", description = "Task split when no --tasks (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "test")
    String split;

    @Option(names = "--rate", paramLabel = "HZ", description = "Control rate; also the plugin's 'rate' option when it "
            + "has one (default: the plugin's rate, else " + LoopSettings.DEFAULT_RATE_HZ + ").")
    Double rate;

    @Option(names = "--max-misses", paramLabel = "N", description = "Deadlines missed in a row that stop the robot "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "" + LoopSettings.DEFAULT_MAX_MISSES)
    int maxMisses;

    @Option(names = "--spin-us", paramLabel = "US", description = "Spin instead of parking this long before each "
            + "deadline (default: ${DEFAULT-VALUE}).", defaultValue = "200")
    long spinMicros;

    @Option(names = "--report-jitter", description = "Print the loop's period error and lateness (p50/p99/max) over "
            + "the whole run.")
    boolean reportJitter;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of tasks, resets and sampling (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "0")
    long seed;

    @Option(names = "--log", paramLabel = "FILE", description = "The JSONL log (default: runs/trial-ENV-TIME.jsonl).")
    Path log;

    @Option(names = "--max-faults", paramLabel = "N", description = "Guard faults that stop the trial (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "3")
    int maxFaults;

    @Option(names = "--max-delta", paramLabel = "X", description = "Rate limit: largest change of a continuous action "
            + "per step, 0 for none (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    float maxDelta;

    @Mixin
    InferenceOptions inference;

    @Option(names = "--grace-ms", paramLabel = "MS", description = "On SIGINT/SIGTERM, how long to wait for the log "
            + "after the safe stop (default: ${DEFAULT-VALUE}).", defaultValue = "2000")
    long graceMs;

    /** One task per trial: from {@code --tasks}, or drawn from {@code --split}. */
    List<Task> tasks(EnvironmentFactory factory) throws Exception {
        return TaskList.of(factory, env, tasksFile, split, trials, 1, seed);
    }
}
