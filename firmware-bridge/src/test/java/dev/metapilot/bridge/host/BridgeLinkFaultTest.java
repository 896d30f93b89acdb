package dev.metapilot.bridge.host;

import static dev.metapilot.bridge.testing.LoopbackRig.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.mcu.McuSettings;
import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.FaultCode;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.bridge.testing.Await;
import dev.metapilot.bridge.testing.FaultyTransport;
import dev.metapilot.bridge.testing.LoopbackRig;
import dev.metapilot.bridge.testing.RecordingHardware.Drive;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A host link against the MCU side over TCP on 127.0.0.1, with faults injected: every fault becomes an event. */
class BridgeLinkFaultTest {

    @Test
    void aDroppedConnectionGoesDownAndComesBackUp() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start().awaitUp()) {
            int mark = rig.events.count();
            rig.server.dropConnection();
            LinkEvent.LinkDown down = rig.events.await(mark, LinkEvent.LinkDown.class, e -> true, ms(1000));
            assertThat(down.reason()).isIn(LinkEvent.LinkDown.Reason.PEER_CLOSED, LinkEvent.LinkDown.Reason.IO_ERROR);
            rig.events.await(mark, LinkEvent.Reconnecting.class, e -> e.attempt() == 1 && e.delay().equals(ms(20)),
                    ms(1000));
            rig.events.await(mark, LinkEvent.LinkUp.class, e -> true, ms(2000));
            assertThat(rig.link.stats().connects()).isEqualTo(2);
            assertThat(rig.server.connections()).isEqualTo(2);
            int drives = rig.hardware.count();
            assertThat(rig.link.command(0.3f, 0.3f)).isTrue();
            rig.hardware.await(drives, d -> !d.stopped(), ms(1000));
        }
    }

    @Test
    void anEngagedEStopOutlivesAReconnectAndIsReportedAgain() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start().awaitUp()) {
            assertThat(rig.link.engageEStop().get(1, TimeUnit.SECONDS)).isEqualTo(Ack.Result.OK);
            int mark = rig.events.count();
            rig.server.dropConnection();
            rig.events.await(mark, LinkEvent.LinkUp.class, e -> true, ms(2000));
            rig.events.await(mark, LinkEvent.EStopEngaged.class, e -> e.source() == EStop.Source.UNSPECIFIED, ms(
                    1000));
            assertThat(rig.link.estopEngaged()).isTrue();
            assertThat(rig.link.command(0.5f, 0.5f)).isFalse();
            assertThat(rig.server.endpoint().estopLatched()).isTrue();
        }
    }

    @Test
    void anMcuOfAnotherProtocolVersionIsRefusedForGood() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start(McuSettings.defaults().withProtocolVersion(2), LoopbackRig.STEADY,
                UnaryOperator.identity())) {
            assertThatThrownBy(() -> rig.link.awaitUp(Duration.ofSeconds(2))).isInstanceOfSatisfying(
                    VersionMismatchException.class, e -> {
                        assertThat(e.hostVersion()).isEqualTo(1);
                        assertThat(e.mcuVersion()).isEqualTo(2);
                        assertThat(e.getMessage()).contains("host speaks 1, MCU speaks 2");
                    });
            LinkEvent.VersionMismatch m = rig.events.await(LinkEvent.VersionMismatch.class, ms(1000));
            assertThat(m.mcu().protocolVersion()).isEqualTo(2);
            assertThat(rig.link.state()).isEqualTo(LinkState.FAILED);
            assertThat(rig.events.all(LinkEvent.Reconnecting.class)).isEmpty();
            assertThat(rig.server.connections()).isEqualTo(1);
            assertThat(rig.link.command(0.5f, 0.5f)).isFalse();
            assertThat(rig.hardware.drives()).isEmpty();
        }
    }

    @Test
    void failedConnectionsBackOffExponentiallyUpToTheCap() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (LoopbackRig rig = LoopbackRig.start(McuSettings.defaults(), LoopbackRig.STEADY, real -> () -> {
            if (attempts.incrementAndGet() <= 5) {
                throw new ConnectException("refused by the test");
            }
            return real.connect();
        }).awaitUp()) {
            assertThat(rig.events.all(LinkEvent.Reconnecting.class)).extracting(LinkEvent.Reconnecting::delay)
                    .containsExactly(ms(20), ms(40), ms(80), ms(160), ms(160));
            assertThat(rig.events.all(LinkEvent.Reconnecting.class)).allSatisfy(r -> assertThat(r.cause()).contains(
                    "refused by the test"));
            assertThat(attempts.get()).isEqualTo(6);
        }
    }

    @Test
    void anMcuThatNeverAnswersTimesOutTheHandshakeAndIsRetried() throws Exception {
        try (ServerSocketChannel mute = ServerSocketChannel.open()) {
            mute.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            var address = new dev.metapilot.bridge.transport.TcpAddress("127.0.0.1", ((InetSocketAddress) mute
                    .getLocalAddress()).getPort());
            var events = new dev.metapilot.bridge.testing.EventRecorder();
            try (BridgeLink link = BridgeLink.builder(address).settings(LoopbackRig.FAST).listener(events).build()) {
                link.start();
                try (SocketChannel accepted = mute.accept()) {
                    assertThat(accepted.isConnected()).isTrue();
                    LinkEvent.Timeout t = events.await(LinkEvent.Timeout.class, ms(2000));
                    assertThat(t.what()).isEqualTo(LinkEvent.Timeout.What.HANDSHAKE);
                    events.await(0, LinkEvent.Reconnecting.class, r -> r.cause().contains("no HELLO"), ms(1000));
                    assertThat(link.state()).isNotEqualTo(LinkState.UP);
                }
            }
        }
    }

    @Test
    void staleSensorsHoldTheMotorsAtZeroUntilTheyResume() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start(LoopbackRig.FAST).awaitUp()) {
            rig.link.command(0.5f, 0.5f);
            rig.hardware.await(0, d -> !d.stopped(), ms(1000));
            SensorSample s = new SensorSample();
            Await.until("a sensor frame with the command applied", ms(1000), () -> rig.link.latestSensors(s)
                    && s.appliedLeft != 0f && !rig.link.sensorsStale());
            int mark = rig.events.count();
            int drives = rig.hardware.count();
            FaultyTransport mcuSide = rig.mcuConnections.getLast();

            mcuSide.dropWrites(true);
            LinkEvent.StaleSensors stale = rig.events.await(mark, LinkEvent.StaleSensors.class, e -> true, ms(1000));
            assertThat(stale.age()).isGreaterThanOrEqualTo(ms(60));
            assertThat(rig.link.sensorsStale()).isTrue();
            assertThat(rig.link.command(0.5f, 0.5f)).isFalse();
            rig.hardware.await(drives, Drive::stopped, ms(1000));

            mcuSide.dropWrites(false);
            rig.events.await(mark, LinkEvent.SensorsResumed.class, e -> true, ms(1000));
            assertThat(rig.link.command(0.5f, 0.5f)).isTrue();
            rig.hardware.await(rig.hardware.count() - 1, d -> !d.stopped(), ms(1000));
            assertThat(rig.events.all(LinkEvent.LinkDown.class)).isEmpty();
            assertThat(rig.events.all(LinkEvent.StaleSensors.class)).hasSizeGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aSilentMcuTakesTheLinkDownAndTheNextConnectionBringsItBack() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start(LoopbackRig.FAST).awaitUp()) {
            int connections = rig.mcuConnections.size();
            int mark = rig.events.count();
            rig.mcuConnections.getLast().dropWrites(true);
            LinkEvent.LinkDown down = rig.events.await(mark, LinkEvent.LinkDown.class, e -> true, ms(2000));
            assertThat(down.reason()).isEqualTo(LinkEvent.LinkDown.Reason.PEER_SILENT);
            rig.events.await(mark, LinkEvent.LinkUp.class, e -> rig.mcuConnections.size() > connections, ms(2000));
            assertThat(rig.link.awaitUp(ms(1000))).isTrue();
        }
    }

    @Test
    void corruptedFramesAreRejectedAndCountedOnBothSidesWhileTheLinkStaysUp() throws Exception {
        McuSettings mcu = new McuSettings(1, 0, 3, 100, 1000, 500, 100);
        List<FaultyTransport> hostSide = new CopyOnWriteArrayList<>();
        try (LoopbackRig rig = LoopbackRig.start(mcu, LoopbackRig.STEADY, real -> () -> {
            FaultyTransport f = new FaultyTransport(real.connect(), 99);
            hostSide.add(f);
            return f;
        })) {
            rig.awaitUp();
            hostSide.getLast().corruptWrites(0.2);
            rig.mcuConnections.getLast().corruptWrites(0.2);
            Await.until("host rejects corrupted frames", ms(2000), () -> rig.link.stats().rejectedTotal() >= 10);
            LinkEvent.FrameRejected rejected = rig.events.await(LinkEvent.FrameRejected.class, ms(1000));
            assertThat(rejected.fault()).isIn(FrameFault.BAD_CRC, FrameFault.BAD_COBS, FrameFault.TOO_SHORT,
                    FrameFault.BAD_LENGTH, FrameFault.UNSUPPORTED_VERSION, FrameFault.UNKNOWN_TYPE,
                    FrameFault.OVERSIZED);
            LinkEvent.McuFault reported = rig.events.await(0, LinkEvent.McuFault.class, e -> e.fault()
                    .kind() == FaultCode.BAD_FRAMES, ms(2000));
            assertThat(reported.fault().detail()).isPositive();
            assertThat(rig.link.stats().framesLost()).isPositive();
            assertThat(rig.link.stats().rejected(FrameFault.BAD_CRC)).isPositive();
            int drives = rig.hardware.count();
            Await.until("a command gets through", ms(2000), () -> {
                rig.link.command(0.4f, 0.4f);
                return rig.hardware.count() > drives;
            });
        }
    }

    @Test
    void anMcuRestartIsNoticedAndTheSessionReopened() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start().awaitUp()) {
            int mark = rig.events.count();
            rig.server.restartMcu();
            rig.events.await(mark, LinkEvent.McuRestarted.class, e -> !e.mcu().reply(), ms(1000));
            Await.until("the MCU session reopened", ms(1000), () -> rig.server.endpoint().sessionOpen());
            long frames = rig.server.endpoint().sensorFrames();
            Await.until("sensor frames again", ms(1000), () -> rig.server.endpoint().sensorFrames() > frames + 5);
            assertThat(rig.events.all(LinkEvent.LinkDown.class)).isEmpty();
        }
    }

    @Test
    void anUnacknowledgedEStopRequestTimesOutAfterEveryAttempt() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start(LoopbackRig.FAST).awaitUp()) {
            rig.mcuConnections.getLast().dropWrites(true);
            var future = rig.link.engageEStop();
            assertThatThrownBy(() -> future.get(2, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfAny(TimeoutException.class, IOException.class);
            rig.events.await(0, LinkEvent.Timeout.class, t -> t.what() == LinkEvent.Timeout.What.ACK, ms(1000));
            assertThat(rig.server.endpoint().estopLatched()).as("the request did arrive").isTrue();
        }
    }

    @Test
    void eStopRequestsFailAtOnceWhenTheLinkIsNotUp() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start(McuSettings.defaults().withProtocolVersion(3), LoopbackRig.STEADY,
                UnaryOperator.identity())) {
            rig.events.await(LinkEvent.VersionMismatch.class, ms(2000));
            assertThatThrownBy(() -> rig.link.engageEStop().get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    IllegalStateException.class).hasMessageContaining("not up");
        }
    }

    @Test
    void invalidCommandsSendZeroAndThrow() throws Exception {
        try (LoopbackRig rig = LoopbackRig.start().awaitUp()) {
            rig.link.command(0.5f, 0.5f);
            rig.hardware.await(0, d -> !d.stopped(), ms(1000));
            int drives = rig.hardware.count();
            assertThatThrownBy(() -> rig.link.command(Float.NaN, 0f)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sent zero");
            rig.hardware.await(drives, Drive::stopped, ms(1000));
            assertThatThrownBy(() -> rig.link.command(0f, 1.01f)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
