package dev.metapilot.sim.emulate;

import dev.metapilot.bridge.mcu.McuEndpoint;
import dev.metapilot.bridge.mcu.McuServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The firmware emulator, in-process: an {@link McuServer} (the reference MCU: handshake, TTL watchdog, e-stop latch,
 * sensor stream with MCU time stamps) listening on TCP, driving an {@link EmulatedRobot} with the locomotion physics,
 * every connection wrapped in a {@link FaultInjector}. The {@code emulate} command runs one; tests start one on port 0
 * and connect the robot plugin to {@link #linkUri()}.
 *
 * <p>
 * Started and closed by its owner's thread; the MCU runs on the server's loop thread, a scheduled link cut on a timer
 * thread ({@code emulator-cut-PORT}); the getters and {@link #cutLink()} may be called from any thread.
 */
public final class Emulator implements AutoCloseable {

    private final EmulatorOptions options;
    private final EmulatedRobot robot;
    private final FaultCounters counters = new FaultCounters();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicLong connectionIndex = new AtomicLong();
    private final long startNanos;
    private final McuServer server;
    private final Thread cutTimer;
    private volatile long cutNanos;
    private volatile boolean closed;

    private Emulator(EmulatorOptions options) throws IOException {
        this.options = options;
        this.startNanos = System.nanoTime();
        this.robot = new EmulatedRobot(options.dynamics().dynamics(), options.physicsRateHz(), options
                .controlRateHz(), options.sensorNoise(), options.seed(), startNanos);
        LinkFaults faults = options.faults();
        this.server = McuServer.start(options.listen(), options.mcu(), robot, t -> new FaultInjector(t, faults,
                counters, cut::get, faults.seed() + connectionIndex.getAndIncrement()));
        this.cutTimer = faults.disconnectAfter().map(this::timer).orElse(null);
    }

    /** Starts listening and running the MCU and its robot. */
    public static Emulator start(EmulatorOptions options) throws IOException {
        Emulator e = new Emulator(Objects.requireNonNull(options, "options is null"));
        if (e.cutTimer != null) {
            e.cutTimer.start();
        }
        return e;
    }

    private Thread timer(Duration after) {
        Thread t = new Thread(() -> {
            long due = startNanos + after.toNanos();
            long left;
            while (!closed && (left = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
            if (!closed) {
                cutLink();
            }
        }, "emulator-cut-" + server.address().getPort());
        t.setDaemon(true);
        return t;
    }

    /** The options it runs with. */
    public EmulatorOptions options() {
        return options;
    }

    /** The address it listens on (with the real port when started on port 0). */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The link URI the robot plugin connects to: {@code tcp://127.0.0.1:PORT}. */
    public String linkUri() {
        return server.linkAddress().uri();
    }

    /** The robot behind the MCU. */
    public EmulatedRobot robot() {
        return robot;
    }

    /** The MCU (its getters only: commands applied, TTL expiries, rejected frames, outputs, latch). */
    public McuEndpoint mcu() {
        return server.endpoint();
    }

    /** Whether a host is connected now. */
    public boolean hostConnected() {
        return server.connected();
    }

    /** Host connections accepted so far. */
    public long connections() {
        return server.connections();
    }

    /** What the fault injection did so far. */
    public FaultCounters.Snapshot faults() {
        return counters.snapshot();
    }

    /** When the emulator started ({@link System#nanoTime()}). */
    public long startNanos() {
        return startNanos;
    }

    /** Cuts the link now: nothing passes either way until {@link #restoreLink()}; idempotent. */
    public void cutLink() {
        if (cut.compareAndSet(false, true)) {
            cutNanos = System.nanoTime();
        }
    }

    /** Mends a cut link; the host's link reconnects by itself. */
    public void restoreLink() {
        cut.set(false);
    }

    /** When the link was last cut, if it is cut now. */
    public OptionalLong linkCutNanos() {
        return cut.get() ? OptionalLong.of(cutNanos) : OptionalLong.empty();
    }

    /** Stops listening, the MCU and the timer. */
    @Override
    public void close() {
        closed = true;
        if (cutTimer != null) {
            LockSupport.unpark(cutTimer);
        }
        server.close();
    }
}
