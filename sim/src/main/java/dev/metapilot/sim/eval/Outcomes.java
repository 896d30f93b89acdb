package dev.metapilot.sim.eval;

import dev.metapilot.agent.trial.EpisodeListener;
import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.EpisodeStats;
import dev.metapilot.agent.trial.EpisodeStats.Estimate;
import dev.metapilot.agent.trial.RunningMean;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

/**
 * What one contender did in every episode of every trial of a plan: steps, return and success per (trial, episode), so
 * that per-episode means, cumulative curves and paired differences are all computed in trial order, whatever the number
 * of threads that produced them. Episodes a trial never reached (it stopped at the guard's fault limit) are missing and
 * left out of the means.
 *
 * <p>
 * Filled by the trial threads, each writing only its own trials' cells; read after they have been joined.
 */
public final class Outcomes implements EpisodeListener {

    private final String label;
    private final int trials;
    private final int episodes;
    private final int[] steps;
    private final double[] returns;
    private final boolean[] success;
    private final int[] faults;

    /** Empty outcomes of {@code trials} trials of {@code episodes} episodes. */
    public Outcomes(String label, int trials, int episodes) {
        this.label = label;
        this.trials = trials;
        this.episodes = episodes;
        this.steps = new int[trials * episodes];
        this.returns = new double[trials * episodes];
        this.success = new boolean[trials * episodes];
        this.faults = new int[trials * episodes];
        Arrays.fill(steps, -1);
        Arrays.fill(returns, Double.NaN);
    }

    @Override
    public void episodeEnded(EpisodeRecord r) {
        int i = r.trial() * episodes + r.episode();
        steps[i] = r.steps();
        returns[i] = r.totalReturn();
        success[i] = r.success();
        faults[i] = r.faults();
    }

    public String label() {
        return label;
    }

    public int trials() {
        return trials;
    }

    public int episodes() {
        return episodes;
    }

    /** Mean steps of episode {@code e} (0-based). */
    public Estimate steps(int e) {
        return over(t -> steps[t * episodes + e] < 0 ? Double.NaN : steps[t * episodes + e]);
    }

    /** Mean return of episode {@code e}. */
    public Estimate episodeReturn(int e) {
        return over(t -> returns[t * episodes + e]);
    }

    /** Success rate (0..1) of episode {@code e} over the trials that reached it, with its Wilson half-width. */
    public Estimate success(int e) {
        int n = 0;
        int successes = 0;
        for (int t = 0; t < trials; t++) {
            if (steps[t * episodes + e] >= 0) {
                n++;
                successes += success[t * episodes + e] ? 1 : 0;
            }
        }
        return n == 0 ? new Estimate(Double.NaN, 0, 0) : EpisodeStats.proportion(successes, n);
    }

    /** Mean return summed over episodes {@code 0..e} of each trial that reached episode {@code e}. */
    public Estimate cumulativeReturn(int e) {
        return over(t -> cumulative(t, e));
    }

    /** Mean return of a whole trial (the RL² tables' "total reward"). */
    public Estimate trialReturn() {
        return cumulativeReturn(episodes - 1);
    }

    /** Paired per-trial difference of the returns of episodes {@code to} and {@code from}. */
    public Estimate returnChange(int from, int to) {
        return over(t -> returns[t * episodes + to] - returns[t * episodes + from]);
    }

    /** Paired per-trial difference of trial returns, this minus {@code other} (same plan: same tasks and seeds). */
    public Estimate trialReturnMinus(Outcomes other) {
        samePlan(other);
        return over(t -> cumulative(t, episodes - 1) - other.cumulative(t, episodes - 1));
    }

    /** Paired per-trial difference of episode {@code e}'s returns, this minus {@code other}. */
    public Estimate episodeReturnMinus(Outcomes other, int e) {
        samePlan(other);
        return over(t -> returns[t * episodes + e] - other.returns[t * episodes + e]);
    }

    private void samePlan(Outcomes other) {
        if (other.trials != trials || other.episodes != episodes) {
            throw new IllegalArgumentException(label + " and " + other.label + " ran different plans");
        }
    }

    /** Guard faults over all episodes. */
    public int faults() {
        return Arrays.stream(faults).sum();
    }

    private double cumulative(int t, int e) {
        double sum = 0;
        for (int k = 0; k <= e; k++) {
            sum += returns[t * episodes + k];
        }
        return sum;
    }

    private Estimate over(IntToDoubleFunction perTrial) {
        RunningMean s = new RunningMean();
        for (int t = 0; t < trials; t++) {
            double x = perTrial.applyAsDouble(t);
            if (!Double.isNaN(x)) { // an episode the trial never reached
                s.add(x);
            }
        }
        return s.estimate();
    }
}
