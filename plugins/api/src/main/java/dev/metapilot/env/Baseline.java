package dev.metapilot.env;

/**
 * A hand-written reference policy a plugin offers for its environment (random, shortest-path oracle, UCB1, ...); the
 * agent runs it by name through the same trial loop as a trained policy, so both fill the same table.
 *
 * <p>
 * Created by {@link EnvironmentFactory#baselines()}; {@link #start} is called on the trial thread once per trial.
 */
public interface Baseline {

    /** Name used on the command line, for example {@code random}, {@code oracle}, {@code ucb1}. */
    String name();

    /** One line for help texts and tables. */
    String description();

    /**
     * Starts a trial of {@code task}. Baselines that are not oracles must not read the task's hidden parameters.
     *
     * @param seed seeds the actor's own randomness
     */
    Actor start(Task task, long seed);

    /** A baseline acting within one trial; called once per step on the trial thread. */
    @FunctionalInterface
    interface Actor {

        /** Chooses the action for {@code input} (current observation and previous action, reward, done). */
        void act(StepInput input, Action out);
    }
}
