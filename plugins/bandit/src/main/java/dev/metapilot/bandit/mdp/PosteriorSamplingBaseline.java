package dev.metapilot.bandit.mdp;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.SplittableRandom;

/**
 * The {@code psrl} tabular-MDP baseline (posterior sampling for RL, Strens 2000; Osband et al. 2013): at the start of
 * every episode draws one MDP from the posterior (Normal reward means with known unit noise, Dirichlet transitions) and
 * follows its optimal finite-horizon policy for the episode.
 *
 * <p>
 * The factory's {@code psrl} uses TabulaRL's prior, as the RL² paper did: reward means N(0,1), Dirichlet(1) rows. The
 * task distribution's own reward prior N(1,1) is the "correct" one but earns less over short trials (it explores every
 * unvisited pair more): 133.7 against 137.1 at n = 10 on the same 1000 TEST tasks (see the README). Offered by
 * {@link TabularMdpFactory}; {@link #start} is called on the trial thread once per trial.
 */
final class PosteriorSamplingBaseline implements Baseline {

    /** TabulaRL's default prior mean of every reward mean, used by the RL² paper's PSRL row. */
    static final double TABULARL_REWARD_PRIOR_MEAN = 0.0;

    private final TabularMdpConfig config;
    private final double priorMean;

    /** PSRL whose reward-mean prior is N({@code priorMean}, 1). */
    PosteriorSamplingBaseline(TabularMdpConfig config, double priorMean) {
        this.config = config;
        this.priorMean = priorMean;
    }

    @Override
    public String name() {
        return "psrl";
    }

    @Override
    public String description() {
        return "posterior sampling: one MDP drawn per episode from N(" + priorMean
                + ",1)-Normal reward and Dirichlet(1) transition posteriors, solved by value iteration";
    }

    @Override
    public Actor start(Task task, long seed) {
        ModelPlanner model = new ModelPlanner(config, new MdpPosterior(config.states(), config.actions(), priorMean,
                TabularMdpTasks.REWARD_PRIOR_PRECISION, TabularMdpTasks.REWARD_NOISE_PRECISION,
                TabularMdpTasks.TRANSITION_PRIOR));
        SplittableRandom rng = new SplittableRandom(seed);
        return (input, out) -> {
            int state = model.observe(input);
            if (input.step() == 0) {
                model.planOnSample(rng);
            }
            out.setIndex(model.bestAction(input.step(), state, rng));
        };
    }
}
