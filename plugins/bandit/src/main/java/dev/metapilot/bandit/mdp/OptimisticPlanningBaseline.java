package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The {@code optimistic-vi} tabular-MDP baseline: {@code bayes-ucb}'s optimism, planned. In every step it solves the
 * model whose reward means are the posterior upper bounds (posterior mean plus {@code c} posterior standard deviations,
 * under the task distribution's prior N(1, 1) with unit reward noise) and whose transitions are the posterior means
 * (Dirichlet(1) rows), by finite-horizon value iteration, and takes the best action for the step of the episode it is
 * in (exact ties uniformly at random). Unlike {@code bayes-ucb} it sees where an action leads: an unvisited pair's
 * optimism reaches the states from which it can be tried. {@code c} is tuned over {0, 0.25, ..., 2} on 1000 TRAIN
 * trials.
 *
 * <p>
 * Not in the RL² paper; a Bayesian cousin of optimistic model-based rules such as UCRL2 and UCBVI, with the bonus on
 * the rewards only. Offered by {@link TabularMdpFactory}; {@link #start} is called on the trial thread once per trial,
 * and each actor owns its posterior and planner (value iteration allocates nothing).
 */
final class OptimisticPlanningBaseline implements Baseline {

    /** Baseline name. */
    static final String NAME = "optimistic-vi";

    private final TabularMdpConfig config;
    private final TunedParameter c;

    OptimisticPlanningBaseline(TabularMdpConfig config, TunedParameter c) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.c = Objects.requireNonNull(c, "c is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "value iteration every step on the posterior: upper-bound reward means (prior N(1,1), + c sd), mean "
                + "transitions, c " + (c.isTuned()
                        ? "tuned over {0, 0.25, ..., 2} on 1000 TRAIN trials"
                        : "= " + c);
    }

    /** The number of posterior standard deviations added to each reward mean (tuned on first call when tuning). */
    double c() {
        return c.value();
    }

    @Override
    public Actor start(Task task, long seed) {
        double width = c.value();
        ModelPlanner model = new ModelPlanner(config, BayesUcbBaseline.posterior(config));
        SplittableRandom rng = new SplittableRandom(seed);
        return (input, out) -> {
            int state = model.observe(input);
            model.planOptimistic(width);
            out.setIndex(model.bestAction(input.step(), state, rng));
        };
    }
}
