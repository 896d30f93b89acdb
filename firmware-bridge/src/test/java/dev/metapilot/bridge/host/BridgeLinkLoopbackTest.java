package dev.metapilot.bridge.host;

import static dev.metapilot.bridge.testing.LoopbackRig.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.mcu.McuSettings;
import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.Capability;
import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.MessageCodec;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.bridge.testing.Await;
import dev.metapilot.bridge.testing.LoopbackRig;
import dev.metapilot.bridge.testing.RecordingHardware.Drive;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A host link against the MCU side over TCP on 127.0.0.1: the normal life of a link. */
class BridgeLinkLoopbackTest {

    private static final float HALF = MessageCodec.q15(0.5f) / MessageCodec.Q15;

    @Test
    void handshakeThenCommandsReachTheMotorsAndSensorsAndHeartbeatsFlow() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start().awaitUp()) {
            LinkEvent.LinkUp up = rig.events.await(LinkEvent.LinkUp.class, ms(1000));
            assertThat(up.mcu().protocolVersion()).isEqualTo(FrameFormat.VERSION);
            assertThat(up.mcu().has(Capability.IMU)).isTrue();
            assertThat(up.mcu().sensorRateHz()).as("the rate the host asked for").isEqualTo(200);
            assertThat(rig.link.mcu()).contains(up.mcu());

            rig.hardware.gyroZ(0.25f);
            assertThat(rig.link.command(0.5f, -0.5f)).isTrue();
            Drive d = rig.hardware.await(0, x -> !x.stopped(), ms(1000));
            assertThat(d.left()).isEqualTo(HALF);
            assertThat(d.right()).isEqualTo(-HALF);

            SensorSample s = new SensorSample();
            Await.until("a sensor frame showing the applied outputs", ms(1000), () -> rig.link.latestSensors(s)
                    && s.appliedLeft == HALF && s.gyroZ == 0.25f);
            assertThat(s.appliedRight).isEqualTo(-HALF);
            assertThat(s.accelZ).isEqualTo(9.81f);
            assertThat(s.receivedNanos).isPositive();
            long t0 = s.mcuTimeUs;
            int ticks0 = s.leftTicks;
            Await.until("newer sensor frames", ms(1000), () -> rig.link.latestSensors(s) && s.leftTicks > ticks0 + 5);
            assertThat(s.mcuTimeUs).isGreaterThan(t0);

            Await.until("host heartbeats answered by the MCU", ms(1000), () -> rig.server.endpoint()
                    .heartbeats() >= 5);
            LinkStats stats = rig.link.stats();
            assertThat(stats.connects()).isEqualTo(1);
            assertThat(stats.rejectedTotal()).isZero();
            assertThat(stats.framesReceived()).isGreaterThan(10);
            assertThat(rig.events.all(LinkEvent.StaleSensors.class)).isEmpty();
        }
    }

    @Test
    void everySensorFrameReachesTheSensorListener() throws Exception {
        java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastTime = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.atomic.AtomicInteger outOfOrder = new java.util.concurrent.atomic.AtomicInteger();
        try (LoopbackRig rig = LoopbackRig.start()) {
            rig.link.close();
            BridgeLink link = BridgeLink.builder(rig.server.linkAddress()).settings(LoopbackRig.STEADY).sensorListener(
                    sample -> {
                        if (sample.mcuTimeUs <= lastTime.getAndSet(sample.mcuTimeUs)) {
                            outOfOrder.incrementAndGet();
                        }
                        frames.incrementAndGet();
                    }).build();
            try (link) {
                link.start();
                assertThat(link.awaitUp(ms(2000))).isTrue();
                Await.until("40 sensor frames at 200 Hz", ms(2000), () -> frames.get() >= 40);
            }
            assertThat(outOfOrder.get()).isZero();
        }
    }

    @Test
    void anEStopLatchesTheMotorsAtZeroUntilReleased() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start().awaitUp()) {
            rig.link.command(0.5f, 0.5f);
            rig.hardware.await(0, x -> !x.stopped(), ms(1000));
            int mark = rig.events.count();
            int drives = rig.hardware.count();

            assertThat(rig.link.engageEStop().get(1, TimeUnit.SECONDS)).isEqualTo(Ack.Result.OK);
            rig.events.await(mark, LinkEvent.EStopEngaged.class, e -> e.source() == EStop.Source.HOST, ms(1000));
            rig.hardware.await(drives, Drive::stopped, ms(1000));
            assertThat(rig.link.estopEngaged()).isTrue();
            assertThat(rig.link.command(0.5f, 0.5f)).as("commands are held at zero").isFalse();
            long frames = rig.server.endpoint().sensorFrames();
            Await.until("ten more sensor frames", ms(1000), () -> rig.server.endpoint().sensorFrames() > frames + 10);
            assertThat(rig.hardware.drives().subList(drives, rig.hardware.count())).allMatch(Drive::stopped);
            SensorSample s = new SensorSample();
            rig.link.latestSensors(s);
            assertThat(s.estopEngaged()).isTrue();

            assertThat(rig.link.releaseEStop().get(1, TimeUnit.SECONDS)).isEqualTo(Ack.Result.OK);
            rig.events.await(mark, LinkEvent.EStopReleased.class, e -> true, ms(1000));
            assertThat(rig.server.endpoint().leftOutput()).as("no motion until a new command").isZero();
            int afterRelease = rig.hardware.count();
            assertThat(rig.link.command(0.5f, 0.5f)).isTrue();
            rig.hardware.await(afterRelease, x -> !x.stopped(), ms(1000));
        }
    }

    @Test
    void aReleaseIsRefusedWhileTheButtonIsPressed() throws Exception {
        McuSettings mcu = McuSettings.defaults().withCapabilities(Capability.maskOf(Capability.ENCODERS,
                Capability.ESTOP_INPUT));
        try (LoopbackRig rig = LoopbackRig.start(mcu, LoopbackRig.STEADY, UnaryOperator.identity()).awaitUp()) {
            rig.hardware.pressButton(true);
            rig.events.await(0, LinkEvent.EStopEngaged.class, e -> e.source() == EStop.Source.BUTTON, ms(1000));
            int mark = rig.events.count();
            assertThat(rig.link.releaseEStop().get(1, TimeUnit.SECONDS)).isEqualTo(Ack.Result.REFUSED);
            rig.events.await(mark, LinkEvent.Refused.class, e -> true, ms(1000));
            assertThat(rig.link.estopEngaged()).isTrue();
        }
    }

    @Test
    void closingSendsAZeroCommandLongBeforeTheTtlWouldStopTheMotors() throws Exception {
        var slowTtl = LinkSettings.builder().heartbeatPeriod(ms(20)).commandTtl(ms(2000)).peerTimeout(ms(300))
                .sensorRateHz(200).build();
        try (LoopbackRig rig = LoopbackRig.start(McuSettings.defaults().withMaxTtlMs(5000), slowTtl,
                UnaryOperator.identity()).awaitUp()) {
            rig.link.command(0.5f, 0.5f);
            rig.hardware.await(0, x -> !x.stopped(), ms(1000));
            int mark = rig.hardware.count();
            long closedAt = System.nanoTime();
            rig.link.close();
            Drive stop = rig.hardware.await(mark, Drive::stopped, ms(1000));
            assertThat((stop.nanos() - closedAt) / 1_000_000).as("ms from close to motors stopped").isLessThan(500);
            assertThat(rig.link.state()).isEqualTo(LinkState.CLOSED);
            rig.events.await(0, LinkEvent.LinkDown.class, e -> e.reason() == LinkEvent.LinkDown.Reason.CLOSED, ms(
                    100));
            assertThat(rig.link.command(0.5f, 0.5f)).isFalse();
        }
    }

    @Test
    void theControlLoopPathAllocatesNothing() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start().awaitUp()) {
            SensorSample s = new SensorSample();
            for (int i = 0; i < 5_000; i++) {
                rig.link.command(0.1f, 0.1f);
                rig.link.latestSensors(s);
            }
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            int sent = 0;
            for (int i = 0; i < 5_000; i++) {
                sent += rig.link.command(0.1f, 0.1f) ? 1 : 0;
                rig.link.latestSensors(s);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(sent).isEqualTo(5_000);
            assertThat(allocated).as("bytes allocated by 5000 commands and sensor reads").isLessThan(4096);
        }
    }
}
