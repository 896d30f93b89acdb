package dev.metapilot.agent.realtime;

/**
 * How the real-time loop runs: its rate, how many deadlines may be missed in a row before the watchdog stops the robot,
 * and how long before each deadline the loop stops parking and spins. Built on the main thread; immutable.
 *
 * @param rateHz control rate, Hz (the locomotion policies are trained at 20 Hz)
 * @param maxConsecutiveMisses the watchdog stops the robot when this many deadlines were missed in a row (at least 1)
 * @param spinNanos park/spin threshold of {@link SystemLoopClock}
 */
public record LoopSettings(double rateHz, int maxConsecutiveMisses, long spinNanos) {

    /** The default rate, Hz: the locomotion plugin's control rate. */
    public static final double DEFAULT_RATE_HZ = 20;
    /** The default tolerance: three missed deadlines in a row stop the robot. */
    public static final int DEFAULT_MAX_MISSES = 3;
    /** The default spin threshold, 200 µs. */
    public static final long DEFAULT_SPIN_NANOS = 200_000;

    public LoopSettings {
        if (!(rateHz > 0 && rateHz <= 10_000)) {
            throw new IllegalArgumentException("rate must be in (0, 10000] Hz, got " + rateHz);
        }
        if (maxConsecutiveMisses < 1) {
            throw new IllegalArgumentException("maxConsecutiveMisses must be >= 1, got " + maxConsecutiveMisses);
        }
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spinNanos must be >= 0, got " + spinNanos);
        }
    }

    /** The defaults at {@code rateHz}. */
    public static LoopSettings at(double rateHz) {
        return new LoopSettings(rateHz, DEFAULT_MAX_MISSES, DEFAULT_SPIN_NANOS);
    }

    /** The period, ns. */
    public long periodNanos() {
        return Math.round(1e9 / rateHz);
    }
}
