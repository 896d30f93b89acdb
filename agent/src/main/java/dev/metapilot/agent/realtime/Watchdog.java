package dev.metapilot.agent.realtime;

import dev.metapilot.env.HardwareHealth;
import java.util.Locale;

/**
 * Decides, once per tick before the command is written, whether the robot must stop: on any fault its
 * {@link HardwareHealth} reports (stale sensors, link down, e-stop, controller fault) and when the loop has missed
 * {@link LoopSettings#maxConsecutiveMisses()} deadlines in a row. Called on the loop thread; immutable.
 */
public final class Watchdog {

    private final int maxConsecutiveMisses;
    private final long periodNanos;

    public Watchdog(LoopSettings settings) {
        this.maxConsecutiveMisses = settings.maxConsecutiveMisses();
        this.periodNanos = settings.periodNanos();
    }

    /**
     * @param consecutiveMisses what {@link FixedRateLoop#consecutiveMisses()} says now
     * @return the stop to make, or null when the loop may write the next command
     */
    public SafeStop check(HardwareHealth health, int consecutiveMisses) {
        if (!health.healthy()) {
            return SafeStop.of(health);
        }
        if (consecutiveMisses >= maxConsecutiveMisses) {
            return new SafeStop(SafeStop.Cause.DEADLINE_MISSES, String.format(Locale.ROOT,
                    "%d control deadlines missed in a row (limit %d, period %.1f ms)", consecutiveMisses,
                    maxConsecutiveMisses, periodNanos / 1e6));
        }
        return null;
    }
}
