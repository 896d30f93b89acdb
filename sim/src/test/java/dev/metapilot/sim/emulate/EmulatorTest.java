package dev.metapilot.sim.emulate;

import static dev.metapilot.sim.testing.EmulatorHost.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.host.LinkEvent;
import dev.metapilot.bridge.host.LinkState;
import dev.metapilot.bridge.message.FaultCode;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.sim.testing.EmulatorHost;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The emulator on loopback against a bare host link: the handshake, the robot moving under commands with its encoders
 * and gyro in the sensor frames, the TTL watchdog stopping it when the host goes quiet, the e-stop button, and each
 * injected fault (drop, corrupt, delay, a cut link). Time bounds are one-sided or generous: this runs on a loaded
 * two-core machine.
 */
class EmulatorTest {

    private static EmulatorOptions.Builder nominal() {
        return EmulatorOptions.nominal().sensorNoise(false);
    }

    @Test
    void theRobotMovesUnderCommandsAndTheTtlStopsItWhenTheHostGoesQuiet() throws Exception {
        try (Emulator emulator = Emulator.start(nominal().build()); EmulatorHost host = new EmulatorHost(emulator)) {
            long lastSend = host.drive(0.5f, 0.5f, Duration.ofSeconds(1));
            SensorSample s = new SensorSample();
            assertThat(host.link.latestSensors(s)).isTrue();
            assertThat(emulator.robot().motion().x()).isGreaterThan(0.2);
            assertThat(s.leftTicks).isGreaterThan(500);
            assertThat(s.appliedLeft).isEqualTo(0.5f, org.assertj.core.data.Offset.offset(1e-4f));
            OutputLog.Change stop = emulator.robot().outputs().awaitStopAtOrAfter(lastSend, Duration.ofSeconds(2))
                    .orElseThrow();
            // the TTL (100 ms) runs from the last command's arrival, a little after lastSend
            assertThat((stop.nanos() - lastSend) / 1e6).as("ms from the last command to motors stopped").isBetween(
                    99.0, 300.0);
            EmulatorHost.await("a TTL_EXPIRED fault", Duration.ofSeconds(2), () -> host.events(
                    LinkEvent.McuFault.class).stream().anyMatch(f -> f.fault().kind() == FaultCode.TTL_EXPIRED));
            assertThat(emulator.mcu().ttlExpiries()).isEqualTo(1);
        }
    }

    @Test
    void theEStopButtonLatchesTheMcuAndTheHostSeesIt() throws Exception {
        try (Emulator emulator = Emulator.start(nominal().build()); EmulatorHost host = new EmulatorHost(emulator)) {
            host.drive(0.4f, 0.4f, ms(200));
            emulator.robot().pressEStop(true);
            EmulatorHost.await("the host sees the e-stop", Duration.ofSeconds(2), host.link::estopEngaged);
            assertThat(emulator.mcu().estopLatched()).isTrue();
            assertThat(emulator.robot().outputs().stoppedNow()).isTrue();
            assertThat(host.link.command(0.4f, 0.4f)).isFalse();
        }
    }

    @Test
    void droppedFramesAreCountedOnBothSidesAndTheLinkStaysUp() throws Exception {
        LinkFaults faults = LinkFaults.NONE.withDrop(0.1).withSeed(7);
        try (Emulator emulator = Emulator.start(nominal().faults(faults).build());
                EmulatorHost host = new EmulatorHost(
                        emulator)) {
            host.drive(0.3f, 0.3f, Duration.ofSeconds(2));
            FaultCounters.Snapshot c = emulator.faults();
            assertThat(c.framesToHost()).isGreaterThan(300);
            assertThat((double) c.droppedToHost() / c.framesToHost()).isBetween(0.05, 0.15);
            assertThat((double) c.droppedToMcu() / c.framesToMcu()).isBetween(0.03, 0.2);
            assertThat(host.link.stats().framesLost()).isPositive();
            assertThat(host.link.state()).isEqualTo(LinkState.UP);
            assertThat(host.link.stats().connects()).isEqualTo(1);
        }
    }

    @Test
    void corruptedFramesAreRejectedByTheReceiverAndCounted() throws Exception {
        LinkFaults faults = LinkFaults.NONE.withCorrupt(0.1).withSeed(3);
        try (Emulator emulator = Emulator.start(nominal().faults(faults).build());
                EmulatorHost host = new EmulatorHost(
                        emulator)) {
            host.drive(0.3f, 0.3f, Duration.ofSeconds(2));
            // the receivers' counts first: the link keeps running, and the injector counts a corruption before the
            // frame reaches its receiver, so counts read in this order can only err on the side of the injector
            long rejectedByHost = host.link.stats().rejectedTotal();
            long rejectedByMcu = emulator.mcu().rejectedFrames();
            FaultCounters.Snapshot c = emulator.faults();
            assertThat(c.corruptedToHost()).isPositive();
            assertThat(c.corruptedToMcu()).isPositive();
            // every corrupted frame fails a check; one whose delimiter survived costs no other frame
            assertThat(rejectedByHost).isPositive().isLessThanOrEqualTo(c.corruptedToHost());
            assertThat(rejectedByMcu).isPositive().isLessThanOrEqualTo(c.corruptedToMcu());
            assertThat(host.events(LinkEvent.FrameRejected.class)).isNotEmpty();
            assertThat(host.link.state()).isEqualTo(LinkState.UP);
        }
    }

    @Test
    void delayedFramesArriveLate() throws Exception {
        LinkFaults faults = LinkFaults.NONE.withDelayMs(40).withDirection(LinkFaults.Direction.TO_MCU);
        try (Emulator emulator = Emulator.start(nominal().faults(faults).build());
                EmulatorHost host = new EmulatorHost(
                        emulator)) {
            long sent = System.nanoTime();
            host.link.command(0.5f, 0.5f);
            OutputLog.Change move = emulator.robot().outputs().awaitMoveAtOrAfter(sent, Duration.ofSeconds(2))
                    .orElseThrow();
            assertThat((move.nanos() - sent) / 1e6).as("ms from command to motors moving").isGreaterThanOrEqualTo(
                    40.0);
            assertThat(emulator.faults().delayed()).isPositive();
        }
    }

    @Test
    void aCutLinkSilencesBothWaysAndTheTtlStopsTheMotors() throws Exception {
        try (Emulator emulator = Emulator.start(nominal().build()); EmulatorHost host = new EmulatorHost(emulator)) {
            host.drive(0.5f, 0.5f, ms(300));
            Thread keepDriving = Thread.ofPlatform().start(() -> {
                try {
                    host.drive(0.5f, 0.5f, ms(800));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(100);
            emulator.cutLink();
            long cut = emulator.linkCutNanos().orElseThrow();
            OutputLog.Change stop = emulator.robot().outputs().awaitStopAtOrAfter(cut, Duration.ofSeconds(2))
                    .orElseThrow();
            assertThat((stop.nanos() - cut) / 1e6).as("ms from the cut to motors stopped").isBetween(0.0, 300.0);
            EmulatorHost.await("the host sees stale sensors", Duration.ofSeconds(2), host.link::sensorsStale);
            keepDriving.join();
            assertThat(emulator.faults().silenced()).isPositive();
            emulator.restoreLink();
            EmulatorHost.await("the host reconnects after the link is mended", Duration.ofSeconds(5), () -> host.link
                    .state() == LinkState.UP && !host.link.sensorsStale());
        }
    }

    @Test
    void disconnectAfterCutsTheLinkOnSchedule() throws Exception {
        LinkFaults faults = LinkFaults.NONE.withDisconnectAfter(ms(300));
        try (Emulator emulator = Emulator.start(nominal().faults(faults).build())) {
            EmulatorHost.await("the scheduled cut", Duration.ofSeconds(3), () -> emulator.linkCutNanos().isPresent());
            assertThat((emulator.linkCutNanos().getAsLong() - emulator.startNanos()) / 1e6).isGreaterThanOrEqualTo(
                    300.0);
        }
    }
}
