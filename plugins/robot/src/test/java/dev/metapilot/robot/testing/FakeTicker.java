package dev.metapilot.robot.testing;

import dev.metapilot.robot.io.Ticker;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to (or slept on); thread-safe. */
public final class FakeTicker implements Ticker {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Advances the clock by {@code nanos} instead of waiting. */
    @Override
    public void sleep(long nanos) {
        now.addAndGet(nanos);
    }

    /** Advances the clock. */
    public void advance(long nanos) {
        now.addAndGet(nanos);
    }

    /** Advances the clock by {@code ms} milliseconds. */
    public void advanceMillis(long ms) {
        advance(ms * 1_000_000L);
    }
}
