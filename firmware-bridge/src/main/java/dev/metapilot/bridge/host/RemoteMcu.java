package dev.metapilot.bridge.host;

import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.SensorSample;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the host knows of the MCU at the other end: its HELLO, its latest sensor sample, whether the sensors are stale
 * and whether its e-stop is engaged. Updated by the link thread, which also sends the zero commands that go with stale
 * sensors and an engaged e-stop; read by any thread.
 */
final class RemoteMcu {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteMcu.class);

    private final FrameSender sender;
    private final int ttlMs;
    private final Consumer<LinkEvent> emit;
    private final LinkCounters counters;
    private final SensorListener sensorListener;
    private final Object latestLock = new Object();
    private final SensorSample latest = new SensorSample();
    private boolean hasLatest;
    private volatile Hello hello;
    private volatile boolean stale;
    private volatile boolean estopEngaged;

    RemoteMcu(FrameSender sender, int ttlMs, Consumer<LinkEvent> emit, LinkCounters counters,
            SensorListener sensorListener) {
        this.sender = sender;
        this.ttlMs = ttlMs;
        this.emit = emit;
        this.counters = counters;
        this.sensorListener = sensorListener;
    }

    Hello hello() {
        return hello;
    }

    boolean stale() {
        return stale;
    }

    boolean estopEngaged() {
        return estopEngaged;
    }

    /** Copies the latest sample into {@code out}; false when none has arrived yet. */
    boolean latest(SensorSample out) {
        synchronized (latestLock) {
            if (hasLatest) {
                out.copyFrom(latest);
            }
            return hasLatest;
        }
    }

    /** A handshake completed: e-stop state unknown (the next sensor frame tells), sensors fresh. */
    void connected(Hello mcu) {
        hello = mcu;
        stale = false;
        estopEngaged = false;
    }

    /** The MCU sent another HELLO on an open link. */
    void hello(Hello mcu) {
        hello = mcu;
    }

    /** The session ended; commands are not sent until the next handshake anyway. */
    void disconnected() {
        stale = false;
    }

    /** The sensors went stale (zero goes out, commands are held at zero) or resumed. */
    void sensorsStale(boolean nowStale, Duration age) {
        stale = nowStale;
        if (nowStale) {
            counters.staleEpisodes.incrementAndGet();
            sender.sendMotor(0f, 0f, ttlMs);
            emit.accept(new LinkEvent.StaleSensors(age));
        } else {
            emit.accept(new LinkEvent.SensorsResumed(age));
        }
    }

    /** A sensor frame arrived: keep it, follow its e-stop bit, hand it to the listener. */
    void sensors(SensorSample sample) {
        synchronized (latestLock) {
            latest.copyFrom(sample);
            hasLatest = true;
        }
        if (sample.estopEngaged() != estopEngaged) {
            estop(sample.estopEngaged(), EStop.Source.UNSPECIFIED);
        }
        if (sensorListener != null) {
            try {
                sensorListener.onSensor(sample);
            } catch (RuntimeException e) {
                LOG.error("sensor listener failed", e);
            }
        }
    }

    /** The MCU reported its e-stop latch (by notification or status bit); an event on every change. */
    void estop(boolean engaged, EStop.Source source) {
        if (engaged == estopEngaged) {
            return;
        }
        estopEngaged = engaged;
        if (engaged) {
            sender.sendMotor(0f, 0f, ttlMs);
            emit.accept(new LinkEvent.EStopEngaged(source));
        } else {
            emit.accept(new LinkEvent.EStopReleased(source));
        }
    }
}
