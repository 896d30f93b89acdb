package dev.metapilot.env;

/**
 * A plugin's distribution over tasks, split into TRAIN and held-out TEST parts that never share a task.
 *
 * <p>
 * Called by the trainer (TRAIN) and by evaluation (TEST) once per trial, from any thread; implementations are stateless
 * and thread-safe.
 */
@FunctionalInterface
public interface TaskDistribution {

    /**
     * Draws the task that {@code seed} names in {@code split}: the same {@code (split, seed)} always gives the same
     * task.
     */
    Task sample(Split split, long seed);
}
