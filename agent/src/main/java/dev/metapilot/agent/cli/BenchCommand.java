package dev.metapilot.agent.cli;

import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.policy.SyntheticTrial;
import dev.metapilot.agent.runtime.Agent;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvSpec;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code metapilot bench}: the batch-1 step latency of an ONNX policy ({@link OnnxPolicy#act}) after warm-up, as
 * percentiles, and the Java bytes allocated per step, on synthetic observations. Runs on the main thread.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measure the per-step latency (p50, p99, p99.9, max) and Java allocation of an ONNX policy at batch 1.",
        "Observations are synthetic (uniform within the observation space); episodes end every min(max steps, 200) steps.",
        "Example: ./metapilot bench --policy models/maze.onnx --env maze --steps 200000"}, sortOptions = false)
final class BenchCommand implements Callable<Integer> {

    /** Episode length when the model runs without a plugin, and the cap on a plugin's episode length. */
    static final int EPISODE_STEPS = 200;

    @ParentCommand
    private MetapilotCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The ONNX policy (rl2/1 contract).")
    private Path policy;

    @Option(names = "--env", paramLabel = "NAME", description = "Check the policy against this plugin's spec first (default: use the spaces in the model's metadata).")
    private String env;

    @Option(names = "--env-config", paramLabel = "K=V[,K=V...]", description = "Plugin options, with --env.")
    private String envConfig = "";

    @Option(names = "--steps", defaultValue = "100000", paramLabel = "N", description = "Measured steps (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup", defaultValue = "20000", paramLabel = "N", description = "Steps run before measuring, for the JIT and ONNX Runtime (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Mixin
    private InferenceOptions inference;

    @Override
    public Integer call() {
        PolicyOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        try (OnnxPolicy p = open(options)) {
            EnvSpec envSpec = p.spec();
            SyntheticTrial trial = new SyntheticTrial(envSpec, Math.min(envSpec.maxEpisodeSteps(), EPISODE_STEPS), 1);
            p.beginTrial(() -> "bench", 1);
            for (int i = 0; i < warmup; i++) {
                trial.next();
                p.act(trial.input(), trial.action());
            }
            com.sun.management.ThreadMXBean threads = allocationCounter();
            long[] nanos = new long[steps];
            int nonFinite = 0;
            long bytesBefore = threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < steps; i++) {
                trial.next();
                long start = System.nanoTime();
                boolean ok = p.act(trial.input(), trial.action());
                nanos[i] = System.nanoTime() - start;
                nonFinite += ok ? 0 : 1;
            }
            long bytes = threads == null ? -1 : threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            print(out, p, nanos, bytes, nonFinite);
        }
        out.flush();
        return 0;
    }

    private PolicyOptions options() {
        if (steps < 1) {
            throw new ParameterException(spec.commandLine(), "--steps must be >= 1, got " + steps);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
        try {
            return inference.policyOptions(parent.modelGate());
        } catch (java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), "--trust: " + e.getMessage());
        }
    }

    private OnnxPolicy open(PolicyOptions options) {
        if (env == null) {
            return OnnxPolicy.openStandalone(policy, options, EPISODE_STEPS);
        }
        try (Agent agent = parent.startAgent()) {
            EnvSpec envSpec = agent.plugins().configure(env, EnvConfig.parseAssignments(envConfig)).spec();
            return OnnxPolicy.open(policy, options, envSpec, env);
        }
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t && t
                .isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }

    private void print(PrintWriter out, OnnxPolicy p, long[] nanos, long bytes, int nonFinite) {
        EnvSpec s = p.spec();
        out.println("policy  " + p.file() + " (sha256 " + p.sha256().substring(0, 12) + ", hidden "
                + p.metadata().hiddenSize() + " x " + p.metadata().layers() + " layer(s))");
        out.println("spaces  " + PluginsCommand.compact(s.observationSpace()) + " -> " + PluginsCommand.compact(s
                .actionSpace())
                + (env == null
                        ? " (from the model metadata)"
                        : " (checked against plugin '" + env + "')"));
        out.println("run     " + p.device() + ", " + inference.threads() + " intra-op thread(s), " + p.selection()
                + " actions, batch 1, " + steps + " steps after " + warmup + " warm-up steps");
        out.println();
        Arrays.sort(nanos);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"P50 US", "P99 US", "P99.9 US", "MAX US", "MEAN US", "BYTES/STEP"});
        double mean = Arrays.stream(nanos).average().orElse(0);
        rows.add(new String[]{micros(percentile(nanos, 0.50)), micros(percentile(nanos, 0.99)), micros(percentile(
                nanos, 0.999)), micros(nanos[nanos.length - 1]), micros(mean), bytes < 0
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", (double) bytes / nanos.length)});
        Table.print(out, rows);
        if (nonFinite > 0) {
            out.println();
            out.println("warning: " + nonFinite + " of " + steps + " steps had non-finite outputs");
        }
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String micros(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }
}
