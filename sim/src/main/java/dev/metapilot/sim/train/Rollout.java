package dev.metapilot.sim.train;

import dev.metapilot.sim.model.NetworkShape;
import java.util.Arrays;

/**
 * What T steps of N environments produced, time-major (index {@code t * N + i}): the network inputs (already
 * normalised; row T is the input after the last step, for the bootstrap value), the raw observations for the running
 * statistics, the sampled actions with their log-probabilities, values and rewards, where trials began and ended, the
 * hidden state every environment started the rollout from, and the bootstrap values. Filled by the
 * {@link RolloutCollector} (each worker writes only its environments' entries), read by GAE and the PPO update on the
 * main thread; reused from rollout to rollout.
 */
final class Rollout {

    final int steps;
    final int envs;
    final NetworkShape shape;
    /** {@code [(T+1), N, O+A+2]}: the normalised inputs of every step and the one after the last. */
    final float[] inputs;
    /**
     * {@code [(T+1), N, F+P]}: the critic's features of those inputs, {@code TrialTime} then privileged (empty for a
     * critic that sees only the state).
     */
    final float[] critic;
    /** {@code [T, N, O]}: the raw observations of the inputs, for the running statistics. */
    final float[] observations;
    /** {@code [T, N]}: the sampled index of a Discrete action. */
    final int[] actionIndex;
    /** {@code [T, N, A]}: the sampled (unclamped) vector of a Box action. */
    final float[] actionValues;
    final float[] logProb;
    final float[] value;
    final float[] reward;
    /** The step is the first of a trial: the hidden state before it was zero. */
    final boolean[] trialStart;
    /** The step ended a trial: the only terminal steps of RL². */
    final boolean[] trialEnd;
    /** The step ended an episode (the last of a trial included): terminal with episodic returns. */
    final boolean[] episodeEnd;
    /** The return of the trial a {@link #trialEnd} step finished. */
    final double[] trialReturn;
    /** {@code [T, L, N, H]}: the hidden state each step was fed (zero rows where a trial began). */
    final float[] states;
    /** {@code [N]}: the value of the input after the last step, from the state after it. */
    final float[] bootstrapValue;

    Rollout(NetworkShape shape, int steps, int envs) {
        this.shape = shape;
        this.steps = steps;
        this.envs = envs;
        int n = steps * envs;
        this.inputs = new float[(steps + 1) * envs * shape.inputSize()];
        this.critic = new float[(steps + 1) * envs * shape.criticFeatures()];
        this.observations = new float[n * shape.observationSize()];
        this.actionIndex = new int[shape.continuous() ? 0 : n];
        this.actionValues = new float[shape.continuous() ? n * shape.actionSize() : 0];
        this.logProb = new float[n];
        this.value = new float[n];
        this.reward = new float[n];
        this.trialStart = new boolean[n];
        this.trialEnd = new boolean[n];
        this.episodeEnd = new boolean[n];
        this.trialReturn = new double[n];
        this.states = new float[steps * shape.layers() * envs * shape.hidden()];
        this.bootstrapValue = new float[envs];
    }

    /** Clears the trial flags before the next rollout; every other entry is overwritten. */
    void clearFlags() {
        Arrays.fill(trialStart, false);
        Arrays.fill(trialEnd, false);
        Arrays.fill(episodeEnd, false);
    }

    /** Number of (step, environment) samples, T * N. */
    int samples() {
        return steps * envs;
    }

    /** The trials finished in this rollout. */
    int finishedTrials() {
        int n = 0;
        for (boolean end : trialEnd) {
            n += end ? 1 : 0;
        }
        return n;
    }

    /** The mean return of the trials finished in this rollout, NaN when none finished. */
    double meanFinishedReturn() {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < trialEnd.length; k++) {
            if (trialEnd[k]) {
                sum += trialReturn[k];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
