package dev.metapilot.agent.realtime;

import dev.metapilot.agent.trial.EpisodeListener;

/**
 * Receives what the {@link RealtimeTrialRunner} reports, on its loop thread: each finished (or stopped) episode, its
 * timing, deadline misses as they happen, and the safe stop that ended a run early. Implementations return quickly:
 * they run inside the control period.
 */
public interface RealtimeListener extends EpisodeListener {

    /** The loop timing of an episode; called just before {@link #episodeEnded} for it. */
    default void episodeTiming(int trial, int episode, LoopReport report) {}

    /**
     * {@code missed} deadlines passed while the tick after step {@code step} was running; the next tick starts
     * {@code latenessNanos} after its own deadline.
     */
    default void deadlineMissed(int trial, int episode, int step, int missed, long latenessNanos) {}

    /** The loop stopped the robot for {@code stop}; the hardware was commanded to stop before this call. */
    default void safeStopped(SafeStop stop) {}
}
