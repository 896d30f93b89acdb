package dev.metapilot.agent.realtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The timing of a stretch of a {@link FixedRateLoop} (an episode, a whole run): ticks, deadline misses, and the median,
 * 99th percentile and maximum of the period error and of the lateness, in microseconds. Created on the loop thread,
 * read anywhere; immutable.
 *
 * @param periodNanos the nominal period
 * @param ticks ticks started
 * @param misses deadlines missed
 * @param longestMissRun the most deadlines missed in a row
 * @param periodErrorP50 median |period error|, µs
 * @param periodErrorP99 99th percentile |period error|, µs
 * @param periodErrorMax largest |period error|, µs
 * @param latenessP50 median lateness of a tick start after its deadline, µs
 * @param latenessP99 99th percentile lateness, µs
 * @param latenessMax largest lateness, µs
 */
public record LoopReport(long periodNanos, long ticks, long misses, int longestMissRun, double periodErrorP50,
        double periodErrorP99, double periodErrorMax, double latenessP50, double latenessP99, double latenessMax) {

    /** The report of these counts and histograms. */
    public static LoopReport of(long periodNanos, long ticks, long misses, int longestMissRun,
            JitterHistogram periodErrors, JitterHistogram lateness) {
        return new LoopReport(periodNanos, ticks, misses, longestMissRun, periodErrors.quantileMicros(0.5),
                periodErrors.quantileMicros(0.99), periodErrors.maxMicros(), lateness.quantileMicros(0.5), lateness
                        .quantileMicros(0.99),
                lateness.maxMicros());
    }

    /** The rate, Hz. */
    public double rateHz() {
        return 1e9 / periodNanos;
    }

    /** The fields under their log names (snake case, microseconds). */
    public Map<String, Object> toFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate_hz", rateHz());
        m.put("ticks", ticks);
        m.put("deadline_misses", misses);
        m.put("longest_miss_run", longestMissRun);
        m.put("period_error_us", percentiles(periodErrorP50, periodErrorP99, periodErrorMax));
        m.put("lateness_us", percentiles(latenessP50, latenessP99, latenessMax));
        return m;
    }

    private static Map<String, Object> percentiles(double p50, double p99, double max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", p50);
        m.put("p99", p99);
        m.put("max", max);
        return m;
    }

    /** One line: {@code 200 Hz, 1000 ticks, 0 misses, period error p50/p99/max 12/85/410 µs}. */
    public String summary() {
        return String.format(Locale.ROOT, "%.0f Hz, %d ticks, %d deadline misses, period error p50/p99/max "
                + "%.0f/%.0f/%.0f µs, lateness p50/p99/max %.0f/%.0f/%.0f µs", rateHz(), ticks, misses, periodErrorP50,
                periodErrorP99, periodErrorMax, latenessP50, latenessP99, latenessMax);
    }
}
