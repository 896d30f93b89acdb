package dev.metapilot.bridge.host;

import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.bridge.transport.Connector;
import dev.metapilot.bridge.transport.LinkAddress;
import dev.metapilot.bridge.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The host's link to the motor MCU: connects through a {@link Connector}, handshakes, keeps the link healthy
 * (heartbeats, stale-sensor and silence detection, reconnect with back-off) and reports every fault as a
 * {@link LinkEvent}. Whenever something goes wrong it sends a zero motor command where it still can; the MCU's TTL
 * watchdog is the backstop.
 *
 * <p>
 * Threads: {@link #command}, {@link #latestSensors} and the other public methods may be called from any thread (the
 * control loop, typically); a link thread ({@code bridge-link-N}) reads, handshakes and reconnects and calls the
 * {@link SensorListener}; an event thread ({@code bridge-events-N}) calls the {@link LinkListener}. {@link #start()}
 * opens nothing itself; {@link #close()} sends a zero command and stops both threads.
 */
public final class BridgeLink implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Connector connector;
    private final String peer;
    private final LinkSettings settings;
    private final FrameSender sender = new FrameSender();
    private final EventDispatcher events;
    private final Thread linkThread;
    private final long createdNanos = System.nanoTime();
    private final Object stateLock = new Object();
    private volatile LinkState state = LinkState.NEW;
    private Hello mismatch;
    private volatile boolean closing;
    private final LinkCounters counters = new LinkCounters();
    private final EStopRequests estopRequests;
    private final RemoteMcu remote;

    private BridgeLink(Builder b) {
        this.connector = b.connector;
        this.peer = b.connector instanceof LinkAddress a ? a.uri() : b.connector.toString();
        this.settings = b.settings;
        int id = IDS.incrementAndGet();
        this.events = new EventDispatcher("bridge-events-" + id, b.listener);
        this.linkThread = new Thread(this::runLink, "bridge-link-" + id);
        this.linkThread.setDaemon(true);
        this.estopRequests = new EStopRequests(sender, settings, events::emit);
        this.remote = new RemoteMcu(sender, ttlMs(), events::emit, counters, b.sensorListener);
    }

    /** A builder for a link that opens transports with {@code connector} (a {@link LinkAddress}, say). */
    public static Builder builder(Connector connector) {
        return new Builder(connector);
    }

    /** Starts the link and event threads; the first connection attempt follows at once. Once only. */
    public void start() {
        synchronized (stateLock) {
            if (state != LinkState.NEW) {
                throw new IllegalStateException("link to " + peer + " already started (" + state + ")");
            }
            setState(LinkState.CONNECTING);
        }
        events.start();
        linkThread.start();
    }

    /**
     * Waits until the link is up.
     *
     * @return true when up, false when {@code timeout} passed first
     * @throws VersionMismatchException when the MCU speaks another protocol version (the link has given up)
     * @throws IllegalStateException when the link is closed or was never started
     */
    public boolean awaitUp(Duration timeout) throws InterruptedException, VersionMismatchException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stateLock) {
            while (state != LinkState.UP) {
                if (state == LinkState.FAILED) {
                    throw new VersionMismatchException(FrameFormat.VERSION, mismatch.protocolVersion());
                }
                if (state == LinkState.CLOSED || state == LinkState.NEW) {
                    throw new IllegalStateException("link to " + peer + " is " + state);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                stateLock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Where the link is now. */
    public LinkState state() {
        return state;
    }

    /** The MCU's HELLO from the current (or last) session. */
    public Optional<Hello> mcu() {
        return Optional.ofNullable(remote.hello());
    }

    /**
     * Sends a motor command with the configured time-to-live, without allocating.
     *
     * @return true when it went out as given; false when the link is not up (nothing sent) or when it was replaced by
     * zero because the sensors are stale or the e-stop is engaged
     * @throws IllegalArgumentException when an output is NaN or outside [-1, 1] (a zero command is sent first)
     */
    public boolean command(float left, float right) {
        if (!(left >= -1f && left <= 1f && right >= -1f && right <= 1f)) {
            sender.sendMotor(0f, 0f, ttlMs());
            throw new IllegalArgumentException("motor outputs must be in [-1, 1], got " + left + ", " + right
                    + "; sent zero instead");
        }
        if (state() != LinkState.UP) {
            return false;
        }
        if (remote.stale() || remote.estopEngaged()) {
            sender.sendMotor(0f, 0f, ttlMs());
            return false;
        }
        return sender.sendMotor(left, right, ttlMs()) >= 0;
    }

    /** Sends a zero motor command if the link is up; true when it went out. */
    public boolean stop() {
        return state() == LinkState.UP && sender.sendMotor(0f, 0f, ttlMs()) >= 0;
    }

    /**
     * Sends a zero command, then asks the MCU to engage its e-stop latch, retrying until acknowledged.
     *
     * @return completes with the MCU's answer, or exceptionally when the link is not up or no ACK came
     */
    public CompletableFuture<Ack.Result> engageEStop() {
        stop();
        return request(new EStop(true, EStop.Source.HOST));
    }

    /** Asks the MCU to release its e-stop latch (refused while its button is pressed); as {@link #engageEStop()}. */
    public CompletableFuture<Ack.Result> releaseEStop() {
        return request(new EStop(false, EStop.Source.HOST));
    }

    /** Whether the MCU last reported its e-stop latch engaged. */
    public boolean estopEngaged() {
        return remote.estopEngaged();
    }

    /** Whether the sensors are stale now. */
    public boolean sensorsStale() {
        return remote.stale();
    }

    /** Copies the latest sensor sample into {@code out} without allocating; false when none has arrived yet. */
    public boolean latestSensors(SensorSample out) {
        return remote.latest(out);
    }

    /** A snapshot of the counters. */
    public LinkStats stats() {
        return counters.snapshot(sender.sent(), events.dropped());
    }

    /** Sends a zero command, closes the transport, stops the threads after delivering the last events. */
    @Override
    public void close() {
        synchronized (stateLock) {
            if (closing) {
                return;
            }
            closing = true;
        }
        stop();
        LockSupport.unpark(linkThread);
        try {
            if (linkThread.isAlive() && Thread.currentThread() != linkThread) {
                linkThread.join(2000);
            }
            setState(LinkState.CLOSED);
            events.stop(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLink() {
        Backoff backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        int attempt = 0;
        while (!closing) {
            setState(LinkState.CONNECTING);
            Transport transport;
            String cause;
            try {
                transport = connector.connect();
                cause = null;
            } catch (IOException | RuntimeException e) {
                transport = null;
                cause = "cannot connect to " + peer + ": " + e.getMessage();
            }
            if (transport != null) {
                setState(LinkState.HANDSHAKING);
                LinkSession.Outcome outcome;
                try (Transport t = transport) {
                    outcome = new LinkSession(this, t).run();
                }
                cause = sessionEnded(outcome);
                if (outcome.end() == LinkSession.End.VERSION_MISMATCH || closing) {
                    return;
                }
                if (outcome.wasUp()) {
                    backoff.reset();
                    attempt = 0;
                }
            }
            Duration delay = backoff.next();
            attempt++;
            setState(LinkState.BACKING_OFF);
            emit(new LinkEvent.Reconnecting(attempt, delay, cause));
            sleep(delay);
        }
    }

    private String sessionEnded(LinkSession.Outcome o) {
        estopRequests.fail("the link went down");
        remote.disconnected();
        if (o.end() == LinkSession.End.VERSION_MISMATCH) {
            synchronized (stateLock) {
                mismatch = o.mismatch();
                setState(LinkState.FAILED);
            }
            emit(new LinkEvent.VersionMismatch(FrameFormat.VERSION, o.mismatch().protocolVersion(), o.mismatch()));
            return o.detail();
        }
        if (o.wasUp()) {
            emit(new LinkEvent.LinkDown(peer, switch (o.end()) {
                case CLOSED -> LinkEvent.LinkDown.Reason.CLOSED;
                case PEER_CLOSED -> LinkEvent.LinkDown.Reason.PEER_CLOSED;
                case PEER_SILENT -> LinkEvent.LinkDown.Reason.PEER_SILENT;
                default -> LinkEvent.LinkDown.Reason.IO_ERROR;
            }, o.detail()));
        }
        return o.detail();
    }

    private void sleep(Duration delay) {
        long deadline = System.nanoTime() + delay.toNanos();
        long left;
        while (!closing && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private CompletableFuture<Ack.Result> request(EStop message) {
        if (state() != LinkState.UP) {
            return CompletableFuture.failedFuture(new IllegalStateException("link to " + peer + " is " + state()
                    + ", not up"));
        }
        return estopRequests.send(message, peer);
    }

    private void setState(LinkState s) {
        synchronized (stateLock) {
            if (state != LinkState.CLOSED && state != LinkState.FAILED) {
                state = s;
            }
            stateLock.notifyAll();
        }
    }

    // ---- called by LinkSession on the link thread ----

    LinkSettings settings() {
        return settings;
    }

    FrameSender sender() {
        return sender;
    }

    boolean closing() {
        return closing;
    }

    int ttlMs() {
        return (int) settings.commandTtl().toMillis();
    }

    long uptimeMs(long nowNanos) {
        return ((nowNanos - createdNanos) / 1_000_000) & 0xFFFF_FFFFL;
    }

    void emit(LinkEvent event) {
        events.emit(event);
    }

    RemoteMcu remote() {
        return remote;
    }

    void up(Hello mcuHello, String description) {
        remote.connected(mcuHello);
        counters.connects.incrementAndGet();
        setState(LinkState.UP);
        sender.sendMotor(0f, 0f, ttlMs());
        emit(new LinkEvent.LinkUp(description, mcuHello));
    }

    void received() {
        counters.received.incrementAndGet();
    }

    void rejected(FrameFault fault) {
        emit(new LinkEvent.FrameRejected(fault, counters.rejected(fault)));
    }

    void framesLost(long count) {
        emit(new LinkEvent.FramesLost(count, counters.lost.addAndGet(count)));
    }

    void acked(Ack ack) {
        estopRequests.acked(ack);
    }

    void retryPending(long nowNanos) {
        estopRequests.retry(nowNanos);
    }

    /** Configures a {@link BridgeLink}; {@link #build()} checks it. Used on the configuring thread. */
    public static final class Builder {

        private final Connector connector;
        private LinkSettings settings = LinkSettings.defaults();
        private LinkListener listener = event -> {};
        private SensorListener sensorListener;

        private Builder(Connector connector) {
            this.connector = Objects.requireNonNull(connector, "connector is null");
        }

        public Builder settings(LinkSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings is null");
            return this;
        }

        /** Receives every event on the event thread. */
        public Builder listener(LinkListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener is null");
            return this;
        }

        /** Receives every sensor frame on the link thread. */
        public Builder sensorListener(SensorListener sensorListener) {
            this.sensorListener = Objects.requireNonNull(sensorListener, "sensorListener is null");
            return this;
        }

        /** The link, not yet started. */
        public BridgeLink build() {
            return new BridgeLink(this);
        }
    }
}
