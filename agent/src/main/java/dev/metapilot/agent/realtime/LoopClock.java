package dev.metapilot.agent.realtime;

/**
 * The time source of a {@link FixedRateLoop}: {@link SystemLoopClock} in production, a hand-driven clock in tests so
 * that period and deadline accounting is checked without timed assertions. Called on the loop thread only.
 */
public interface LoopClock {

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Returns at {@code deadlineNanos} or as soon as possible after it; at once when it has passed. */
    void sleepUntil(long deadlineNanos);
}
