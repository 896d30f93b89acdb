package dev.metapilot.bridge.host;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.frame.MessageType;
import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.Fault;
import dev.metapilot.bridge.message.FaultCode;
import dev.metapilot.bridge.message.Heartbeat;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.Message;
import dev.metapilot.bridge.message.MessageReader;
import dev.metapilot.bridge.message.Role;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.bridge.transport.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a {@link BridgeLink}, run on the link thread from open to failure: sends HELLO, waits for the
 * MCU's, then reads and dispatches frames and does the periodic work (heartbeat, stale sensors, peer silence, e-stop
 * retries) between reads.
 */
final class LinkSession implements MessageReader.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(LinkSession.class);

    /** How a session ended. */
    enum End {
        CLOSED, PEER_CLOSED, IO_ERROR, PEER_SILENT, HANDSHAKE_TIMEOUT, VERSION_MISMATCH
    }

    /** A session's end, its detail, and whether it got past the handshake. */
    record Outcome(End end, String detail, boolean wasUp, Hello mismatch) {}

    private final BridgeLink link;
    private final Transport transport;
    private final LinkSettings settings;
    private final MessageReader reader;
    private final byte[] buffer = new byte[1024];
    private final int readTimeoutMs;
    private boolean up;
    private Hello mismatch;
    private long now;
    private long lastRx;
    private long lastSensor;
    private long lastHeartbeat;
    private boolean stale;
    private long lostReported;

    LinkSession(BridgeLink link, Transport transport) {
        this.link = link;
        this.transport = transport;
        this.settings = link.settings();
        this.reader = new MessageReader(Role.HOST, FrameFormat.VERSION, this);
        long shortest = Math.min(settings.heartbeatPeriod().toMillis(), Math.min(settings.staleAfter().toMillis(),
                settings.ackTimeout().toMillis()));
        this.readTimeoutMs = (int) Math.max(1, Math.min(20, shortest / 4));
    }

    Outcome run() {
        now = System.nanoTime();
        lastRx = now;
        long handshakeDeadline = now + settings.handshakeTimeout().toNanos();
        link.sender().attach(transport);
        try {
            link.sender().sendDelimiter();
            sendHello();
            while (true) {
                if (link.closing()) {
                    return end(End.CLOSED, "closed by its owner");
                }
                int n = transport.read(buffer, 0, buffer.length, readTimeoutMs);
                now = System.nanoTime();
                if (n > 0) {
                    reader.accept(buffer, 0, n);
                    reportLost();
                }
                if (mismatch != null) {
                    return end(End.VERSION_MISMATCH, "MCU speaks protocol " + mismatch.protocolVersion());
                }
                IOException failure = link.sender().failure();
                if (failure != null) {
                    return end(End.IO_ERROR, "write failed: " + failure.getMessage());
                }
                Outcome o = up ? periodic() : handshakeTimeout(handshakeDeadline);
                if (o != null) {
                    return o;
                }
            }
        } catch (EOFException e) {
            return end(End.PEER_CLOSED, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return link.closing() ? end(End.CLOSED, "closed by its owner") : end(End.IO_ERROR, e.toString());
        } catch (RuntimeException e) {
            LOG.error("bridge link session with {} failed", transport.description(), e);
            return end(End.IO_ERROR, "internal error: " + e);
        } finally {
            link.sender().detach();
        }
    }

    private Outcome handshakeTimeout(long deadline) {
        if (now - deadline < 0) {
            return null;
        }
        String detail = "no HELLO from " + transport.description() + " within " + settings.handshakeTimeout()
                .toMillis() + " ms";
        link.emit(new LinkEvent.Timeout(LinkEvent.Timeout.What.HANDSHAKE, detail));
        return end(End.HANDSHAKE_TIMEOUT, detail);
    }

    private Outcome periodic() {
        if (now - lastRx > settings.peerTimeout().toNanos()) {
            return end(End.PEER_SILENT, "no valid frame for " + (now - lastRx) / 1_000_000 + " ms");
        }
        if (now - lastHeartbeat >= settings.heartbeatPeriod().toNanos()) {
            link.sender().send(new Heartbeat(link.uptimeMs(now)));
            lastHeartbeat = now;
        }
        if (!stale && now - lastSensor > settings.staleAfter().toNanos()) {
            stale = true;
            link.remote().sensorsStale(true, Duration.ofNanos(now - lastSensor));
        }
        link.retryPending(now);
        return null;
    }

    private Outcome end(End end, String detail) {
        if (up && end != End.PEER_CLOSED) {
            link.sender().sendMotor(0f, 0f, link.ttlMs());
        }
        return new Outcome(end, detail, up, mismatch);
    }

    private void sendHello() {
        link.sender().send(new Hello(FrameFormat.VERSION, Role.HOST, false, 0, settings.softwareVersion(), settings
                .sensorRateHz(), 0));
    }

    private void reportLost() {
        long lost = reader.lost();
        if (lost > lostReported) {
            link.framesLost(lost - lostReported);
            lostReported = lost;
        }
    }

    @Override
    public void onMessage(Frame frame, Message message) {
        lastRx = now;
        link.received();
        switch (message) {
            case Hello h -> onHello(h);
            case Ack a -> {
                if (up) {
                    link.acked(a);
                }
            }
            case EStop e -> {
                if (up) {
                    link.sender().send(new Ack(frame.seq(), MessageType.ESTOP, Ack.Result.OK));
                    link.remote().estop(e.engage(), e.source());
                }
            }
            case Fault f -> {
                if (up) {
                    link.sender().send(new Ack(frame.seq(), MessageType.FAULT, Ack.Result.OK));
                    onFault(f);
                }
            }
            default -> {
                // HEARTBEAT: liveness only, counted in lastRx
            }
        }
    }

    private void onHello(Hello h) {
        if (h.role() != Role.MCU) {
            return;
        }
        if (h.protocolVersion() != FrameFormat.VERSION) {
            mismatch = h;
            return;
        }
        if (!up) {
            if (h.reply()) {
                up = true;
                lastSensor = now;
                lastHeartbeat = now;
                link.up(h, transport.description());
            }
            return;
        }
        link.remote().hello(h);
        if (!h.reply()) {
            link.emit(new LinkEvent.McuRestarted(h));
            sendHello();
        }
    }

    private void onFault(Fault f) {
        link.emit(new LinkEvent.McuFault(f));
        FaultCode kind = f.kind();
        if (kind == FaultCode.NO_SESSION) {
            sendHello();
        } else if (kind != FaultCode.BAD_FRAMES) {
            link.sender().sendMotor(0f, 0f, link.ttlMs());
        }
    }

    @Override
    public void onSensorState(Frame frame, SensorSample sample) {
        lastRx = now;
        link.received();
        if (!up) {
            return;
        }
        sample.receivedNanos = now;
        if (stale) {
            stale = false;
            link.remote().sensorsStale(false, Duration.ofNanos(now - lastSensor));
        }
        lastSensor = now;
        link.remote().sensors(sample);
    }

    @Override
    public void onReject(FrameFault fault) {
        link.rejected(fault);
    }
}
