package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The {@code greedy} and {@code epsilon-greedy} tabular-MDP baselines of RL² Table 2 (TabulaRL's
 * {@code EpsilonGreedy}): at the start of every episode solve the estimated MDP (empirical reward means, unvisited
 * pairs 0; empirical transitions, unvisited rows uniform; a vanishing 10⁻⁴ prior) and act greedily on it, with a
 * uniformly random action with probability ε. ε is 0 for {@code greedy} and tuned over {0.1, ..., 1} for
 * {@code epsilon-greedy}, as in the paper.
 *
 * <p>
 * Offered by {@link TabularMdpFactory}; {@link #start} is called on the trial thread once per trial.
 */
final class CertaintyEquivalenceBaseline implements Baseline {

    /** TabulaRL's vanishing prior: reward precision and Dirichlet mass 10⁻⁴, reward prior mean 0. */
    static final double VANISHING_PRIOR = 1e-4;

    private final String name;
    private final TabularMdpConfig config;
    private final TunedParameter epsilon;

    CertaintyEquivalenceBaseline(String name, TabularMdpConfig config, TunedParameter epsilon) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.epsilon = Objects.requireNonNull(epsilon, "epsilon is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "value iteration on the estimated MDP, random action with probability ε " + (epsilon.isTuned()
                ? "tuned over {0.1, ..., 1} on 1000 TRAIN trials"
                : "= " + epsilon);
    }

    /** The ε in use (tuned on first call when tuning). */
    double epsilon() {
        return epsilon.value();
    }

    @Override
    public Actor start(Task task, long seed) {
        double eps = epsilon.value();
        int actions = config.actions();
        ModelPlanner model = new ModelPlanner(config, estimate(config));
        SplittableRandom rng = new SplittableRandom(seed);
        return (input, out) -> {
            int state = model.observe(input);
            if (input.step() == 0) {
                model.planOnMean();
            }
            out.setIndex(rng.nextDouble() < eps ? rng.nextInt(actions) : model.bestAction(input.step(), state, rng));
        };
    }

    /**
     * The estimate of an MDP of {@code config} that these baselines plan on, before any step: TabulaRL's vanishing
     * prior.
     */
    static MdpPosterior estimate(TabularMdpConfig config) {
        return new MdpPosterior(config.states(), config.actions(), 0.0, VANISHING_PRIOR,
                TabularMdpTasks.REWARD_NOISE_PRECISION, VANISHING_PRIOR);
    }
}
