package dev.metapilot.env;

/**
 * A simulated environment that can tell a trainer's critic what the policy cannot observe: the hidden task's parameters
 * and the true state (an asymmetric actor-critic, Pinto et al. 2018; for meta-RL, Humplik et al. 2019, <i>Meta
 * reinforcement learning as task inference</i>). A value function that knows the task measures what a step taught the
 * policy (its value under the true task changes) instead of waiting for the returns of later episodes to show it.
 *
 * <p>
 * Read only by the simulator-side trainer's critic: never by a policy, never on hardware. The features describe the
 * state after the last {@link Environment#reset} or {@link Environment#step}, are finite and of order one, and are read
 * on the thread that steps the environment.
 */
public interface PrivilegedFeatures {

    /** P, the number of features; fixed for the environment's configuration, at least 1. */
    int privilegedFeatureCount();

    /**
     * Writes the P features of the current state into {@code out[offset..offset+P)}.
     *
     * @throws IllegalStateException before the first reset
     */
    void writePrivilegedFeatures(float[] out, int offset);

    /**
     * Where the features hold an expert's action over a {@code Discrete(n)} action space: the index of the first of its
     * n floats among the P, or -1 (the default) when they hold none. The n floats are a one-hot, or the expert's
     * distribution where it draws among tied choices (summing to 1), and all zeros wherever the expert's action cannot
     * be inferred from the trial's history so far (in a maze: until the goal has been reached once in the trial), so
     * that a trainer that imitates the expert asks of the policy only what a policy with memory can do.
     */
    default int expertActionOffset() {
        return -1;
    }
}
