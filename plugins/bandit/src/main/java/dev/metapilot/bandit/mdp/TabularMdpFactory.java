package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.tuning.GridSearch;
import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.TaskDistribution;
import java.util.List;
import java.util.Objects;

/**
 * The configured {@code tabular-mdp} family: spec {@code tabular-mdp} with one-hot {@code Discrete(states)}
 * observations, {@code Discrete(actions)} actions, {@code horizon} steps per episode and {@code n} episodes per trial;
 * its tasks; and the baselines random, oracle, psrl, greedy, epsilon-greedy, bayes-ucb, bayes-ucb-commit and
 * optimistic-vi.
 *
 * <p>
 * Created by {@link TabularMdpPlugin#configure} on the main thread; thread-safe.
 */
public final class TabularMdpFactory implements EnvironmentFactory {

    /** The ε grid of the RL² paper's MDP tuning code. */
    static final double[] EPSILON_GRID = GridSearch.linear(0.1, 1, 0.1);
    /** The grid of {@code bayes-ucb}'s and {@code optimistic-vi}'s width in posterior standard deviations. */
    static final double[] WIDTH_GRID = GridSearch.linear(0, 2, 0.25);

    /** The grid of {@code bayes-ucb-commit}'s number of final episodes without exploration. */
    static final double[] COMMIT_GRID = GridSearch.linear(0, 12, 1);

    private final TabularMdpConfig config;
    private final EnvSpec spec;
    private final TabularMdpTasks tasks;
    private final List<Baseline> baselines;
    private final BayesUcbBaseline bayesUcb;
    private final BayesUcbBaseline committing;

    public TabularMdpFactory(TabularMdpConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.spec = new EnvSpec("tabular-mdp", new Discrete(config.states()), new Discrete(config.actions()),
                config.horizon(), config.episodes(), false);
        this.tasks = new TabularMdpTasks(config.states(), config.actions());
        // tuned on environments without the bayes-ucb expert, whose creation reads the tuned width
        EnvironmentFactory tuning = config.upperBoundExpert()
                ? new TabularMdpFactory(config.withExpert("greedy"))
                : this;
        TunedParameter width = TunedParameter.tuned(tuning, WIDTH_GRID, c -> new BayesUcbBaseline(config,
                TunedParameter.fixed(c)));
        this.bayesUcb = new BayesUcbBaseline(config, width);
        this.committing = BayesUcbBaseline.committing(config, width, TunedParameter.tuned(tuning,
                COMMIT_GRID, m -> BayesUcbBaseline.committing(config, width, TunedParameter.fixed(m))));
        this.baselines = List.of(new RandomBaseline(spec.actionSpace()), new OracleBaseline(config),
                new PosteriorSamplingBaseline(config, PosteriorSamplingBaseline.TABULARL_REWARD_PRIOR_MEAN),
                new CertaintyEquivalenceBaseline("greedy", config, TunedParameter.fixed(0)),
                new CertaintyEquivalenceBaseline("epsilon-greedy", config, TunedParameter.tuned(this, EPSILON_GRID,
                        eps -> new CertaintyEquivalenceBaseline("epsilon-greedy", config, TunedParameter.fixed(
                                eps)))),
                bayesUcb, committing, new OptimisticPlanningBaseline(config, TunedParameter.tuned(tuning, WIDTH_GRID,
                        c -> new OptimisticPlanningBaseline(config, TunedParameter.fixed(c)))));
    }

    /** The settings this factory was built with. */
    public TabularMdpConfig config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public TaskDistribution tasks() {
        return tasks;
    }

    @Override
    public Environment create() {
        // the upper-bound experts act with the baselines' tuned width and final-episode count (tuned once, on the
        // first environment's creation)
        if (config.expert().equals(BayesUcbBaseline.COMMIT_NAME)) {
            return new TabularMdpEnvironment(spec, config, committing.c(), committing.commitEpisodes());
        }
        return new TabularMdpEnvironment(spec, config, config.expert().equals(BayesUcbBaseline.NAME)
                ? bayesUcb.c()
                : Double.NaN, 0);
    }

    @Override
    public List<Baseline> baselines() {
        return baselines;
    }
}
