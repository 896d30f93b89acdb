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
}
