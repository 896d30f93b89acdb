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
import dev.metapilot.env.ActuatedEnvironment;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.robot.RobotFactory;
import dev.metapilot.robot.RobotPlugin;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The figures of the real-time loop on this machine, end to end on loopback: the agent's {@link RealtimeTrialRunner}
 * drives the {@code robot} plugin over the firmware bridge against an in-process {@link Emulator}, and reports the
 * loop's period error at a given rate; and, with the link cut mid-episode, how long after the cut the emulated MCU's
 * TTL watchdog stops the motors and how long the agent's watchdog takes to stop the trial. Run by {@code metapilot
 * bench-loop} on its main thread (one trial at a time; a cut trial runs on a thread of its own).
 */
public final class LoopBenchmark {

    /**
     * What to run.
     *
     * @param dynamics the emulated robot's dynamics
     * @param policy a baseline of the robot plugin ({@code pid} drives toward the target, {@code zero} does not move)
     * @param spinNanos the loop's park/spin threshold
     */
    public record Settings(DynamicsFile dynamics, String policy, long spinNanos) {

        public Settings {
            Objects.requireNonNull(dynamics, "dynamics is null");
            Objects.requireNonNull(policy, "policy is null");
        }
    }

    /**
     * One link cut.
     *
     * @param rateHz the control rate
     * @param ttlMs the command time-to-live the robot plugin stamped at that rate
     * @param motorsStoppedMs from the cut to the emulated motors at zero (the MCU's TTL watchdog), or NaN when they
     *     were not moving at the cut
     * @param agentStoppedMs from the cut to the agent's safe stop, or NaN when it did not stop
     * @param agentCause why the agent stopped, or empty
     * @param movingAtCut whether the motors were driven when the link was cut
     */
    public record Cut(int rateHz, int ttlMs, double motorsStoppedMs, double agentStoppedMs, String agentCause,
            boolean movingAtCut) {}

    private final Settings settings;

    public LoopBenchmark(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    /** Runs one episode of {@code seconds} at {@code rateHz} and returns the loop's timing. */
    public LoopReport jitter(int rateHz, double seconds) throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorOptions.builder(settings.dynamics()).build())) {
            // a stall of the sensor path must not end a timing run: it shows in the figures instead
            EnvironmentFactory factory = robot(emulator, rateHz, seconds, 1000);
            try (Environment env = factory.create(); Policy policy = policy(factory)) {
                RealtimeResult r = runner(factory, rateHz).run(PacedEnvironment.of(env), policy, plan(factory),
                        new RealtimeListener() {
                            @Override
                            public void episodeEnded(EpisodeRecord record) {}
                        }, new StopRequest());
                if (!r.completed()) {
                    throw new IllegalStateException("the benchmark trial at " + rateHz + " Hz was stopped: " + r
                            .stop().summary());
                }
                return r.timing();
            }
        }
    }

    /** Drives at {@code rateHz} for {@code driveFirst}, cuts the link, and measures who stops when. */
    public Cut cut(int rateHz, Duration driveFirst) throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.builder(settings.dynamics()).build())) {
            EnvironmentFactory factory = robot(emulator, rateHz, 60, 100);
            AtomicReference<SafeStop> stop = new AtomicReference<>();
            long[] stoppedAt = new long[1];
            RealtimeListener listener = new RealtimeListener() {
                @Override
                public void episodeEnded(EpisodeRecord record) {}

                @Override
                public void safeStopped(SafeStop s) {
                    stoppedAt[0] = System.nanoTime();
                    stop.set(s);
                }
            };
            StopRequest request = new StopRequest();
            try (Environment env = factory.create(); Policy policy = policy(factory)) {
                Thread trial = new Thread(() -> runner(factory, rateHz).run(PacedEnvironment.of(env), policy, plan(
                        factory), listener, request), "bench-loop-trial");
                trial.start();
                emulator.robot().outputs().awaitMoveAtOrAfter(emulator.startNanos(), Duration.ofSeconds(20));
                Thread.sleep(driveFirst.toMillis());
                emulator.cutLink();
                long cut = emulator.linkCutNanos().orElseThrow();
                // the stop that follows the last command before the cut; one stamped before the cut means a stall had
                // let the TTL run out already, and the motors were at zero when the link was cut
                OutputLog log = emulator.robot().outputs();
                long lastMove = log.changes().stream().filter(ch -> !ch.stopped() && ch.nanos() - cut < 0).mapToLong(
                        OutputLog.Change::nanos).max().orElse(cut);
                long stopped = log.awaitStopAtOrAfter(lastMove + 1, Duration.ofSeconds(3)).map(OutputLog.Change::nanos)
                        .orElse(cut);
                boolean moving = stopped - cut > 0;
                double motors = moving ? (stopped - cut) / 1e6 : Double.NaN;
                trial.join(10_000);
                request.request("benchmark over");
                trial.join(10_000);
                SafeStop s = stop.get();
                double agent = s == null ? Double.NaN : (stoppedAt[0] - cut) / 1e6;
                return new Cut(rateHz, ((RobotFactory) factory).config().commandTtlMs(), motors, agent, s == null
                        ? ""
                        : s.cause().logName(), moving);
            }
        }
    }

    private RealtimeTrialRunner runner(EnvironmentFactory factory, int rateHz) {
        // misses are measured, not punished: the benchmark reports them
        LoopSettings loop = new LoopSettings(rateHz, Integer.MAX_VALUE, settings.spinNanos());
        return new RealtimeTrialRunner(factory, ActionGuard.Settings.DEFAULT, loop, new SystemLoopClock(loop
                .spinNanos()));
    }

    private static TrialPlan plan(EnvironmentFactory factory) {
        return new TrialPlan(List.of(factory.tasks().sample(Split.TEST, 0)), 1, 0);
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
     * The robot plugin on the emulator's link: one episode of {@code seconds} at {@code rateHz}, quick to settle,
     * sensors stale after {@code staleMs}.
     */
    static EnvironmentFactory robot(Emulator emulator, int rateHz, double seconds, int staleMs) {
        RobotPlugin plugin = new RobotPlugin();
        Map<String, String> o = new LinkedHashMap<>();
        o.put("link", emulator.linkUri());
        o.put("rate", Integer.toString(rateHz));
        o.put("episodes", "1");
        o.put("episode-seconds", String.format(Locale.ROOT, "%s", seconds));
        o.put("settle-seconds", "0.05");
        o.put("stale-ms", Integer.toString(staleMs));
        return plugin.configure(o);
    }
}
