package dev.metapilot.sim.emulate;

import dev.metapilot.bridge.transport.Transport;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes frames to a transport at their due time, in order, on a thread of its own ({@code emulator-delay-...}), so
 * that a delayed frame does not hold up the MCU loop. A write that fails ends the line; the next {@link #check()} on
 * the MCU loop reports it, which ends the connection there.
 */
final class DelayLine implements AutoCloseable {

    /** Bytes due at {@code due} ({@link System#nanoTime()}), from {@code position} on. */
    record Chunk(byte[] data, long due, int position) {

        Chunk(byte[] data, long due) {
            this(data, due, 0);
        }

        Chunk advanced(int n) {
            return new Chunk(data, due, position + n);
        }
    }

    private final Transport inner;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closed;

    private DelayLine(Transport inner, String name) {
        this.inner = inner;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    static DelayLine start(Transport inner, String name) {
        DelayLine line = new DelayLine(inner, name);
        line.thread.start();
        return line;
    }

    void add(Chunk chunk) {
        queue.add(chunk);
    }

    /** Throws the failure of an earlier delayed write. */
    void check() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void run() {
        try {
            while (!closed) {
                Chunk c = queue.take();
                long left;
                while (!closed && (left = c.due() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                }
                if (!closed) {
                    inner.write(c.data(), c.position(), c.data().length - c.position());
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
