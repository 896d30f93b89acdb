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
 * Its variant {@code bayes-ucb-commit} ({@link #committing}) stops exploring in the last {@code m} episodes of a trial
 * (width 0 there: what it would learn can no longer pay), with {@code bayes-ucb}'s width before them and {@code m}
 * tuned over {0, 1, ..., 12} on 1000 TRAIN trials.
 *
 * <p>
 * Not in the RL² paper. It is also the {@code expert=bayes-ucb} of {@link TabularMdpEnvironment}: its choice depends on
 * the trial's rewards per (state, action) only. Offered by {@link TabularMdpFactory}; {@link #start} is called on the
 * trial thread once per trial.
 */
final class BayesUcbBaseline implements Baseline {

    /** Baseline name. */
    static final String NAME = "bayes-ucb";
    /** The variant's name. */
    static final String COMMIT_NAME = "bayes-ucb-commit";

    private final String name;
    private final TabularMdpConfig config;
    private final TunedParameter c;
    private final TunedParameter commit;

    /** {@code bayes-ucb}: it explores to the end. */
    BayesUcbBaseline(TabularMdpConfig config, TunedParameter c) {
        this(NAME, config, c, TunedParameter.fixed(0));
    }

    private BayesUcbBaseline(String name, TabularMdpConfig config, TunedParameter c, TunedParameter commit) {
        this.name = name;
        this.config = Objects.requireNonNull(config, "config is null");
        this.c = Objects.requireNonNull(c, "c is null");
        this.commit = Objects.requireNonNull(commit, "commit is null");
    }

    /**
     * {@code bayes-ucb-commit}: width {@code c} (shared with {@code bayes-ucb}, so tuned once) before the last
     * {@code commit} episodes of a trial, 0 in them.
     */
    static BayesUcbBaseline committing(TabularMdpConfig config, TunedParameter c, TunedParameter commit) {
        return new BayesUcbBaseline(COMMIT_NAME, config, c, commit);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        String width = "c " + (c.isTuned()
                ? "tuned over {0, 0.25, ..., 2} on 1000 TRAIN trials"
                : "= " + c);
        if (name.equals(NAME)) {
            return "myopic per-state Bayes-UCB on the reward means (prior N(1,1), transitions ignored), " + width;
        }
        return "bayes-ucb (" + width + ") that stops exploring (c = 0) in the last m episodes, m " + (commit.isTuned()
                ? "tuned over {0, 1, ..., 12} on 1000 TRAIN trials"
                : "= " + (int) commit.value());
    }

    /** The number of final episodes played with width 0 (tuned on first call when tuning). */
    int commitEpisodes() {
        return (int) commit.value();
    }

    /** The number of posterior standard deviations added to the mean (tuned on first call when tuning). */
    double c() {
        return c.value();
    }

    @Override
    public Actor start(Task task, long seed) {
        double width = c.value();
        int exploitFrom = config.episodes() - commitEpisodes();
        MdpPosterior posterior = posterior(config);
        return (input, out) -> out.setIndex(posterior.upperBoundAction(posterior.observe(input), input
                .episode() >= exploitFrom
                        ? 0
                        : width));
    }

    /** The belief this rule acts on, before any step: the task distribution's prior. */
    static MdpPosterior posterior(TabularMdpConfig config) {
        return new MdpPosterior(config.states(), config.actions(), TabularMdpTasks.REWARD_PRIOR_MEAN,
                TabularMdpTasks.REWARD_PRIOR_PRECISION, TabularMdpTasks.REWARD_NOISE_PRECISION,
                TabularMdpTasks.TRANSITION_PRIOR);
    }
}
