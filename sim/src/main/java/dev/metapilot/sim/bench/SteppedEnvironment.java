package dev.metapilot.sim.bench;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;

/**
 * What every environment benchmark measures: one environment on one held-out task, stepped with uniformly random
 * actions drawn up front (by the API's {@link RandomBaseline}), reset whenever an episode ends. Owned by one JMH state,
 * used by one benchmark thread.
 */
final class SteppedEnvironment implements AutoCloseable {

    private static final int ACTIONS = 4096;

    private final Environment env;
    private final float[] observation;
    private final StepResult result = new StepResult();
    private final Action[] actions = new Action[ACTIONS];
    private int next;
    private long episode;

    /** An environment of {@code factory} on TEST task 1, with actions drawn from {@code seed}. */
    SteppedEnvironment(EnvironmentFactory factory, long seed) {
        Task task = factory.tasks().sample(Split.TEST, 1);
        env = factory.create();
        env.setTask(task);
        observation = new float[env.spec().observationSize()];
        Baseline.Actor random = new RandomBaseline(env.spec().actionSpace()).start(task, seed);
        StepInput input = new StepInput(env.spec());
        input.beginTrial();
        for (int i = 0; i < ACTIONS; i++) {
            actions[i] = Action.of(env.spec().actionSpace());
            random.act(input, actions[i]);
        }
        env.reset(episode++, observation);
    }

    /** One step, and the reset of the next episode when this one ended; returns the reward for JMH to consume. */
    float step() {
        env.step(actions[next++ & (ACTIONS - 1)], observation, result);
        if (result.done()) {
            env.reset(episode++, observation);
        }
        return result.reward();
    }

    @Override
    public void close() {
        env.close();
    }
}
