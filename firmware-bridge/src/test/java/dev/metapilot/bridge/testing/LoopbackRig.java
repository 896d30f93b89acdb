package dev.metapilot.bridge.testing;

import dev.metapilot.bridge.host.BridgeLink;
import dev.metapilot.bridge.host.LinkSettings;
import dev.metapilot.bridge.mcu.McuServer;
import dev.metapilot.bridge.mcu.McuSettings;
import dev.metapilot.bridge.transport.Connector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A host {@link BridgeLink} against an {@link McuServer} on 127.0.0.1 with an ephemeral port, with recording hardware,
 * an event recorder and a {@link FaultyTransport} around every MCU-side connection. Built and closed by the test
 * thread.
 */
public final class LoopbackRig implements AutoCloseable {

    /**
     * Fast fault detection (sensors stale after 60 ms, link down after 300 ms of silence) for the tests that provoke
     * faults; on a loaded machine it may also report a scheduling hiccup as a fault.
     */
    public static final LinkSettings FAST = LinkSettings.builder().heartbeatPeriod(ms(20)).commandTtl(ms(100))
            .staleAfter(ms(60)).peerTimeout(ms(300)).handshakeTimeout(ms(300)).backoff(ms(20), ms(160))
            .ack(ms(50), 3).sensorRateHz(200).build();
    /** The same rates with thresholds no scheduling hiccup reaches, for the tests of normal operation. */
    public static final LinkSettings STEADY = LinkSettings.builder().heartbeatPeriod(ms(20)).commandTtl(ms(500))
            .staleAfter(ms(500)).peerTimeout(ms(1500)).handshakeTimeout(ms(1000)).backoff(ms(20), ms(160))
            .ack(ms(100), 5).sensorRateHz(200).build();

    public final RecordingHardware hardware = new RecordingHardware();
    public final EventRecorder events = new EventRecorder();
    /** The MCU side of every connection accepted so far, in order. */
    public final List<FaultyTransport> mcuConnections = new CopyOnWriteArrayList<>();
    public final McuServer server;
    public final BridgeLink link;

    private LoopbackRig(McuSettings mcu, LinkSettings settings, UnaryOperator<Connector> connector)
            throws IOException {
        server = McuServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), mcu, hardware, t -> {
            FaultyTransport f = new FaultyTransport(t, mcuConnections.size());
            mcuConnections.add(f);
            return f;
        });
        link = BridgeLink.builder(connector.apply(server.linkAddress())).settings(settings).listener(events).build();
    }

    /** Milliseconds as a duration. */
    public static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    /** A started rig with default MCU settings and {@link #STEADY} link settings. */
    public static LoopbackRig start() throws IOException {
        return start(McuSettings.defaults(), STEADY, UnaryOperator.identity());
    }

    /** A started rig with default MCU settings and {@code settings}. */
    public static LoopbackRig start(LinkSettings settings) throws IOException {
        return start(McuSettings.defaults(), settings, UnaryOperator.identity());
    }

    /** A started rig; {@code connector} may wrap the connector to the server (to fail or corrupt). */
    public static LoopbackRig start(McuSettings mcu, LinkSettings settings, UnaryOperator<Connector> connector)
            throws IOException {
        LoopbackRig rig = new LoopbackRig(mcu, settings, connector);
        rig.link.start();
        return rig;
    }

    /** Waits until the link is up and its LinkUp event delivered; fails after two seconds. */
    public LoopbackRig awaitUp() throws Exception {
        if (!link.awaitUp(Duration.ofSeconds(2))) {
            throw new AssertionError("link not up within 2 s: " + link.state() + ", events " + events.events());
        }
        events.await(dev.metapilot.bridge.host.LinkEvent.LinkUp.class, Duration.ofSeconds(1));
        return this;
    }

    @Override
    public void close() {
        link.close();
        server.close();
    }
}
