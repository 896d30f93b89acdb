package dev.metapilot.sim.train;

import dev.metapilot.agent.policy.Rl2Encoder;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import dev.metapilot.sim.model.TrialTime;
import java.util.Arrays;
import java.util.Objects;

/**
 * Collects rollouts: per step one batched forward of the model over all N environments on the main thread (hidden state
 * {@code [L, N, H]} carried from step to step and from rollout to rollout), then the workers sample each environment's
 * action, step it, zero its row of the hidden state when its trial ended, and build its next input with the agent's
 * {@link Rl2Encoder} and the rollout's normalisation (and the critic's features: {@link TrialTime} for a time-aware
 * critic, the environment's privileged features for a privileged one). Main thread plus the {@link VectorTrials}
 * workers.
 */
final class RolloutCollector {

    private final Rl2Model model;
    private final VectorTrials trials;
    private final Rl2Encoder encoder;
    private final NetworkShape shape;
    private final Rollout rollout;
    private final int envs;
    private float[] state;
    private float[] nextState;
    private final float[] heads;
    private final float[] obs;
    private final float[] prevAction;
    private final float[] prevReward;
    private final float[] prevDone;
    private float[] logStd = new float[0];
    private ObservationNormalization normalization;

    RolloutCollector(Rl2Model model, VectorTrials trials, Rl2Encoder encoder, int steps) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.trials = Objects.requireNonNull(trials, "trials is null");
        this.encoder = Objects.requireNonNull(encoder, "encoder is null");
        this.shape = model.shape();
        this.envs = trials.size();
        this.rollout = new Rollout(shape, steps, envs);
        this.state = new float[shape.layers() * envs * shape.hidden()];
        this.nextState = new float[state.length];
        this.heads = new float[envs * shape.headSize()];
        this.obs = new float[envs * shape.observationSize()];
        this.prevAction = new float[envs * shape.actionSize()];
        this.prevReward = new float[envs];
        this.prevDone = new float[envs];
    }

    /** The hidden state the next rollout starts from, {@code [L, N, H]} (a copy), for checkpoints. */
    float[] state() {
        return state.clone();
    }

    /** Restores a checkpoint's hidden state. */
    void setState(float[] saved) {
        if (saved.length != state.length) {
            throw new IllegalArgumentException("hidden state of " + saved.length + " floats, expected " + state.length);
        }
        System.arraycopy(saved, 0, state, 0, state.length);
    }

    /** Runs T steps of every environment with the inputs normalised by {@code norm}. */
    Rollout collect(ObservationNormalization norm) {
        this.normalization = Objects.requireNonNull(norm, "norm is null");
        if (shape.continuous()) {
            logStd = model.logStd().toFloatArray();
        }
        rollout.clearFlags();
        trials.forEach((i, slot) -> encode(0, i, slot));
        float[] x = new float[envs * shape.inputSize()];
        float[] critic = new float[envs * shape.criticFeatures()];
        for (int t = 0; t < rollout.steps; t++) {
            int step = t;
            System.arraycopy(rollout.inputs, t * x.length, x, 0, x.length);
            System.arraycopy(rollout.critic, t * critic.length, critic, 0, critic.length);
            System.arraycopy(state, 0, rollout.states, t * state.length, state.length);
            model.step(x, state, critic, envs, heads, nextState);
            float[] swap = state;
            state = nextState;
            nextState = swap;
            trials.forEach((i, slot) -> act(step, i, slot));
        }
        System.arraycopy(rollout.inputs, rollout.steps * x.length, x, 0, x.length);
        System.arraycopy(rollout.critic, rollout.steps * critic.length, critic, 0, critic.length);
        model.step(x, state, critic, envs, heads, nextState);
        for (int i = 0; i < envs; i++) {
            rollout.bootstrapValue[i] = heads[i * shape.headSize() + shape.actionSize()];
        }
        return rollout;
    }

    private void act(int t, int i, TrialSlot slot) {
        int k = t * envs + i;
        int a = shape.actionSize();
        int offset = i * shape.headSize();
        rollout.value[k] = heads[offset + a];
        if (shape.continuous()) {
            rollout.logProb[k] = ActionSampling.gaussian(heads, offset, logStd, slot.sampling(), rollout.actionValues,
                    k * a, slot.action());
        } else {
            rollout.logProb[k] = ActionSampling.categorical(heads, offset, a, slot.sampling(), slot.action());
            rollout.actionIndex[k] = slot.action().index();
        }
        TrialSlot.Outcome outcome = slot.step();
        rollout.episodeEnd[k] = outcome != TrialSlot.Outcome.RUNNING;
        if (outcome == TrialSlot.Outcome.TRIAL_ENDED) {
            rollout.trialEnd[k] = true;
            rollout.trialReturn[k] = slot.finishedReturn();
            for (int l = 0; l < shape.layers(); l++) {
                int from = (l * envs + i) * shape.hidden();
                Arrays.fill(state, from, from + shape.hidden(), 0f);
            }
        }
        rollout.reward[k] = slot.reward();
        encode(t + 1, i, slot);
    }

    /** Writes environment {@code i}'s input for step {@code t} (t = T: the bootstrap input). */
    private void encode(int t, int i, TrialSlot slot) {
        int o = shape.observationSize();
        int a = shape.actionSize();
        encoder.encode(slot.input(), i, obs, prevAction, prevReward, prevDone);
        int base = (t * envs + i) * shape.inputSize();
        normalization.apply(obs, i * o, rollout.inputs, base);
        System.arraycopy(prevAction, i * a, rollout.inputs, base + o, a);
        rollout.inputs[base + o + a] = prevReward[i];
        rollout.inputs[base + o + a + 1] = prevDone[i];
        int features = (t * envs + i) * shape.criticFeatures();
        if (shape.timeAwareValue()) {
            EnvSpec spec = slot.spec();
            TrialTime.write(slot.episode(), spec.episodesPerTrial(), slot.episodeSteps(), spec.maxEpisodeSteps(),
                    rollout.critic, features);
        }
        if (shape.privilegedValue()) {
            slot.writePrivilegedFeatures(rollout.critic, features + shape.timeFeatures());
        }
        if (t < rollout.steps) {
            System.arraycopy(obs, i * o, rollout.observations, (t * envs + i) * o, o);
            rollout.trialStart[t * envs + i] = slot.input().isTrialStart();
        }
    }
}
