package dev.metapilot.bandit;

import dev.metapilot.bandit.tuning.GridSearch;
import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.TaskDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configured {@code bandit} family: spec {@code bandit} with {@code Discrete(1)} observations, {@code Discrete(k)}
 * actions, one step per episode and {@code n} episodes per trial; its tasks; and the RL² Table 1 baselines.
 *
 * <p>
 * Created by {@link BanditPlugin#configure} on the main thread; thread-safe. Tuned baselines tune on first use and keep
 * the result for this factory's lifetime.
 */
public final class BanditFactory implements EnvironmentFactory {

    /** The grid of ε and of the UCB1 constant, as in the RL² paper's tuning code. */
    static final double[] TUNING_GRID = GridSearch.linear(0, 1, 0.1);

    private final BanditConfig config;
    private final EnvSpec spec;
    private final BanditTasks tasks;
    private final List<Baseline> baselines;
    private final BanditExpert expert;

    public BanditFactory(BanditConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.spec = new EnvSpec("bandit", new Discrete(1), new Discrete(config.arms()), 1, config.pulls(),
                false);
        this.tasks = new BanditTasks(config.arms());
        int k = config.arms();
        List<Baseline> list = new ArrayList<>();
        list.add(new RandomBaseline(spec.actionSpace()));
        list.add(new GreedyBaseline(k));
        list.add(new EpsilonGreedyBaseline(k, TunedParameter.tuned(this, TUNING_GRID,
                eps -> new EpsilonGreedyBaseline(k, TunedParameter.fixed(eps)))));
        Ucb1Baseline ucb1 = new Ucb1Baseline(k, TunedParameter.tuned(this, TUNING_GRID, c -> new Ucb1Baseline(k,
                TunedParameter.fixed(c))));
        list.add(ucb1);
        list.add(new ThompsonSamplingBaseline(k));
        GittinsBaseline gittins = GittinsIndexTable.fits(config.pulls())
                ? new GittinsBaseline(k, config.pulls())
                : null;
        if (gittins != null) {
            list.add(gittins);
        }
        if (BeliefValueTable.fits(k, config.pulls())) {
            list.add(new BayesOptimalBaseline(k, config.pulls()));
        }
        this.baselines = List.copyOf(list);
        this.expert = config.expert().equals("gittins") ? gittins : ucb1;
    }

    /** The settings this factory was built with. */
    public BanditConfig config() {
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
        return new BanditEnvironment(spec, config.arms(), expert);
    }

    /**
     * random, greedy, epsilon-greedy, ucb1, thompson, gittins for {@code n <= 200}, and bayes-optimal where its table
     * fits (every {@code n = 10} setting, {@code n} up to about 25 for {@code k = 5}).
     */
    @Override
    public List<Baseline> baselines() {
        return baselines;
    }
}
