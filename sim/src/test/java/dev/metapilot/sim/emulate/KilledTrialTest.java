package dev.metapilot.sim.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import dev.metapilot.env.testing.ChildJvm;
import dev.metapilot.sim.testing.EmulatorHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metapilot trial} in a child JVM driving the emulated robot (in this JVM) over loopback, ended from outside:
 * SIGKILL runs no hook and no finally block, so the emulator's MCU stops the motors when the last command's TTL runs
 * out; SIGTERM (what SIGINT also triggers) runs the agent's shutdown hook, which stops the motors at once with a zero
 * command, and the trial's log records the safe stop and ends cleanly.
 */
class KilledTrialTest {

    /** Slack for the scheduler of a loaded two-core machine. */
    private static final double SLACK_MS = 150;
    /** The robot plugin's command TTL at 20 Hz: three periods. */
    private static final int TTL_MS = 150;

    @TempDir
    Path tmp;

    private static String[] trial(Emulator emulator, Path log) {
        return new String[]{"trial", "--env", "robot", "--env-config", "link=" + emulator.linkUri()
                + ",episodes=1,episode-seconds=60,settle-seconds=0.05,stale-ms=300", "--policy", "pid",
                "--max-misses", "20", "--log", log.toString()};
    }

    /** Waits until the child drives the motors, then a little longer; false when it never did. */
    private static void awaitDriving(Emulator emulator, ChildOutput child) throws Exception {
        if (emulator.robot().outputs().awaitMoveAtOrAfter(emulator.startNanos(), Duration.ofSeconds(90))
                .isEmpty()) {
            throw new AssertionError("the child never drove the motors; its output:\n" + child.text());
        }
        Thread.sleep(400);
    }

    /** The child's output, for failure messages. */
    @FunctionalInterface
    private interface ChildOutput {
        String text();
    }

    @Test
    void afterSigkillTheMcuStopsTheMotorsWithinTheTtl() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.nominal().build());
                ChildJvm child = ChildJvm.start(
                        Main.class, List.of(), tmp.resolve("child.out"), trial(emulator, tmp.resolve("trial.jsonl")))) {
            awaitDriving(emulator, child::output);
            assertThat(emulator.robot().outputs().stoppedNow()).as("driving before the kill").isFalse();
            long ttlStopsBefore = emulator.mcu().ttlExpiries();
            long kill = System.nanoTime();
            child.kill();
            OutputLog.Change stop = emulator.robot().outputs().awaitStopAtOrAfter(kill, Duration.ofSeconds(3))
                    .orElseThrow(() -> new AssertionError("the motors did not stop after SIGKILL"));
            assertThat((stop.nanos() - kill) / 1e6).as("ms from SIGKILL to the motors stopped").isLessThanOrEqualTo(
                    TTL_MS + SLACK_MS);
            // the MCU counts the expiry just after it zeroed the outputs
            EmulatorHost.await("the TTL watchdog stopped the motors", Duration.ofSeconds(1), () -> emulator.mcu()
                    .ttlExpiries() > ttlStopsBefore);
            assertThat(emulator.robot().outputs().firstMoveAtOrAfter(stop.nanos() + 1)).isEmpty();
        }
    }

    @Test
    void afterSigtermTheShutdownHookStopsTheMotorsAtOnceAndTheLogEndsCleanly() throws Exception {
        Path log = tmp.resolve("trial.jsonl");
        Path out = tmp.resolve("child.out");
        try (Emulator emulator = Emulator.start(EmulatorOptions.nominal().build())) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            command.addAll(List.of(trial(emulator, log)));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            try {
                awaitDriving(emulator, () -> read(out));
                long term = System.nanoTime();
                child.destroy(); // SIGTERM
                OutputLog.Change stop = emulator.robot().outputs().awaitStopAtOrAfter(term, Duration.ofSeconds(3))
                        .orElseThrow(() -> new AssertionError("the motors did not stop after SIGTERM"));
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exits").isTrue();
                // a zero command from the hook, well before the last command's TTL would have run out
                assertThat((stop.nanos() - term) / 1e6).as("ms from SIGTERM to the motors stopped")
                        .isLessThanOrEqualTo(TTL_MS + SLACK_MS);
                List<String> lines = Files.readAllLines(log);
                assertThat(lines).as(read(out)).anyMatch(l -> l.startsWith(
                        "{\"type\":\"safe_stop\",\"cause\":\"requested\""));
                assertThat(lines).anyMatch(l -> l.contains("\"end\":\"safe_stop\""));
                assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"end\"");
                assertThat(read(out)).contains("SAFE STOP: requested: shutdown signal (SIGINT or SIGTERM)");
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(cannot read " + file + ")";
        }
    }
}
