package dev.metapilot.agent.policy;

import dev.metapilot.env.Action;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;

/**
 * A policy the trial runner drives, step by step: a trained ONNX meta-policy or a plugin's baseline. One instance per
 * environment, called on that environment's trial thread only.
 *
 * <p>
 * {@link #beginTrial} resets the policy's memory (an RNN's hidden state) at the start of every trial and never between
 * the episodes of a trial; what changes between episodes is carried by the {@link StepInput} (previous action, reward
 * and done flag).
 */
public interface Policy extends AutoCloseable {

    /** Name for tables and logs: a baseline's name or the model file's name. */
    String name();

    /**
     * Starts a trial of {@code task}: memory back to zero, the action sampler reseeded with {@code seed}.
     *
     * @param task the trial's task; only oracle baselines may look inside it
     */
    void beginTrial(Task task, long seed);

    /**
     * Chooses the action for {@code input} and writes it into {@code out}.
     *
     * @return false when the policy's outputs were not finite (NaN or infinity in logits, mean, value or hidden state);
     * {@code out} is then undefined and the action guard substitutes the safe action and counts a fault
     */
    boolean act(StepInput input, Action out);

    /** Releases native resources; the policy cannot be used afterwards. */
    @Override
    void close();
}
