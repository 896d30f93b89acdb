package dev.metapilot.sim.emulate;

import dev.metapilot.agent.policy.BaselinePolicy;
import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.realtime.LoopReport;
import dev.metapilot.agent.realtime.LoopSettings;
import dev.metapilot.agent.realtime.PacedEnvironment;
import dev.metapilot.agent.realtime.RealtimeListener;
import dev.metapilot.agent.realtime.RealtimeResult;
import dev.metapilot.agent.realtime.RealtimeTrialRunner;
import dev.metapilot.agent.realtime.SafeStop;
import dev.metapilot.agent.realtime.StopRequest;
import dev.metapilot.agent.realtime.SystemLoopClock;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The long run: the agent's {@link RealtimeTrialRunner} drives the {@code robot} plugin over the firmware bridge
 * against one in-process {@link Emulator}, trial after trial, for a number of minutes of control time (a minute is
 * {@code minuteSeconds · rate} control steps). After the episode in which each minute's steps are reached, between
 * episodes (so the collection is no deadline miss), it runs {@link System#gc()} and reports the heap used then, the
 * deadline misses, the faults and the steps so far. The emulator's physics runs on the MCU's wall clock, so the soak
 * runs in real time. A run that ends in a safe stop is counted as a fault and the soak goes on with a new connection.
 *
 * <p>
 * Run on the caller's thread; the minute callback runs on it too.
 */
public final class SoakBenchmark {

    /** Episodes per trial (the RL² trial length). */
    static final int EPISODES_PER_TRIAL = 4;

    /**
     * What to run.
     *
     * @param dynamics the emulated robot's dynamics
     * @param policy a baseline of the robot plugin
     * @param rateHz the control rate
     * @param minutes minutes of control time to run
     * @param minuteSeconds seconds in a "minute" (60; less in tests)
     * @param episodeSeconds episode length, 1..60 s
     * @param spinNanos the loop's park/spin threshold
     */
    public record Settings(DynamicsFile dynamics, String policy, int rateHz, int minutes, double minuteSeconds,
            double episodeSeconds, long spinNanos) {

        public Settings {
            Objects.requireNonNull(dynamics, "dynamics is null");
            Objects.requireNonNull(policy, "policy is null");
            if (minutes < 1 || rateHz < 1 || !(minuteSeconds > 0) || !(episodeSeconds >= 1)) {
                throw new IllegalArgumentException("minutes, rate, minute seconds must be positive, episode seconds "
                        + ">= 1");
            }
        }

        long stepsPerMinute() {
            return Math.round(minuteSeconds * rateHz);
        }
    }

    /**
     * The state after one minute.
     *
     * @param minute 1, 2, ...
     * @param heapUsed heap used right after a full collection, bytes
     * @param steps control steps so far
     * @param misses deadlines missed so far
     * @param faults faults so far (see {@link Faults})
     * @param wallSeconds wall time since the start
     */
    public record Minute(int minute, long heapUsed, long steps, long misses, Faults faults, double wallSeconds) {}

    /**
     * Faults so far.
     *
     * @param safeStops runs that ended in a safe stop (link down, stale sensors, e-stop, controller fault, ...)
     * @param guardFaults policy outputs the action guard replaced
     * @param reconnects host connections beyond one per run
     * @param rejectedFrames frames the MCU rejected (bad CRC, malformed)
     */
    public record Faults(long safeStops, long guardFaults, long reconnects, long rejectedFrames) {

        /** All of them. */
        public long total() {
            return safeStops + guardFaults + reconnects + rejectedFrames;
        }
    }

    private final Settings settings;
    private long steps;
    private long misses;
    private long guardFaults;
    private long safeStops;
    private long runs;
    private final List<SafeStop> stops = new ArrayList<>();

    public SoakBenchmark(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    /** Runs the soak, calling {@code onMinute} after each minute, and returns every minute. */
    public List<Minute> run(Consumer<Minute> onMinute) throws IOException {
        List<Minute> minutes = new ArrayList<>(settings.minutes());
        long start = System.nanoTime();
        try (Emulator emulator = Emulator.start(EmulatorOptions.builder(settings.dynamics()).build())) {
            EnvironmentFactory factory = LoopBenchmark.robot(emulator, settings.rateHz(), settings.episodeSeconds(),
                    100);
            StopRequest request = new StopRequest();
            RealtimeListener listener = new RealtimeListener() {
                @Override
                public void episodeTiming(int trial, int episode, LoopReport report) {
                    misses += report.misses();
                }

                @Override
                public void episodeEnded(EpisodeRecord record) {
                    steps += record.steps();
                    guardFaults += record.faults();
                    while (minutes.size() < settings.minutes() && steps >= (minutes.size() + 1) * settings
                            .stepsPerMinute()) {
                        Minute m = new Minute(minutes.size() + 1, heapAfterGc(), steps, misses, faults(emulator),
                                (System.nanoTime() - start) / 1e9);
                        minutes.add(m);
                        onMinute.accept(m);
                    }
                    if (minutes.size() == settings.minutes()) {
                        request.request("soak over");
                    }
                }
            };
            TrialPlan plan = plan(factory);
            while (!request.requested()) {
                runs++;
                try (Environment env = factory.create(); Policy policy = policy(factory)) {
                    RealtimeResult r = runner(factory).run(PacedEnvironment.of(env), policy, plan, listener,
                            request);
                    r.safeStop().filter(s -> s.cause() != SafeStop.Cause.REQUESTED).ifPresent(s -> {
                        safeStops++;
                        stops.add(s);
                    });
                }
            }
        }
        return minutes;
    }

    /** The safe stops that were not the end of the soak. */
    public List<SafeStop> stops() {
        return List.copyOf(stops);
    }

    private Faults faults(Emulator emulator) {
        return new Faults(safeStops, guardFaults, Math.max(0, emulator.connections() - runs), emulator.mcu()
                .rejectedFrames());
    }

    /** Heap used after a full collection, bytes. */
    static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Enough trials for the whole soak, built before the first step so the plan itself does not grow. */
    private TrialPlan plan(EnvironmentFactory factory) {
        long episodeSteps = Math.round(settings.episodeSeconds() * settings.rateHz());
        long episodes = (settings.minutes() * settings.stepsPerMinute() + episodeSteps - 1) / episodeSteps;
        int trials = (int) Math.min(100_000, episodes / EPISODES_PER_TRIAL + 2);
        List<Task> tasks = new ArrayList<>(trials);
        for (int i = 0; i < trials; i++) {
            tasks.add(factory.tasks().sample(Split.TEST, i));
        }
        return new TrialPlan(tasks, EPISODES_PER_TRIAL, 0);
    }

    private RealtimeTrialRunner runner(EnvironmentFactory factory) {
        // misses are measured and counted, not a reason to stop: the soak reports them
        LoopSettings loop = new LoopSettings(settings.rateHz(), Integer.MAX_VALUE, settings.spinNanos());
        return new RealtimeTrialRunner(factory, ActionGuard.Settings.DEFAULT, loop, new SystemLoopClock(loop
                .spinNanos()));
    }

    private Policy policy(EnvironmentFactory factory) {
        for (Baseline b : factory.baselines()) {
            if (b.name().equals(settings.policy())) {
                return new BaselinePolicy(b);
            }
        }
        throw new IllegalArgumentException("the robot plugin has no baseline '" + settings.policy() + "'");
    }

    /**
     * The heap's growth, bytes per minute: the least-squares slope of heap used over the minutes after the first
     * {@code skip} (warm-up: class loading, JIT, buffers sized on first use); NaN with fewer than two minutes left.
     */
    public static double slope(List<Minute> minutes, int skip) {
        List<Minute> m = minutes.subList(Math.min(skip, minutes.size()), minutes.size());
        if (m.size() < 2) {
            return Double.NaN;
        }
        double mx = m.stream().mapToDouble(Minute::minute).average().orElseThrow();
        double my = m.stream().mapToDouble(Minute::heapUsed).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (Minute x : m) {
            num += (x.minute() - mx) * (x.heapUsed() - my);
            den += (x.minute() - mx) * (x.minute() - mx);
        }
        return num / den;
    }
}
