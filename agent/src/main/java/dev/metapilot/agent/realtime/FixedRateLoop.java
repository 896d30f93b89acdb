package dev.metapilot.agent.realtime;

import java.util.Objects;

/**
 * Paces a control loop at a fixed rate with absolute deadlines ({@code origin + k · period}, so errors never
 * accumulate), and accounts for its timing: the <em>period error</em> (time between two tick starts minus the period),
 * the <em>lateness</em> of each tick start after its deadline, and <em>deadline misses</em>: a deadline that passed
 * while the previous tick was still running. After a miss the loop does not run the missed ticks in a burst: it starts
 * the latest tick whose deadline has passed at once and keeps the original phase.
 *
 * <p>
 * Owned by the loop thread: {@link #start()} when the loop (re)starts, then one {@link #awaitNextTick()} after each
 * tick's work; no allocation.
 */
public final class FixedRateLoop {

    private final LoopClock clock;
    private final long period;
    private final JitterHistogram periodErrors = new JitterHistogram();
    private final JitterHistogram lateness = new JitterHistogram();
    private long origin;
    private long tick;
    private long lastStart;
    private long lastLateness;
    private long ticks;
    private long misses;
    private int consecutiveMisses;
    private int longestMissRun;
    private boolean started;

    /** @param periodNanos the period, positive */
    public FixedRateLoop(LoopClock clock, long periodNanos) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("periodNanos must be positive, got " + periodNanos);
        }
        this.period = periodNanos;
    }

    /** A loop at {@code rateHz} ticks per second. */
    public static FixedRateLoop atRate(LoopClock clock, double rateHz) {
        if (!(rateHz > 0) || !Double.isFinite(rateHz)) {
            throw new IllegalArgumentException("rate must be a positive number of Hz, got " + rateHz);
        }
        return new FixedRateLoop(clock, Math.round(1e9 / rateHz));
    }

    /** Starts tick 0 now (after a pause, too: the deadlines are re-anchored) and clears the accounting. */
    public void start() {
        origin = clock.nanoTime();
        lastStart = origin;
        lastLateness = 0;
        tick = 0;
        ticks = 1;
        misses = 0;
        consecutiveMisses = 0;
        longestMissRun = 0;
        periodErrors.clear();
        lateness.clear();
        started = true;
    }

    /**
     * Waits for the next tick's deadline and starts it.
     *
     * @return the deadlines missed since the last tick started: 0 when the work finished in time, otherwise how many
     * deadlines passed while it ran (the tick that starts now is the latest of them, late)
     */
    public int awaitNextTick() {
        if (!started) {
            throw new IllegalStateException("awaitNextTick before start");
        }
        long next = origin + (tick + 1) * period;
        int missed;
        long now = clock.nanoTime();
        if (now - next <= 0) {
            clock.sleepUntil(next);
            tick++;
            missed = 0;
            consecutiveMisses = 0;
        } else {
            long latest = (now - origin) / period;
            missed = (int) Math.min(Integer.MAX_VALUE, latest - tick);
            tick = latest;
            misses += missed;
            consecutiveMisses = (int) Math.min(Integer.MAX_VALUE, (long) consecutiveMisses + missed);
            longestMissRun = Math.max(longestMissRun, consecutiveMisses);
        }
        long start = clock.nanoTime();
        periodErrors.record(start - lastStart - period);
        lastLateness = start - (origin + tick * period);
        lateness.record(lastLateness);
        lastStart = start;
        ticks++;
        return missed;
    }

    /** The period, ns. */
    public long periodNanos() {
        return period;
    }

    /** When the running tick started ({@link LoopClock#nanoTime()}). */
    public long tickStartNanos() {
        return lastStart;
    }

    /** How long after its deadline the running tick started, ns (0 for the first tick after {@link #start()}). */
    public long latenessNanos() {
        return lastLateness;
    }

    /** Ticks started since {@link #start()}, the first included. */
    public long ticks() {
        return ticks;
    }

    /** Deadlines missed since {@link #start()}. */
    public long misses() {
        return misses;
    }

    /** Deadlines missed in a row up to the running tick (0 when the last wait was on time). */
    public int consecutiveMisses() {
        return consecutiveMisses;
    }

    /** The longest run of consecutive misses since {@link #start()}. */
    public int longestMissRun() {
        return longestMissRun;
    }

    /** |time between tick starts − period| of every tick since {@link #start()} but the first. */
    public JitterHistogram periodErrors() {
        return periodErrors;
    }

    /** |tick start − its deadline| of every tick since {@link #start()} but the first. */
    public JitterHistogram lateness() {
        return lateness;
    }

    /** The accounting since {@link #start()}. */
    public LoopReport report() {
        return LoopReport.of(period, ticks, misses, longestMissRun, periodErrors, lateness);
    }
}
