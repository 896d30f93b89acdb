package dev.metapilot.sim.cli;

import dev.metapilot.sim.emulate.SoakBenchmark;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metapilot soak}: the long run of {@link SoakBenchmark}: one line per minute (heap after a full collection,
 * deadline misses, faults, steps), then the heap's slope over the minutes after the first two and a verdict,
 * {@code flat} when it grows by less than {@value #FLAT_BYTES_PER_MINUTE} bytes a minute (64 KiB: under 2 MiB in 30
 * minutes, where one leaked object per 200 Hz step, 16 bytes or more, would be at least 187 KiB a minute). Exits 1 when
 * the heap is not flat. Runs on the main thread, in real time.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, description = {
        "Long run: the agent drives the robot plugin against the emulator, trial after trial, reporting the heap after "
                + "each minute, deadline misses and faults; the heap must be flat.",
        "Runs in real time (the emulator's physics follows the MCU's clock).",
        "Example: ./metapilot soak --minutes 30 --rate 200"})
final class SoakCommand implements Callable<Integer> {

    /** The largest heap growth, bytes a minute, that counts as flat. */
    static final long FLAT_BYTES_PER_MINUTE = 64 * 1024;

    /** Minutes left out of the slope: class loading, JIT and first-use buffers. */
    static final int WARM_UP_MINUTES = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "M", description = "Minutes of control time (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "30")
    private int minutes;

    @Option(names = "--rate", paramLabel = "HZ", description = "Control rate (default: ${DEFAULT-VALUE}).", defaultValue = "200")
    private int rate;

    @Option(names = "--minute-seconds", paramLabel = "S", description = "Seconds in a reported minute; less than 60 "
            + "only to test the command (default: ${DEFAULT-VALUE}).", defaultValue = "60")
    private double minuteSeconds;

    @Option(names = "--episode-seconds", paramLabel = "S", description = "Episode length, 1..60 s (default: "
            + "${DEFAULT-VALUE}).", defaultValue = "10")
    private double episodeSeconds;

    @Mixin
    private EmulatedRobotOptions robot = new EmulatedRobotOptions();

    @Override
    public Integer call() throws Exception {
        if (minutes < 1 || rate < 1 || !(minuteSeconds >= 1) || !(episodeSeconds >= 1 && episodeSeconds <= 60)) {
            throw new IllegalArgumentException("--minutes and --rate must be >= 1, --minute-seconds >= 1, "
                    + "--episode-seconds in 1..60");
        }
        PrintWriter out = spec.commandLine().getOut();
        SoakBenchmark soak = new SoakBenchmark(new SoakBenchmark.Settings(robot.readDynamics(), robot.policy,
                rate, minutes, minuteSeconds, episodeSeconds, robot.spinNanos()));
        out.printf(Locale.ROOT, "soak: robot plugin over the bridge against the emulator, policy %s, %d Hz, %d minutes "
                + "of %s s, episodes of %s s, %d CPUs, max heap %d MiB%n", robot.policy, rate, minutes, minuteSeconds,
                episodeSeconds, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.printf("%-6s %12s %8s %10s %7s %9s %8s %10s%n", "MINUTE", "HEAP KiB", "WALL s", "STEPS", "MISSES",
                "SAFESTOPS", "GUARD", "LINK");
        out.flush();
        List<SoakBenchmark.Minute> result = BenchLoopCommand.quietly(() -> soak.run(m -> {
            out.printf(Locale.ROOT, "%-6d %12d %8.1f %10d %7d %9d %8d %10d%n", m.minute(), m.heapUsed() >> 10, m
                    .wallSeconds(), m.steps(), m.misses(), m.faults().safeStops(), m.faults().guardFaults(),
                    m
                            .faults().reconnects() + m.faults().rejectedFrames());
            out.flush();
        }));
        soak.stops().forEach(s -> out.println("safe stop: " + s.summary()));
        SoakBenchmark.Minute last = result.get(result.size() - 1);
        double slope = SoakBenchmark.slope(result, WARM_UP_MINUTES);
        boolean flat = !(slope >= FLAT_BYTES_PER_MINUTE);
        out.printf(Locale.ROOT, "summary: %d minutes, %d steps, %d deadline misses (%.4f%%), %d faults; heap %d KiB "
                + "after minute 1, %d KiB at the end; slope %s over minutes %d..%d; %s (threshold %d KiB/min)%n",
                result.size(), last.steps(), last.misses(), 100.0 * last.misses() / Math.max(1, last.steps()), last
                        .faults().total(),
                result.get(0).heapUsed() >> 10, last.heapUsed() >> 10, Double.isNaN(slope)
                        ? "n/a (too few minutes)"
                        : String.format(Locale.ROOT, "%+.1f KiB/min", slope / 1024),
                Math.min(
                        WARM_UP_MINUTES + 1, result.size()),
                result.size(), flat
                        ? "flat"
                        : "GROWING",
                FLAT_BYTES_PER_MINUTE >> 10);
        out.flush();
        return flat ? 0 : 1;
    }
}
