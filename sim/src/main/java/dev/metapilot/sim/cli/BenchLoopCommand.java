package dev.metapilot.sim.cli;

import dev.metapilot.agent.realtime.LoopReport;
import dev.metapilot.sim.emulate.LoopBenchmark;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import ch.qos.logback.classic.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot bench-loop}: the real-time loop's figures on this machine against the emulator on loopback: period
 * error and lateness (p50/p99/max) and deadline misses at each rate, then the time from a cut link to the motors
 * stopped (the MCU's TTL watchdog) and to the agent's safe stop. Runs on the main thread.
 */
@Command(name = "bench-loop", mixinStandardHelpOptions = true, description = {
        "Measure the real-time loop against the emulator on loopback: jitter per rate, then link loss to motors stopped.",
        "Example: ./metapilot bench-loop --rates 50,200 --seconds 20 --cuts 5"})
final class BenchLoopCommand implements Callable<Integer> {

    private static final List<String> QUIETED = List.of("dev.metapilot.bridge", "dev.metapilot.robot");

    @Spec
    private CommandSpec spec;

    @Option(names = "--rates", paramLabel = "HZ[,HZ...]", description = "Control rates to time (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "50,200", split = ",")
    private List<Integer> rates;

    @Option(names = "--seconds", paramLabel = "S", description = "Seconds per rate, 1..60 (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    private int seconds;

    @Option(names = "--cuts", paramLabel = "N", description = "Link cuts to time, 0 for none (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "5")
    private int cuts;

    @Option(names = "--cut-rate", paramLabel = "HZ", description = "Control rate during the cuts (default: "
            + "${DEFAULT-VALUE}, the locomotion rate).", defaultValue = "20")
    private int cutRate;

    @Mixin
    private EmulatedRobotOptions robot = new EmulatedRobotOptions();

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 60) {
            throw new IllegalArgumentException("--seconds must be in 1..60, got " + seconds);
        }
        if (cuts < 0) {
            throw new IllegalArgumentException("--cuts must be >= 0, got " + cuts);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Level> levels = quietLinkWarnings();
        try {
            bench(out);
        } finally {
            restore(levels);
        }
        return 0;
    }

    private void bench(PrintWriter out) throws Exception {
        LoopBenchmark bench = new LoopBenchmark(new LoopBenchmark.Settings(robot.readDynamics(), robot.policy,
                robot.spinNanos()));
        out.printf(Locale.ROOT, "real-time loop against the emulator on loopback: robot plugin over the bridge, policy "
                + "%s, %d s per rate, spin %d µs, %d CPUs%n", robot.policy, seconds, robot.spinMicros,
                Runtime.getRuntime()
                        .availableProcessors());
        out.printf("%-8s %7s %7s %28s %28s%n", "RATE", "TICKS", "MISSES", "PERIOD ERROR p50/p99/max µs",
                "LATENESS p50/p99/max µs");
        out.flush();
        for (int rate : rates) {
            LoopReport r = bench.jitter(rate, seconds);
            out.printf(Locale.ROOT, "%-8s %7d %7d %28s %28s%n", rate + " Hz", r.ticks(), r.misses(), triple(r
                    .periodErrorP50(), r.periodErrorP99(), r.periodErrorMax()), triple(r.latenessP50(),
                            r
                                    .latenessP99(),
                            r.latenessMax()));
            out.flush();
        }
        if (cuts > 0) {
            List<LoopBenchmark.Cut> results = new ArrayList<>();
            for (int i = 0; i < cuts; i++) {
                results.add(bench.cut(cutRate, Duration.ofMillis(1000 + 137L * i)));
            }
            LoopBenchmark.Cut first = results.get(0);
            out.printf(Locale.ROOT, "link cut at %d Hz (command TTL %d ms), %d cuts:%n", cutRate, first.ttlMs(), cuts);
            long atRest = results.stream().filter(c -> !c.movingAtCut()).count();
            if (atRest > 0) {
                out.println("  (" + atRest + " cut(s) came while the motors were at zero: no stop to time)");
            }
            out.println("  cut to motors stopped (MCU TTL watchdog): " + spread(results.stream().mapToDouble(
                    LoopBenchmark.Cut::motorsStoppedMs).toArray()) + " ms");
            out.println("  cut to the agent's safe stop:             " + spread(results.stream().mapToDouble(
                    LoopBenchmark.Cut::agentStoppedMs).toArray()) + " ms (" + String.join(", ", results.stream()
                            .map(
                                    LoopBenchmark.Cut::agentCause)
                            .distinct().toList())
                    + ")");
        }
        out.flush();
    }

    /** Work that may throw, run by {@link #quietly}. */
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} with the link's warnings quieted (see {@link #quietLinkWarnings()}). */
    static <T> T quietly(Work<T> work) throws Exception {
        List<Level> levels = quietLinkWarnings();
        try {
            return work.run();
        } finally {
            restore(levels);
        }
    }

    /**
     * Every benchmark trial ends with the link closed and every cut with stale sensors; the link's warnings about that
     * would bury the table (unless {@code -v} asked for everything).
     */
    private static List<Level> quietLinkWarnings() {
        List<Level> before = new ArrayList<>();
        boolean verbose = LoggerFactory.getLogger("dev.metapilot").isDebugEnabled();
        for (String name : QUIETED) {
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
            before.add(logger.getLevel());
            if (!verbose) {
                logger.setLevel(Level.ERROR);
            }
        }
        return before;
    }

    private static void restore(List<Level> levels) {
        for (int i = 0; i < QUIETED.size(); i++) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(QUIETED.get(i))).setLevel(levels.get(i));
        }
    }

    private static String triple(double a, double b, double c) {
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", a, b, c);
    }

    /** {@code min / median / max} of the finite values, and how many were not. */
    private static String spread(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "min %.1f / median %.1f / max %.1f", v[0], v[v.length / 2],
                v[v.length - 1]);
        return v.length == values.length ? s : s + " (" + (values.length - v.length) + " not measured)";
    }
}
