package dev.metapilot.agent.testing;

import dev.metapilot.agent.realtime.LoopClock;

/**
 * A {@link LoopClock} that moves only when told: {@link #advance} stands for work done in a tick, and
 * {@link #sleepUntil} jumps to the deadline plus a settable oversleep (the scheduler's lateness). Lets tests check the
 * loop's period and deadline accounting exactly, with no timed assertion. Test thread only.
 */
public final class ManualClock implements LoopClock {

    private long now = 1_000_000_000L;
    private long oversleep;
    private int sleeps;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        sleeps++;
        if (deadlineNanos - now > 0) {
            now = deadlineNanos + oversleep;
        }
    }

    /** Moves time forward by {@code nanos} (work being done). */
    public void advance(long nanos) {
        now += nanos;
    }

    /** Every later sleep wakes {@code nanos} after its deadline. */
    public void oversleep(long nanos) {
        oversleep = nanos;
    }

    /** Calls of {@link #sleepUntil} so far. */
    public int sleeps() {
        return sleeps;
    }
}
