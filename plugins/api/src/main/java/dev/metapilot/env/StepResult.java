package dev.metapilot.env;

/**
 * What one {@link Environment#step} produced besides the observation: reward, the episode's end, and whether the
 * episode's goal was reached.
 *
 * <p>
 * Owned by the caller of {@code step} and reused every step; the environment overwrites every field on each call
 * through {@link #set}.
 */
public final class StepResult {

    private float reward;
    private boolean terminated;
    private boolean truncated;
    private boolean success;

    /**
     * Overwrites the result of the step.
     *
     * @param reward the step's reward
     * @param terminated the episode ended in a terminal state of the MDP (goal reached, fell over)
     * @param truncated the episode was cut by its step limit
     * @param success the episode's goal was reached at this step
     */
    public void set(float reward, boolean terminated, boolean truncated, boolean success) {
        this.reward = reward;
        this.terminated = terminated;
        this.truncated = truncated;
        this.success = success;
    }

    public float reward() {
        return reward;
    }

    public boolean terminated() {
        return terminated;
    }

    public boolean truncated() {
        return truncated;
    }

    /** The episode is over, terminated or truncated. */
    public boolean done() {
        return terminated || truncated;
    }

    public boolean success() {
        return success;
    }

    @Override
    public String toString() {
        return "StepResult[reward=" + reward + ", terminated=" + terminated + ", truncated=" + truncated
                + ", success=" + success + "]";
    }
}
