package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.random.RandomVariates;
import dev.metapilot.env.StepInput;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A learner's belief about one tabular MDP, built from the RL² inputs: a Normal posterior on each reward mean (known
 * noise precision) and Dirichlet counts on each transition row, as in TabulaRL's {@code FiniteHorizonTabularAgent}.
 *
 * <p>
 * Owned by one baseline actor on the trial thread. {@link #observe} is called once at the start of every {@code act}:
 * it credits the previous step's reward to the (state, action) it was taken in, and its transition unless the previous
 * step ended an episode (then the current state is the next episode's start).
 */
final class MdpPosterior {

    private final int states;
    private final int actions;
    private final double noisePrecision;
    private final double priorMean;
    private final double priorPrecision;
    private final double transitionPrior;
    private final double[] mean;
    private final double[] precision;
    private final double[] counts;
    private int lastState;

    /**
     * @param priorMean prior mean of every reward mean
     * @param priorPrecision prior precision of every reward mean
     * @param noisePrecision precision of the reward noise
     * @param transitionPrior Dirichlet concentration of every next state
     */
    MdpPosterior(int states, int actions, double priorMean, double priorPrecision, double noisePrecision,
            double transitionPrior) {
        if (!(priorPrecision > 0 && noisePrecision > 0 && transitionPrior > 0)) {
            throw new IllegalArgumentException("precisions and the transition prior must be positive");
        }
        this.states = states;
        this.actions = actions;
        this.noisePrecision = noisePrecision;
        this.priorMean = priorMean;
        this.priorPrecision = priorPrecision;
        this.transitionPrior = transitionPrior;
        this.mean = new double[states * actions];
        this.precision = new double[states * actions];
        this.counts = new double[states * actions * states];
        clear();
    }

    /** Forgets every observation: back to the prior. */
    void clear() {
        Arrays.fill(mean, priorMean);
        Arrays.fill(precision, priorPrecision);
        Arrays.fill(counts, transitionPrior);
    }

    /** Updates from the previous step (if any) and returns the current state, read from the one-hot observation. */
    int observe(StepInput input) {
        int state = stateOf(input.observation());
        if (input.episode() > 0 || input.step() > 0) {
            update(lastState, input.previousAction().index(), input.previousReward(), input.previousDone()
                    ? -1
                    : state);
        }
        lastState = state;
        return state;
    }

    /**
     * Credits one step: {@code reward} to ({@code state}, {@code action}), and its transition to {@code next} (-1:
     * none).
     */
    void update(int state, int action, double reward, int next) {
        int row = state * actions + action;
        double tau = precision[row] + noisePrecision;
        mean[row] = (mean[row] * precision[row] + reward * noisePrecision) / tau;
        precision[row] = tau;
        if (next >= 0) {
            counts[row * states + next] += 1;
        }
    }

    private int stateOf(float[] observation) {
        for (int s = 0; s < states; s++) {
            if (observation[s] > 0.5f) {
                return s;
            }
        }
        throw new IllegalArgumentException("observation is not a one-hot state: " + Arrays.toString(observation));
    }

    /**
     * The action of {@code state} with the highest upper bound {@code mean + c / sqrt(precision)} on its reward mean
     * (posterior mean plus {@code c} posterior standard deviations), the lowest index among ties.
     */
    int upperBoundAction(int state, double c) {
        int best = 0;
        double bestBound = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            double bound = upperBound(state * actions + a, c);
            if (bound > bestBound) {
                bestBound = bound;
                best = a;
            }
        }
        return best;
    }

    /** Writes {@code state}'s upper bound {@code mean + c / sqrt(precision)} of each action into {@code bounds}. */
    void upperBounds(int state, double c, double[] bounds) {
        for (int a = 0; a < actions; a++) {
            bounds[a] = upperBound(state * actions + a, c);
        }
    }

    /** Writes every (state, action) pair's upper bound {@code mean + c / sqrt(precision)} into {@code rewards}. */
    void upperBoundRewards(double c, double[] rewards) {
        for (int row = 0; row < states * actions; row++) {
            rewards[row] = upperBound(row, c);
        }
    }

    private double upperBound(int row, double c) {
        return mean[row] + c / Math.sqrt(precision[row]);
    }

    /** Draws one MDP from the posterior into {@code rewards} and {@code transitions}. */
    void sample(RandomGenerator rng, double[] rewards, double[] transitions) {
        for (int row = 0; row < states * actions; row++) {
            rewards[row] = mean[row] + rng.nextGaussian() / Math.sqrt(precision[row]);
            RandomVariates.dirichlet(rng, counts, row * states, states, transitions, row * states);
        }
    }

    /** Writes the posterior-mean MDP into {@code rewards} and {@code transitions}. */
    void meanModel(double[] rewards, double[] transitions) {
        System.arraycopy(mean, 0, rewards, 0, mean.length);
        for (int row = 0; row < states * actions; row++) {
            double sum = 0;
            for (int s2 = 0; s2 < states; s2++) {
                sum += counts[row * states + s2];
            }
            for (int s2 = 0; s2 < states; s2++) {
                transitions[row * states + s2] = counts[row * states + s2] / sum;
            }
        }
    }
}
