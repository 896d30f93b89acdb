package dev.metapilot.agent.trial;

import dev.metapilot.env.Action;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;

/**
 * The bookkeeping of one episode that every trial loop shares, so that the simulated and the real-time runner end
 * episodes the same way: steps, return and success so far; truncation at the spec's {@code maxEpisodeSteps} even when
 * the environment does not truncate by itself; the RL² inputs of the next step; and the episode's record.
 *
 * <p>
 * Reused across episodes ({@link #begin}); one per loop thread.
 */
public final class EpisodeTally {

    private final int maxSteps;
    private int steps;
    private double total;
    private boolean success;
    private int faultsBefore;
    private boolean terminated;

    /** {@code maxSteps}: the environment spec's {@code maxEpisodeSteps}. */
    public EpisodeTally(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
        }
        this.maxSteps = maxSteps;
    }

    /** Starts an episode; {@code guardFaults}: the guard's fault count so far in the trial. */
    public void begin(int guardFaults) {
        steps = 0;
        total = 0;
        success = false;
        terminated = false;
        faultsBefore = guardFaults;
    }

    /**
     * Counts a step the environment took with {@code action} and records it in {@code input} (previous action, reward,
     * done flag). Returns whether the episode is over: terminated by the environment, truncated by it, or at the step
     * limit.
     */
    public boolean stepped(Action action, StepResult result, StepInput input) {
        steps++;
        total += result.reward();
        success |= result.success();
        terminated = result.terminated();
        boolean done = terminated || result.truncated() || steps >= maxSteps;
        input.record(action, result.reward(), done);
        return done;
    }

    public int steps() {
        return steps;
    }

    /** The record of the episode ended by the last {@link #stepped} call: terminated or truncated. */
    public EpisodeRecord finished(String policy, int trial, int episode, String taskId, int guardFaults) {
        return record(policy, trial, episode, taskId, guardFaults, terminated
                ? EpisodeRecord.End.TERMINATED
                : EpisodeRecord.End.TRUNCATED);
    }

    /** The record of the episode ended early for {@code end} (fault limit, safe stop) after the steps so far. */
    public EpisodeRecord record(String policy, int trial, int episode, String taskId, int guardFaults,
            EpisodeRecord.End end) {
        return new EpisodeRecord(policy, trial, episode, taskId, steps, total, success, guardFaults - faultsBefore,
                end);
    }
}
