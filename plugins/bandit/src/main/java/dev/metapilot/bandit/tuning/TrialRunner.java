package dev.metapilot.bandit.tuning;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * Runs a baseline for whole RL² trials (one task, {@code episodesPerTrial} episodes, previous-step inputs carried
 * across episodes) and returns the total reward of each trial; used to tune baseline parameters on TRAIN tasks.
 *
 * <p>
 * Called on the caller's thread; creates and closes its own environment per call. Not the agent's trial runner.
 */
public final class TrialRunner {

    private final EnvironmentFactory factory;

    public TrialRunner(EnvironmentFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
    }

    /**
     * Runs {@code trials} trials on the tasks {@code split} seeds {@code 0 .. trials-1}.
     *
     * @param seed seeds the baseline and the episode resets
     * @return the total reward of each trial
     */
    public double[] run(Baseline baseline, Split split, int trials, long seed) {
        Objects.requireNonNull(baseline, "baseline is null");
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
        double[] returns = new double[trials];
        int episodes = factory.spec().episodesPerTrial();
        try (Environment env = factory.create()) {
            StepInput input = new StepInput(env.spec());
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            for (int t = 0; t < trials; t++) {
                Task task = factory.tasks().sample(split, t);
                env.setTask(task);
                Baseline.Actor actor = baseline.start(task, seed * 1_000_003L + t);
                input.beginTrial();
                double total = 0;
                for (int e = 0; e < episodes; e++) {
                    if (e > 0) {
                        input.nextEpisode();
                    }
                    env.reset(seed * 7_919L + (long) t * episodes + e, input.observation());
                    do {
                        actor.act(input, action);
                        env.step(action, input.observation(), result);
                        input.record(action, result.reward(), result.done());
                        total += result.reward();
                    } while (!result.done());
                }
                returns[t] = total;
            }
        }
        return returns;
    }

    /** Mean of {@code values}. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
