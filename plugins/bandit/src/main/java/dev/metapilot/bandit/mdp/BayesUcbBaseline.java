package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * The {@code bayes-ucb} tabular-MDP baseline: a myopic, per-state Bayesian upper-confidence rule. In every state it
 * takes the action whose reward mean has the highest posterior mean plus {@code c} posterior standard deviations, under
 * the task distribution's own prior (reward means N(1, 1), unit reward noise), and ignores the transitions. With RL²
 * Table 2's tasks (Dirichlet(1) transitions, horizon 10) where an action leads matters less than what it pays, and this
 * rule beats PSRL and the planners on an estimated model (see the plugin's README). {@code c} is tuned over {0, 0.25,
 * ..., 2} on 1000 TRAIN trials.
 *
 * <p>
 * Not in the RL² paper. It is also the {@code expert=bayes-ucb} of {@link TabularMdpEnvironment}: its choice depends on
 * the trial's rewards per (state, action) only. Offered by {@link TabularMdpFactory}; {@link #start} is called on the
 * trial thread once per trial.
 */
final class BayesUcbBaseline implements Baseline {

    /** Baseline name. */
    static final String NAME = "bayes-ucb";

    private final TabularMdpConfig config;
    private final TunedParameter c;

    BayesUcbBaseline(TabularMdpConfig config, TunedParameter c) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.c = Objects.requireNonNull(c, "c is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "myopic per-state Bayes-UCB on the reward means (prior N(1,1), transitions ignored), c " + (c.isTuned()
                ? "tuned over {0, 0.25, ..., 2} on 1000 TRAIN trials"
                : "= " + c);
    }

    /** The number of posterior standard deviations added to the mean (tuned on first call when tuning). */
    double c() {
        return c.value();
    }

    @Override
    public Actor start(Task task, long seed) {
        double width = c.value();
        MdpPosterior posterior = posterior(config);
        return (input, out) -> out.setIndex(posterior.upperBoundAction(posterior.observe(input), width));
    }

    /** The belief this rule acts on, before any step: the task distribution's prior. */
    static MdpPosterior posterior(TabularMdpConfig config) {
        return new MdpPosterior(config.states(), config.actions(), TabularMdpTasks.REWARD_PRIOR_MEAN,
                TabularMdpTasks.REWARD_PRIOR_PRECISION, TabularMdpTasks.REWARD_NOISE_PRECISION,
                TabularMdpTasks.TRANSITION_PRIOR);
    }
}
