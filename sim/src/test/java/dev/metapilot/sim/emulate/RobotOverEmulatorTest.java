package dev.metapilot.sim.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import dev.metapilot.agent.policy.BaselinePolicy;
import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.realtime.LoopSettings;
import dev.metapilot.agent.realtime.RealtimeListener;
import dev.metapilot.agent.realtime.RealtimeResult;
import dev.metapilot.agent.realtime.RealtimeTrialRunner;
import dev.metapilot.agent.realtime.SafeStop;
import dev.metapilot.agent.realtime.StopRequest;
import dev.metapilot.agent.realtime.SystemLoopClock;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.bridge.host.LinkStats;
import dev.metapilot.env.Split;
import dev.metapilot.robot.RobotEnvironment;
import dev.metapilot.robot.RobotFactory;
import dev.metapilot.robot.RobotPlugin;
import dev.metapilot.robot.bridge.BridgeDriveIO;
import dev.metapilot.sim.testing.EmulatorHost;
import dev.metapilot.sim.testing.LocomotionModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's real-time loop driving the {@code robot} plugin over the firmware bridge against the emulator on
 * loopback: a full trial through {@code metapilot trial} with a locomotion-shaped ONNX policy, and the link faults of
 * the robot issue: 10% of frames dropped and corrupted frames (the trial completes, both sides count them), and the
 * link cut mid-episode (the emulator's TTL watchdog stops the motors within the TTL, the agent safe-stops and says
 * why). Thresholds that no scheduling hiccup of a loaded machine reaches (stale-ms 300, up to 10 missed deadlines) keep
 * the fault-free parts from flaking; bounds on times are generous.
 */
class RobotOverEmulatorTest {

    /** Slack for the MCU loop thread and the scheduler on a loaded two-core machine. */
    private static final double SLACK_MS = 150;

    @TempDir
    Path tmp;

    private static EmulatorOptions.Builder emulator() throws Exception {
        return EmulatorOptions.builder(DynamicsFile.read("../plugins/locomotion/examples/tasks.json", null));
    }

    private static RobotFactory robot(Emulator emulator, String... extra) {
        RobotPlugin plugin = new RobotPlugin();
        Map<String, String> o = new LinkedHashMap<>();
        o.put("link", emulator.linkUri());
        o.put("episodes", "2");
        o.put("episode-seconds", "1");
        o.put("settle-seconds", "0.05");
        o.put("stale-ms", "300");
        for (int i = 0; i < extra.length; i += 2) {
            o.put(extra[i], extra[i + 1]);
        }
        return (RobotFactory) plugin.configure(o);
    }

    /** What a run reported. */
    private static final class Recorder implements RealtimeListener {
        final List<EpisodeRecord> episodes = new CopyOnWriteArrayList<>();
        final AtomicReference<SafeStop> stop = new AtomicReference<>();
        volatile long stoppedNanos;

        @Override
        public void episodeEnded(EpisodeRecord record) {
            episodes.add(record);
        }

        @Override
        public void safeStopped(SafeStop s) {
            stoppedNanos = System.nanoTime();
            stop.set(s);
        }
    }

    private static RealtimeResult run(RobotFactory factory, RobotEnvironment env, Policy policy, Recorder recorder,
            StopRequest stop) {
        LoopSettings loop = new LoopSettings(factory.config().rate(), 10, LoopSettings.DEFAULT_SPIN_NANOS);
        return new RealtimeTrialRunner(factory, ActionGuard.Settings.DEFAULT, loop, new SystemLoopClock(loop
                .spinNanos())).run(env, policy, new TrialPlan(List.of(factory.tasks().sample(Split.TEST, 0)), factory
                        .spec().episodesPerTrial(), 0), recorder, stop);
    }

    private static Policy pid(RobotFactory factory) {
        return new BaselinePolicy(factory.baselines().stream().filter(b -> b.name().equals("pid")).findFirst()
                .orElseThrow());
    }

    @Test
    void aFullTrialWithALocomotionPolicyThroughTheTrialCommand() throws Exception {
        fullTrial(LocomotionModels.untrained(tmp.resolve("locomotion-fixture.onnx"), 11));
    }

    /** The shipped locomotion policy runs unchanged on the robot over the bridge (issue: sim-to-real). */
    @Test
    void aFullTrialWithTheShippedLocomotionPolicy() throws Exception {
        fullTrial(Path.of("..", "models", "locomotion.onnx"));
    }

    private void fullTrial(Path model) throws Exception {
        String name = model.getFileName().toString();
        Path log = tmp.resolve("trial-" + name + ".jsonl");
        try (Emulator emulator = Emulator.start(emulator().build())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int rc = Main.execute(new String[]{"trial", "--env", "robot", "--env-config", "link=" + emulator.linkUri()
                    + ",episodes=3,episode-seconds=1,settle-seconds=0.05,stale-ms=300", "--policy", model.toString(),
                    "--target", "velocity=0.25,heading=0", "--max-misses", "10", "--report-jitter", "--log", log
                            .toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(rc).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("robot: 1 trial(s) x 3 episodes of " + name + " at 20 Hz;",
                    "trial 1 episode 3: return", "loop timing: 20 Hz").doesNotContain("simulated");
            List<String> lines = Files.readAllLines(log);
            assertThat(lines.get(0)).contains("\"mode\":\"realtime-hardware\"", "\"kind\":\"onnx\"",
                    "target-velocity=0.25");
            assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"episode\""))).hasSize(3).allSatisfy(
                    l -> assertThat(l).contains("\"steps\":20,", "\"end\":\"truncated\""));
            assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"end\",\"episodes\":3}");
            assertThat(emulator.mcu().commandsApplied()).isGreaterThanOrEqualTo(60);
            assertThat(emulator.robot().motion().physicsSteps()).isPositive();
            assertThat(emulator.robot().outputs().stoppedNow()).as("motors at zero after the trial").isTrue();
        }
    }

    @Test
    void withTenPercentOfFramesDroppedTheTrialCompletesAndBothSidesCountTheLosses() throws Exception {
        LinkFaults drop = LinkFaults.NONE.withDrop(0.1).withSeed(5);
        try (Emulator emulator = Emulator.start(emulator().faults(drop).build())) {
            RobotFactory factory = robot(emulator);
            Recorder recorder = new Recorder();
            try (RobotEnvironment env = factory.create(); Policy policy = pid(factory)) {
                RealtimeResult result = run(factory, env, policy, recorder, new StopRequest());
                assertThat(result.completed()).as("stopped: %s", result.stop()).isTrue();
                assertThat(recorder.episodes).hasSize(2).allSatisfy(e -> assertThat(e.steps()).isEqualTo(20));
                LinkStats stats = ((BridgeDriveIO) env.drive()).stats();
                FaultCounters.Snapshot c = emulator.faults();
                assertThat(c.droppedToHost()).isPositive();
                assertThat(c.droppedToMcu()).isPositive();
                assertThat(stats.framesLost()).as("the host counts the MCU's lost frames").isPositive();
                assertThat(stats.connects()).isEqualTo(1);
            }
        }
    }

    @Test
    void corruptedFramesAreRejectedAndCountedAndTheTrialCompletes() throws Exception {
        LinkFaults corrupt = LinkFaults.NONE.withCorrupt(0.05).withSeed(9);
        try (Emulator emulator = Emulator.start(emulator().faults(corrupt).build())) {
            RobotFactory factory = robot(emulator);
            Recorder recorder = new Recorder();
            try (RobotEnvironment env = factory.create(); Policy policy = pid(factory)) {
                RealtimeResult result = run(factory, env, policy, recorder, new StopRequest());
                assertThat(result.completed()).as("stopped: %s", result.stop()).isTrue();
                LinkStats stats = ((BridgeDriveIO) env.drive()).stats();
                FaultCounters.Snapshot c = emulator.faults();
                assertThat(c.corruptedToHost()).isPositive();
                assertThat(stats.rejectedTotal()).as("the host rejects corrupted frames").isPositive()
                        .isLessThanOrEqualTo(c.corruptedToHost());
                assertThat(emulator.mcu().rejectedFrames()).as("the MCU rejects corrupted frames").isPositive();
            }
        }
    }

    @Test
    void aLinkCutMidEpisodeStopsTheMotorsWithinTheTtlAndTheAgentSafeStops() throws Exception {
        try (Emulator emulator = Emulator.start(emulator().build())) {
            RobotFactory factory = robot(emulator, "episode-seconds", "20", "stale-ms", "100");
            int ttl = factory.config().commandTtlMs();
            Recorder recorder = new Recorder();
            AtomicReference<RealtimeResult> result = new AtomicReference<>();
            try (RobotEnvironment env = factory.create(); Policy policy = pid(factory)) {
                Thread trial = Thread.ofPlatform().name("trial").start(() -> result.set(run(factory, env, policy,
                        recorder, new StopRequest())));
                emulator.robot().outputs().awaitMoveAtOrAfter(emulator.startNanos(), Duration.ofSeconds(20))
                        .orElseThrow();
                Thread.sleep(500);
                emulator.cutLink();
                long cut = emulator.linkCutNanos().orElseThrow();
                // the motors: no command gets through after the cut, so the TTL of the last one stops them
                OutputLog log = emulator.robot().outputs();
                long lastMove = log.changes().stream().filter(c -> !c.stopped() && c.nanos() - cut < 0).mapToLong(
                        OutputLog.Change::nanos).max().orElseThrow();
                OutputLog.Change motorsStopped = log.awaitStopAtOrAfter(lastMove + 1, Duration.ofSeconds(2))
                        .orElseThrow(() -> new AssertionError("the motors did not stop after the cut"));
                assertThat((motorsStopped.nanos() - cut) / 1e6).as("ms from the cut to the motors stopped")
                        .isLessThanOrEqualTo(ttl + SLACK_MS);
                trial.join(10_000);
                assertThat(trial.isAlive()).isFalse();
                // a command already on its way at the cut may still land; nothing after it, so the motors stay stopped
                OutputLog.Change last = emulator.robot().outputs().last().orElseThrow();
                assertThat(last.stopped()).isTrue();
                assertThat((last.nanos() - cut) / 1e6).isLessThanOrEqualTo(ttl + SLACK_MS);
                EmulatorHost.await("the TTL watchdog counted", Duration.ofSeconds(1), () -> emulator.mcu()
                        .ttlExpiries() > 0);
                // the agent: stale sensors (or the link down) stop the trial, reported and logged
                SafeStop stop = result.get().stop();
                assertThat(stop).isNotNull();
                assertThat(stop.cause()).isIn(SafeStop.Cause.STALE_SENSORS, SafeStop.Cause.LINK_DOWN);
                assertThat((recorder.stoppedNanos - cut) / 1e6).as("ms from the cut to the agent's safe stop")
                        .isLessThanOrEqualTo(100 + 50 + SLACK_MS);
                assertThat(recorder.episodes).last().satisfies(e -> assertThat(e.end()).isEqualTo(
                        EpisodeRecord.End.SAFE_STOP));
            }
        }
    }
}
