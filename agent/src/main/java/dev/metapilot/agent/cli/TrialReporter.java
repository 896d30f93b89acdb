package dev.metapilot.agent.cli;

import dev.metapilot.agent.realtime.LoopReport;
import dev.metapilot.agent.realtime.RealtimeListener;
import dev.metapilot.agent.realtime.SafeStop;
import dev.metapilot.agent.telemetry.TelemetryLog;
import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.EpisodeStats;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code metapilot trial} tells the operator and the JSONL log while it runs: one console line per episode (the
 * adaptation curve as it happens) with its loop timing, an episode line and a {@code timing} line per episode in the
 * log, the first {@link #LOGGED_MISSES} deadline misses of each episode as {@code deadline_miss} lines, and the safe
 * stop. Called on the loop thread.
 */
final class TrialReporter implements RealtimeListener {

    /** Deadline misses logged one by one per episode; the rest are counted in its timing line. */
    static final int LOGGED_MISSES = 10;

    private final PrintWriter out;
    private final TelemetryLog log;
    private final boolean goal;
    private final EpisodeStats stats = new EpisodeStats();
    private int loggedMisses;
    private LoopReport lastTiming;

    /** {@code goal}: the environment's episodes have a goal, so each line says whether it was reached. */
    TrialReporter(PrintWriter out, TelemetryLog log, boolean goal) {
        this.out = out;
        this.log = log;
        this.goal = goal;
    }

    EpisodeStats stats() {
        return stats;
    }

    @Override
    public void deadlineMissed(int trial, int episode, int step, int missed, long latenessNanos) {
        if (loggedMisses++ < LOGGED_MISSES) {
            Map<String, Object> f = where(trial, episode);
            f.put("step", step);
            f.put("missed", missed);
            f.put("lateness_us", latenessNanos / 1000.0);
            log.event("deadline_miss", f);
        }
    }

    @Override
    public void episodeTiming(int trial, int episode, LoopReport report) {
        Map<String, Object> f = where(trial, episode);
        f.putAll(report.toFields());
        log.event("timing", f);
        lastTiming = report;
        loggedMisses = 0;
    }

    @Override
    public void episodeEnded(EpisodeRecord r) {
        log.episodeEnded(r);
        stats.episodeEnded(r);
        out.printf(Locale.ROOT, "trial %d episode %d: return %8.3f  steps %4d  %sguard faults %d  end %s", r.trial()
                + 1, r.episode() + 1, r.totalReturn(), r.steps(),
                goal
                        ? (r.success() ? "success yes  " : "success no   ")
                        : "",
                r.faults(), r.end().name().toLowerCase(Locale.ROOT));
        if (lastTiming != null) {
            out.printf(Locale.ROOT, "  | deadline misses %d, period error p99 %.0f µs, max %.0f µs", lastTiming
                    .misses(), lastTiming.periodErrorP99(), lastTiming.periodErrorMax());
        }
        out.println();
        out.flush();
    }

    @Override
    public void safeStopped(SafeStop stop) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("cause", stop.cause().logName());
        f.put("detail", stop.detail());
        log.event("safe_stop", f);
        out.println("SAFE STOP: " + stop.summary());
        out.flush();
    }

    private static Map<String, Object> where(int trial, int episode) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("trial", trial);
        f.put("episode", episode);
        return f;
    }
}
