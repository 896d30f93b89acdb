package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.random.RandomVariates;
import dev.metapilot.bandit.random.SplitMix64;
import dev.metapilot.bandit.random.TaskSeeds;
import dev.metapilot.env.Split;
import dev.metapilot.env.TaskDistribution;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The task distribution of the {@code tabular-mdp} plugin, as in the RL² code: reward means ~ N(1, 1) per (s, a),
 * next-state distributions ~ Dirichlet(1, ..., 1) per (s, a); TRAIN and TEST use disjoint task seeds (see
 * {@link TaskSeeds}).
 *
 * <p>
 * Stateless and thread-safe; called once per trial by the trainer (TRAIN) and by evaluation (TEST).
 */
public final class TabularMdpTasks implements TaskDistribution {

    /** Mean of the reward-mean prior, N(1, 1). */
    public static final double REWARD_PRIOR_MEAN = 1.0;
    /** Precision of the reward-mean prior. */
    public static final double REWARD_PRIOR_PRECISION = 1.0;
    /** Precision of the reward noise around a mean (unit variance). */
    public static final double REWARD_NOISE_PRECISION = 1.0;
    /** Concentration of every component of the flat Dirichlet prior on transitions. */
    public static final double TRANSITION_PRIOR = 1.0;

    private static final long SALT = 0x7461_6275_6C61L; // "tabula"

    private final int states;
    private final int actions;

    public TabularMdpTasks(int states, int actions) {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("need states >= 1 and actions >= 1, got " + states + ", " + actions);
        }
        this.states = states;
        this.actions = actions;
    }

    @Override
    public TabularMdpTask sample(Split split, long seed) {
        Objects.requireNonNull(split, "split is null");
        SplitMix64 rng = new SplitMix64(TaskSeeds.generatorSeed(SALT, split, seed));
        double[] r = new double[states * actions];
        for (int i = 0; i < r.length; i++) {
            r[i] = REWARD_PRIOR_MEAN + rng.nextGaussian() / Math.sqrt(REWARD_PRIOR_PRECISION);
        }
        double[] alpha = new double[states];
        Arrays.fill(alpha, TRANSITION_PRIOR);
        double[] p = new double[states * actions * states];
        for (int row = 0; row < states * actions; row++) {
            RandomVariates.dirichlet(rng, alpha, 0, states, p, row * states);
        }
        String id = "tabular-mdp-s" + states + "a" + actions + "-" + split.name().toLowerCase(Locale.ROOT) + "-"
                + seed;
        return new TabularMdpTask(id, states, actions, r, p);
    }
}
