package dev.metapilot.sim.emulate;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Tells the operator of {@code metapilot emulate} what happens, one line per event with the time since the start: hosts
 * connecting and leaving, the TTL watchdog stopping the motors, the e-stop latch, and for a cut link how long after the
 * cut the motors stopped (the figure the README reports). Polls the emulator every 10 ms on a thread of its own
 * ({@code emulator-console}); the times come from the emulator's own records, not from the polling.
 */
public final class EmulatorConsole implements AutoCloseable {

    private final Emulator emulator;
    private final PrintWriter out;
    private final Thread thread;
    private volatile boolean closed;
    private boolean connected;
    private long connections;
    private long ttlExpiries;
    private boolean latched;
    private long reportedCut = -1;
    private boolean cutStopReported;

    private EmulatorConsole(Emulator emulator, PrintWriter out) {
        this.emulator = Objects.requireNonNull(emulator, "emulator is null");
        this.out = Objects.requireNonNull(out, "out is null");
        this.thread = new Thread(this::run, "emulator-console");
        thread.setDaemon(true);
    }

    /** Starts reporting on {@code out}. */
    public static EmulatorConsole start(Emulator emulator, PrintWriter out) {
        EmulatorConsole c = new EmulatorConsole(emulator, out);
        c.thread.start();
        return c;
    }

    private void run() {
        while (!closed) {
            poll();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void poll() {
        long c = emulator.connections();
        boolean now = emulator.hostConnected();
        if (c > connections) {
            print("host connected (connection " + c + ")");
        } else if (connected && !now) {
            print("host disconnected; the motors run on until their command's TTL");
        }
        connections = c;
        connected = now;
        long ttl = emulator.mcu().ttlExpiries();
        if (ttl > ttlExpiries) {
            print("TTL watchdog: motors at zero (no valid command within the TTL; " + ttl + " so far)");
            ttlExpiries = ttl;
        }
        boolean l = emulator.mcu().estopLatched();
        if (l != latched) {
            print(l ? "e-stop latched: motors at zero" : "e-stop released");
            latched = l;
        }
        OptionalLong cut = emulator.linkCutNanos();
        if (cut.isPresent() && cut.getAsLong() != reportedCut) {
            reportedCut = cut.getAsLong();
            cutStopReported = false;
            print("link cut: nothing passes either way from now on");
        }
        if (cut.isPresent() && !cutStopReported) {
            reportStopAfterCut(cut.getAsLong());
        }
    }

    private void reportStopAfterCut(long cutNanos) {
        OutputLog log = emulator.robot().outputs();
        var before = log.changes().stream().filter(ch -> ch.nanos() - cutNanos < 0).reduce((a, b) -> b);
        if (before.isEmpty() || before.get().stopped()) {
            print("the motors were at zero when the link was cut");
            cutStopReported = true;
            return;
        }
        log.firstStopAtOrAfter(cutNanos).ifPresent(stop -> {
            print(String.format(Locale.ROOT, "link loss to motors stopped: %.1f ms (the TTL watchdog)", (stop
                    .nanos() - cutNanos) / 1e6));
            cutStopReported = true;
        });
    }

    private void print(String line) {
        out.printf(Locale.ROOT, "[%9.3f s] %s%n", (System.nanoTime() - emulator.startNanos()) / 1e9, line);
        out.flush();
    }

    /** Stops reporting (after a last poll). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poll();
    }
}
