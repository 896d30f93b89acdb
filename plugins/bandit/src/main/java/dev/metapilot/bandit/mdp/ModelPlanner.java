package dev.metapilot.bandit.mdp;

import dev.metapilot.env.StepInput;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A belief about one tabular MDP and finite-horizon value iteration on a model taken from it: its mean, its optimistic
 * version (upper-bound rewards, mean transitions) or a draw. What the planning baselines ({@code psrl}, {@code greedy},
 * {@code epsilon-greedy}, {@code optimistic-vi}) have in common; each decides when to plan and on which model.
 *
 * <p>
 * Owned by one baseline actor on the trial thread; planning allocates nothing.
 */
final class ModelPlanner {

    private final MdpPosterior belief;
    private final FiniteHorizonPlanner planner;
    private final double[] rewards;
    private final double[] transitions;

    ModelPlanner(TabularMdpConfig config, MdpPosterior belief) {
        this.belief = Objects.requireNonNull(belief, "belief is null");
        int pairs = config.states() * config.actions();
        this.planner = new FiniteHorizonPlanner(config.states(), config.actions(), config.horizon());
        this.rewards = new double[pairs];
        this.transitions = new double[pairs * config.states()];
    }

    /** Credits the previous step to the belief and returns the current state ({@link MdpPosterior#observe}). */
    int observe(StepInput input) {
        return belief.observe(input);
    }

    /** Plans on the belief's mean model. */
    void planOnMean() {
        belief.meanModel(rewards, transitions);
        planner.solve(rewards, transitions);
    }

    /** Plans on the mean transitions with each reward mean raised to its upper bound {@code mean + width·sd}. */
    void planOptimistic(double width) {
        belief.meanModel(rewards, transitions);
        belief.upperBoundRewards(width, rewards);
        planner.solve(rewards, transitions);
    }

    /** Plans on one model drawn from the belief. */
    void planOnSample(RandomGenerator rng) {
        belief.sample(rng, rewards, transitions);
        planner.solve(rewards, transitions);
    }

    /** A best action of the last plan at {@code step} in {@code state}, exact ties broken with {@code rng}. */
    int bestAction(int step, int state, RandomGenerator rng) {
        return planner.bestAction(step, state, rng);
    }
}
