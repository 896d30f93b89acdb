package dev.metapilot.sim.testing;

import dev.metapilot.bridge.host.BridgeLink;
import dev.metapilot.bridge.host.LinkEvent;
import dev.metapilot.bridge.host.LinkSettings;
import dev.metapilot.bridge.transport.LinkAddress;
import dev.metapilot.sim.emulate.Emulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A bare host {@link BridgeLink} to an {@link Emulator}, recording every link event, for the emulator's own tests (the
 * robot plugin is the real host). Built, driven and closed by the test thread.
 */
public final class EmulatorHost implements AutoCloseable {

    /** Heartbeats every 20 ms, 100 ms command TTL, 200 Hz sensors, thresholds no scheduling hiccup reaches. */
    public static final LinkSettings SETTINGS = LinkSettings.builder().heartbeatPeriod(ms(20)).commandTtl(ms(100))
            .staleAfter(ms(400)).peerTimeout(ms(1500)).handshakeTimeout(ms(1000)).backoff(ms(20), ms(200)).ack(ms(
                    100), 5)
            .sensorRateHz(200).build();

    public final List<LinkEvent> events = new CopyOnWriteArrayList<>();
    public final BridgeLink link;

    public EmulatorHost(Emulator emulator, LinkSettings settings) throws Exception {
        link = BridgeLink.builder(LinkAddress.parse(emulator.linkUri())).settings(settings).listener(events::add)
                .build();
        link.start();
        if (!link.awaitUp(Duration.ofSeconds(5))) {
            throw new AssertionError("link to the emulator not up within 5 s: " + link.state() + ", " + events);
        }
    }

    public EmulatorHost(Emulator emulator) throws Exception {
        this(emulator, SETTINGS);
    }

    /** Milliseconds. */
    public static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    /** Sends {@code (left, right)} every 20 ms for {@code duration}; returns the time of the last send. */
    public long drive(float left, float right, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long last;
        do {
            link.command(left, right);
            last = System.nanoTime();
            Thread.sleep(20);
        } while (System.nanoTime() - end < 0);
        return last;
    }

    /** Events of {@code type} so far. */
    public <T extends LinkEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(2);
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
