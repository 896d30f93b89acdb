package dev.metapilot.agent.realtime;

import java.util.Objects;
import java.util.Optional;

/**
 * How a run of the {@link RealtimeTrialRunner} ended: every trial done, or a {@link SafeStop}; and the loop timing over
 * the whole run. Returned on the thread that ran it; immutable.
 *
 * @param stop why the run stopped early, or null when every trial ran to its end
 * @param timing the loop timing over every episode of the run
 */
public record RealtimeResult(SafeStop stop, LoopReport timing) {

    public RealtimeResult {
        Objects.requireNonNull(timing, "timing is null");
    }

    /** Whether every trial ran to its end. */
    public boolean completed() {
        return stop == null;
    }

    /** The early stop, if there was one. */
    public Optional<SafeStop> safeStop() {
        return Optional.ofNullable(stop);
    }
}
