package dev.metapilot.agent.trial;

import java.util.Objects;

/**
 * What one episode of a trial produced; emitted by the {@link TrialRunner} when the episode ends.
 *
 * @param policy the policy's name
 * @param trial 0-based trial index within the run
 * @param episode 0-based episode index within the trial
 * @param taskId the trial's task
 * @param steps steps taken
 * @param totalReturn undiscounted sum of rewards
 * @param success the episode reached its goal
 * @param faults guard faults in this episode
 * @param end why the episode ended
 */
public record EpisodeRecord(String policy, int trial, int episode, String taskId, int steps, double totalReturn,
        boolean success, int faults, End end) {

    public EpisodeRecord {
        Objects.requireNonNull(policy, "policy is null");
        Objects.requireNonNull(taskId, "taskId is null");
        Objects.requireNonNull(end, "end is null");
    }

    /** Why an episode ended. */
    public enum End {
        /** A terminal state of the MDP (goal reached, fell). */
        TERMINATED,
        /** The step limit. */
        TRUNCATED,
        /** The action guard counted its maximum of faults; the trial stopped here. */
        FAULT_LIMIT,
        /**
         * The real-time loop stopped the robot here (a hardware fault, missed deadlines, a signal); see its
         * {@link dev.metapilot.agent.realtime.SafeStop}.
         */
        SAFE_STOP
    }
}
