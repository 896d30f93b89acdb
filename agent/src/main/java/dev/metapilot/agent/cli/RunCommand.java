package dev.metapilot.agent.cli;

import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.runtime.Agent;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.telemetry.TelemetryLog;
import dev.metapilot.agent.trial.EpisodeStats;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.agent.trial.TrialRunner;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot run}: runs trials of one environment with one or more policies (model files or baselines by name) on
 * the same tasks, prints the per-episode table with 95% confidence intervals, and writes a JSONL log.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = {
        "Run trials of an environment with one or more policies on the same held-out tasks.",
        "Example: ./metapilot run --env maze --policy random --policy oracle --trials 200"})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private MetapilotCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment plugin.")
    private String env;

    @Option(names = "--env-config", paramLabel = "K=V[,K=V...]", description = "Plugin options ("
            + "`./metapilot plugins --details` lists them).")
    private String envConfig = "";

    @Option(names = "--policy", required = true, paramLabel = "FILE|BASELINE", description = "An rl2/1 ONNX model or a baseline name; repeat for one row per policy.")
    private List<String> policies;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per policy (default: 100, or every task of "
            + "--tasks).")
    private Integer trials;

    @Option(names = "--episodes", paramLabel = "K", description = "Episodes per trial (default: the plugin's).")
    private Integer episodes;

    @Option(names = "--split", paramLabel = "train|test", description = "Task split (default: ${DEFAULT-VALUE}).", defaultValue = "test")
    private String split;

    @Option(names = "--tasks", paramLabel = "FILE", description = "Read the tasks from a file in the plugin's format.")
    private Path tasksFile;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of tasks, resets and sampling (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "0")
    private long seed;

    @Option(names = "--log", paramLabel = "DIR", description = "Directory for the JSONL run log (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "runs")
    private Path logDir;

    @Option(names = "--max-faults", paramLabel = "N", description = "Guard faults after which a trial stops "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "3")
    private int maxFaults;

    @Option(names = "--max-delta", paramLabel = "X", description = "Rate limit: largest change of a continuous action "
            + "per step, 0 for none (default: ${DEFAULT-VALUE}).", defaultValue = "0")
    private float maxDelta;

    @Mixin
    private InferenceOptions inference;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ActionGuard.Settings guard = new ActionGuard.Settings(maxFaults, maxDelta);
        try (Agent agent = parent.startAgent()) {
            DiscoveredPlugin plugin = agent.plugins().get(env);
            EnvironmentFactory factory = agent.plugins().configure(env, EnvConfig.parseAssignments(envConfig));
            TrialPlan plan = new TrialPlan(tasks(factory), episodes != null
                    ? episodes
                    : factory.spec()
                            .episodesPerTrial(),
                    seed);
            PolicyOpener opener = new PolicyOpener(plugin, factory, inference.policyOptions(parent
                    .modelGate()));
            List<Policy> opened = new ArrayList<>();
            try {
                for (String p : policies) {
                    opened.add(opener.open(p));
                }
                Map<String, Object> header = header(plugin, factory, plan, opener, opened);
                Path logFile = logDir.resolve("run-" + env + "-" + DateTimeFormatter.ofPattern(
                        "yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(Instant.now()) + ".jsonl");
                List<ResultTable.Row> rows = new ArrayList<>();
                try (TelemetryLog log = TelemetryLog.create(logFile, header)) {
                    TrialRunner runner = new TrialRunner(factory, guard);
                    for (Policy policy : opened) {
                        EpisodeStats stats = new EpisodeStats();
                        runner.run(policy, plan, r -> {
                            log.episodeEnded(r);
                            stats.episodeEnded(r);
                        });
                        rows.add(new ResultTable.Row(policy.name(), stats));
                    }
                }
                out.printf("%s on %d %s tasks, %d episodes per trial, seed %d%n", env, plan.tasks().size(),
                        tasksFile != null ? tasksFile.toString() : split.toUpperCase(java.util.Locale.ROOT), plan
                                .episodes(),
                        seed);
                ResultTable.print(out, rows, plan.episodes(), factory.spec().goal());
                out.println("log: " + logFile);
            } finally {
                for (Policy p : opened) {
                    p.close();
                }
            }
        }
        out.flush();
        return 0;
    }

    private List<Task> tasks(EnvironmentFactory factory) throws Exception {
        return TaskList.of(factory, env, tasksFile, split, trials, 100, seed);
    }

    private Map<String, Object> header(DiscoveredPlugin plugin, EnvironmentFactory factory, TrialPlan plan,
            PolicyOpener opener, List<Policy> opened) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("started", Instant.now().toString());
        h.put("plugin", Map.of("name", plugin.name(), "jar", plugin.origin()));
        h.put("env", Map.of("id", factory.spec().id(), "config", envConfig, "observation_space", factory.spec()
                .observationSpace().toString(), "action_space", factory.spec().actionSpace().toString()));
        List<Object> ps = new ArrayList<>();
        for (Policy p : opened) {
            ps.add(opener.describe(p));
        }
        h.put("policies", ps);
        h.put("split", tasksFile != null ? "file:" + tasksFile : split);
        h.put("trials", plan.tasks().size());
        h.put("episodes", plan.episodes());
        h.put("seed", seed);
        h.put("guard", Map.of("max_faults", maxFaults, "max_delta", maxDelta));
        h.put("selection", inference.describeSelection());
        h.put("device", inference.device.toString());
        return h;
    }
}
