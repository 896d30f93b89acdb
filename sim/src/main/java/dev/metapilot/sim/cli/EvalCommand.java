package dev.metapilot.sim.cli;

import dev.metapilot.agent.cli.MetapilotCommand;
import dev.metapilot.agent.cli.SelectionOptions;
import dev.metapilot.agent.policy.ExecutionDevice;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.runtime.Agent;
import dev.metapilot.sim.eval.EvalRun;
import dev.metapilot.sim.eval.EvalSettings;
import dev.metapilot.sim.eval.Suite;
import java.io.PrintWriter;
import dev.metapilot.env.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot eval}: runs one of the papers' evaluation protocols on held-out TEST tasks with the shipped (or
 * given) policies beside the baselines, prints the paper-style table with the published numbers, and writes PNG charts.
 * Runs on the main thread; trials run on {@code --threads} threads.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Evaluate policies with a paper's protocol on held-out TEST tasks, beside the baselines and the published "
                + "numbers.",
        "Suites: snail (SNAIL Table 5 mazes), rl2-bandits (RL² Table 1), rl2-mdps (RL² Table 2), locomotion "
                + "(adaptation curve).",
        "Example: ./metapilot eval --suite snail --trials 1000 --plot plots"})
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    private MetapilotCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "NAME", description = "snail, rl2-bandits, rl2-mdps or "
            + "locomotion.")
    private String suite;

    @Option(names = "--policy", paramLabel = "FILE", description = "An rl2/1 ONNX model to evaluate; repeat for "
            + "several. Default: snail models/maze.onnx, rl2-bandits models/bandit-*.onnx, rl2-mdps "
            + "models/tabular-mdp-*.onnx, locomotion models/locomotion.onnx.")
    private List<Path> policies = new ArrayList<>();

    @Option(names = "--memoryless", paramLabel = "FILE|none", description = "locomotion: the network trained "
            + "without memory across episodes, run restarted every episode (default: "
            + "models/locomotion-memoryless.onnx); none leaves the row out.")
    private String memoryless;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per table (default: 1000 as in "
            + "the papers, per maze size for snail; 500 for locomotion).")
    private Integer trials;

    @Option(names = "--plot", paramLabel = "DIR", description = "Write PNG charts into DIR.")
    private Path plotDir;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the tasks, resets and "
            + "action sampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--split", paramLabel = "test|train", defaultValue = "test", description = "Task split: the "
            + "held-out TEST tasks that results report (default), or TRAIN tasks, to choose among a run's exports "
            + "without touching them.")
    private String split;

    @Option(names = "--threads", paramLabel = "N", description = "Trial threads (default: one per core); results "
            + "do not depend on it.")
    private Integer threads;

    @Mixin
    private SelectionOptions selection;

    @Option(names = "--device", paramLabel = "cpu|cuda|auto", defaultValue = "cpu", description = "ONNX Runtime "
            + "device (default: ${DEFAULT-VALUE}).")
    private String device;

    @Override
    public Integer call() throws Exception {
        Suite chosen;
        EvalSettings settings;
        try {
            chosen = Suite.named(suite);
            settings = new EvalSettings(policies, memoryless, trials, Split.parse(split), seed, threads != null
                    ? threads
                    : Runtime.getRuntime().availableProcessors(), plotDir,
                    Path.of(System.getProperty(
                            "metapilot.home", ".")));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("command: ./metapilot " + String.join(" ", spec.commandLine().getParseResult()
                .originalArgs()));
        long started = System.nanoTime();
        PolicyOptions options = new PolicyOptions(ExecutionDevice.parse(device), 1, selection.requested(), parent
                .modelGate());
        try (Agent agent = parent.startAgent()) {
            chosen.run(new EvalRun(agent.plugins(), options, settings, out));
        }
        out.printf(Locale.ROOT, "evaluated in %.1f s on %d trial threads%n", (System.nanoTime() - started) / 1e9,
                settings.threads());
        out.flush();
        return 0;
    }
}
