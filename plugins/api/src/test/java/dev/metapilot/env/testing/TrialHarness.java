package dev.metapilot.env.testing;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;

/**
 * Runs a baseline for whole trials in a plugin's own tests, with the RL² trial semantics of the agent: the task and the
 * previous-step inputs carry across the episodes of a trial. Not the agent's runner; a fixture for plugin tests.
 */
public final class TrialHarness {

    private final EnvironmentFactory factory;

    public TrialHarness(EnvironmentFactory factory) {
        this.factory = factory;
    }

    /** Per-episode figures of a set of trials: {@code [trial][episode]}. */
    public record Results(double[][] returns, int[][] steps, boolean[][] success) {

        /** Mean of the per-trial total return (sum over the episodes of a trial). */
        public double meanTrialReturn() {
            double sum = 0;
            for (double[] trial : returns) {
                for (double r : trial) {
                    sum += r;
                }
            }
            return sum / returns.length;
        }

        /** Mean steps of episode {@code k} over trials. */
        public double meanSteps(int k) {
            double sum = 0;
            for (int[] trial : steps) {
                sum += trial[k];
            }
            return sum / steps.length;
        }

        /** Fraction of trials whose episode {@code k} succeeded. */
        public double successRate(int k) {
            int n = 0;
            for (boolean[] trial : success) {
                n += trial[k] ? 1 : 0;
            }
            return (double) n / success.length;
        }
    }

    /**
     * Runs {@code trials} trials of {@code episodes} episodes on tasks {@code split} seeds {@code 0..trials-1}.
     *
     * @param seed seeds the baseline and the episode resets
     */
    public Results run(Baseline baseline, Split split, int trials, int episodes, long seed) {
        double[][] returns = new double[trials][episodes];
        int[][] steps = new int[trials][episodes];
        boolean[][] success = new boolean[trials][episodes];
        try (Environment env = factory.create()) {
            StepInput input = new StepInput(env.spec());
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            for (int t = 0; t < trials; t++) {
                Task task = factory.tasks().sample(split, t);
                env.setTask(task);
                Baseline.Actor actor = baseline.start(task, seed * 1_000_003L + t);
                input.beginTrial();
                for (int e = 0; e < episodes; e++) {
                    if (e > 0) {
                        input.nextEpisode();
                    }
                    env.reset(seed + 31L * t + e, input.observation());
                    int n = 0;
                    do {
                        actor.act(input, action);
                        env.step(action, input.observation(), result);
                        input.record(action, result.reward(), result.done());
                        returns[t][e] += result.reward();
                        success[t][e] |= result.success();
                        n++;
                        if (n > env.spec().maxEpisodeSteps()) {
                            throw new AssertionError("episode ran past maxEpisodeSteps without truncation");
                        }
                    } while (!result.done());
                    steps[t][e] = n;
                }
            }
        }
        return new Results(returns, steps, success);
    }
}
