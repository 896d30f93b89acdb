package dev.metapilot.sim.emulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last changes of the emulated motor outputs with their times (a bounded ring), so that tests and the console can
 * tell when the motors started and stopped. Written on the MCU loop thread, read from any thread.
 */
public final class OutputLog {

    /** One change of the outputs at {@code nanos} ({@link System#nanoTime()}). */
    public record Change(long nanos, float left, float right) {

        /** Whether both outputs are zero. */
        public boolean stopped() {
            return left == 0f && right == 0f;
        }
    }

    private final Change[] ring;
    private long written;

    OutputLog(int capacity) {
        this.ring = new Change[capacity];
    }

    synchronized void record(long nanos, float left, float right) {
        ring[(int) (written % ring.length)] = new Change(nanos, left, right);
        written++;
        notifyAll();
    }

    /** The changes still held, oldest first. */
    public synchronized List<Change> changes() {
        List<Change> out = new ArrayList<>();
        for (long i = Math.max(0, written - ring.length); i < written; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }

    /** The latest change, if any. */
    public synchronized Optional<Change> last() {
        return written == 0 ? Optional.empty() : Optional.of(ring[(int) ((written - 1) % ring.length)]);
    }

    /** Whether both outputs are zero now. */
    public boolean stoppedNow() {
        return last().map(Change::stopped).orElse(true);
    }

    /** The first change to zero at or after {@code nanos}, if there was one. */
    public synchronized Optional<Change> firstStopAtOrAfter(long nanos) {
        return changes().stream().filter(c -> c.nanos() - nanos >= 0 && c.stopped()).findFirst();
    }

    /** The first change at or after {@code nanos} that moves a motor, if there was one. */
    public synchronized Optional<Change> firstMoveAtOrAfter(long nanos) {
        return changes().stream().filter(c -> c.nanos() - nanos >= 0 && !c.stopped()).findFirst();
    }

    /** Waits until the outputs change to zero at or after {@code nanos}, or {@code timeout}. */
    public synchronized Optional<Change> awaitStopAtOrAfter(long nanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Change> stop;
        while ((stop = firstStopAtOrAfter(nanos)).isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return stop;
    }

    /** Waits until a motor moves at or after {@code nanos}, or {@code timeout}. */
    public synchronized Optional<Change> awaitMoveAtOrAfter(long nanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Change> move;
        while ((move = firstMoveAtOrAfter(nanos)).isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return move;
    }
}
