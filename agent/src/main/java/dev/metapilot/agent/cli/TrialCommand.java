package dev.metapilot.agent.cli;

import dev.metapilot.agent.plugin.DiscoveredPlugin;
import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.realtime.LoopSettings;
import dev.metapilot.agent.realtime.PacedEnvironment;
import dev.metapilot.agent.realtime.RealtimeResult;
import dev.metapilot.agent.realtime.RealtimeTrialRunner;
import dev.metapilot.agent.realtime.ShutdownStop;
import dev.metapilot.agent.realtime.StopRequest;
import dev.metapilot.agent.realtime.SystemLoopClock;
import dev.metapilot.agent.runtime.Agent;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.telemetry.TelemetryLog;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.ActuatedEnvironment;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code metapilot trial}: runs RL² trials of one policy in the real-time loop, on hardware (an environment that moves
 * actuators, such as {@code robot}) or on a simulation paced like hardware; prints each episode's return as it ends
 * (the adaptation curve) with its loop timing, writes the JSONL log, and stops the hardware safely on every way out.
 * Runs on the main thread, which is the loop thread.
 */
@Command(name = "trial", mixinStandardHelpOptions = true, description = {
        "Run real-time adaptation trials of one policy in a fixed-rate loop with a watchdog and a safe stop on every exit.",
        "Example: ./metapilot trial --env robot --env-config link=tcp://127.0.0.1:7300 --policy models/locomotion.onnx --episodes 4"})
final class TrialCommand implements Callable<Integer> {

    @ParentCommand
    private MetapilotCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrialOptions options;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Agent agent = parent.startAgent()) {
            DiscoveredPlugin plugin = agent.plugins().get(options.env);
            PluginSettings settings = PluginSettings.of(plugin, EnvConfig.parseAssignments(options.envConfig),
                    options.rate, options.target);
            EnvironmentFactory factory = agent.plugins().configure(options.env, settings.config());
            LoopSettings loop = new LoopSettings(settings.rateHz(), options.maxMisses, options.spinMicros * 1000L);
            TrialPlan plan = new TrialPlan(options.tasks(factory), options.episodes != null
                    ? options.episodes
                    : factory.spec().episodesPerTrial(), options.seed);
            PolicyOpener opener = new PolicyOpener(plugin, factory, options.inference.policyOptions(parent
                    .modelGate()));
            try (Policy policy = opener.open(options.policy)) {
                return run(out, plugin, factory, settings, loop, plan, opener.describe(policy), policy);
            }
        }
    }

    private int run(PrintWriter out, DiscoveredPlugin plugin, EnvironmentFactory factory, PluginSettings settings,
            LoopSettings loop, TrialPlan plan, Map<String, Object> policyInfo, Policy policy) throws Exception {
        Path logFile = options.log != null
                ? options.log
                : Path.of("runs", "trial-" + options.env + "-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC)
                                .format(Instant.now())
                        + ".jsonl");
        ActionGuard.Settings guard = new ActionGuard.Settings(options.maxFaults, options.maxDelta);
        StopRequest stop = new StopRequest();
        RealtimeResult result;
        TrialReporter reporter;
        try (Environment created = factory.create()) {
            ActuatedEnvironment env = PacedEnvironment.of(created);
            try (ShutdownStop hook = ShutdownStop.install(env, stop, Duration.ofMillis(options.graceMs));
                    TelemetryLog log = TelemetryLog.create(logFile, header(plugin, factory, settings, loop, plan,
                            policyInfo, env != created))) {
                out.printf(Locale.ROOT, "%s: %d trial(s) x %d episodes of %s at %.0f Hz%s; Ctrl-C stops it safely%n",
                        options.env, plan.tasks().size(), plan.episodes(), policy.name(), loop.rateHz(),
                        env != created ? " (simulated, paced in real time)" : "");
                out.flush();
                reporter = new TrialReporter(out, log, factory.spec().goal());
                try {
                    result = new RealtimeTrialRunner(factory, guard, loop, new SystemLoopClock(loop.spinNanos()))
                            .run(env, policy, plan, reporter, stop);
                } finally {
                    env.safeStop();
                }
                log.event("timing_total", result.timing().toFields());
            }
        }
        if (!reporter.stats().rows().isEmpty()) {
            ResultTable.print(out, List.of(new ResultTable.Row(policy.name(), reporter.stats())), plan.episodes(),
                    factory.spec().goal());
        }
        if (options.reportJitter) {
            out.println("loop timing: " + result.timing().summary());
        }
        out.println("log: " + logFile);
        out.flush();
        if (!result.completed()) {
            throw new IllegalStateException("the trial was stopped safely: " + result.stop().summary());
        }
        return 0;
    }

    private Map<String, Object> header(DiscoveredPlugin plugin, EnvironmentFactory factory, PluginSettings settings,
            LoopSettings loop, TrialPlan plan, Map<String, Object> policyInfo, boolean simulated) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("started", Instant.now().toString());
        h.put("mode", simulated ? "realtime-simulated" : "realtime-hardware");
        h.put("plugin", ordered("name", plugin.name(), "jar", plugin.origin()));
        h.put("env", ordered("id", factory.spec().id(), "config", settings.assignments(), "observation_space",
                factory.spec().observationSpace().toString(), "action_space", factory.spec().actionSpace()
                        .toString()));
        h.put("policies", List.of(policyInfo));
        h.put("tasks", plan.tasks().stream().map(t -> ordered("id", t.id(), "properties", t.properties())).toList());
        h.put("episodes", plan.episodes());
        h.put("seed", plan.seed());
        h.put("loop", ordered("rate_hz", loop.rateHz(), "max_consecutive_misses", loop.maxConsecutiveMisses(),
                "spin_us", loop.spinNanos() / 1000));
        h.put("guard", ordered("max_faults", options.maxFaults, "max_delta", options.maxDelta));
        h.put("selection", options.inference.describeSelection());
        return h;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
