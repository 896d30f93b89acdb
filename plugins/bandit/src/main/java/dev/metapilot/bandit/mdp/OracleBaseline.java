package dev.metapilot.bandit.mdp;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.SplittableRandom;

/**
 * The {@code oracle} tabular-MDP baseline: knows the task's reward means and transitions and follows the optimal
 * finite-horizon policy from value iteration; the ceiling no learner can beat in expectation.
 *
 * <p>
 * Offered by {@link TabularMdpFactory}; {@link #start} (called on the trial thread once per trial) solves the task.
 */
final class OracleBaseline implements Baseline {

    private final TabularMdpConfig config;

    OracleBaseline(TabularMdpConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String description() {
        return "knows the MDP: optimal finite-horizon policy by value iteration";
    }

    @Override
    public Actor start(Task task, long seed) {
        if (!(task instanceof TabularMdpTask mdp)) {
            throw new IllegalArgumentException("the oracle needs a tabular-mdp task, got " + task);
        }
        FiniteHorizonPlanner planner = solve(mdp, config.horizon());
        SplittableRandom rng = new SplittableRandom(seed);
        int states = config.states();
        return (input, out) -> {
            float[] obs = input.observation();
            int state = 0;
            while (obs[state] < 0.5f && state < states - 1) {
                state++;
            }
            out.setIndex(planner.bestAction(input.step(), state, rng));
        };
    }

    /** The solved planner of {@code task}: {@code value(0, 0)} is the expected return of one episode. */
    static FiniteHorizonPlanner solve(TabularMdpTask task, int horizon) {
        double[] r = new double[task.states() * task.actions()];
        double[] p = new double[task.states() * task.actions() * task.states()];
        task.copyRewardMeans(r);
        task.copyTransitions(p);
        FiniteHorizonPlanner planner = new FiniteHorizonPlanner(task.states(), task.actions(), horizon);
        planner.solve(r, p);
        return planner;
    }
}
