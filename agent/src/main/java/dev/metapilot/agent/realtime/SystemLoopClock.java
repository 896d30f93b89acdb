package dev.metapilot.agent.realtime;

import java.util.concurrent.locks.LockSupport;

/**
 * {@link System#nanoTime()} with a park/spin hybrid sleep: parks until {@code spinNanos} before the deadline (the
 * kernel's timer slack and scheduling make a park overshoot by tens of microseconds or more), then spins with
 * {@link Thread#onSpinWait()} for the rest. Immutable; the loop thread sleeps on it.
 */
public final class SystemLoopClock implements LoopClock {

    private final long spinNanos;

    /** @param spinNanos how long before a deadline to stop parking and spin (0: park only) */
    public SystemLoopClock(long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spinNanos must be >= 0, got " + spinNanos);
        }
        this.spinNanos = spinNanos;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            // An interrupted thread does not park; it spins out the rest of the period instead of failing the tick.
            if (left > spinNanos && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(left - spinNanos);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** How long before a deadline it starts spinning, ns. */
    public long spinNanos() {
        return spinNanos;
    }
}
