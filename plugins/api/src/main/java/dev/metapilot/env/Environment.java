package dev.metapilot.env;

/**
 * One simulated or real environment instance with Gymnasium semantics, stepped by one thread.
 *
 * <p>
 * The trial loop (agent or trainer worker) calls {@link #setTask} once per trial, then for each of the trial's episodes
 * {@link #reset} followed by {@link #step} until the episode is done. The task stays the same for every episode of a
 * trial. {@code reset} and {@code step} allocate nothing: they write into caller-owned buffers of length
 * {@link EnvSpec#observationSize()}.
 */
public interface Environment extends AutoCloseable {

    /** The spec this environment was created with. */
    EnvSpec spec();

    /** Sets the MDP for the following episodes; the task must come from this environment's plugin. */
    void setTask(Task task);

    /**
     * Starts an episode of the current task and writes the first observation.
     *
     * @param seed seeds any randomness of this episode (noise, random start where the task allows one)
     * @param observation caller-owned buffer of length {@code spec().observationSize()}
     * @throws IllegalStateException when no task is set
     */
    void reset(long seed, float[] observation);

    /**
     * Applies {@code action} for one step, writes the next observation and the step's outcome. The environment reports
     * {@link StepResult#truncated()} when the episode reaches {@link EnvSpec#maxEpisodeSteps()}.
     *
     * @param action an action of {@code spec().actionSpace()}, already checked by the caller
     * @param observation caller-owned buffer of length {@code spec().observationSize()}
     * @param result caller-owned result, overwritten
     */
    void step(Action action, float[] observation, StepResult result);

    /** Releases what the environment holds (hardware, threads). Simulated environments hold nothing by default. */
    @Override
    default void close() {}
}
