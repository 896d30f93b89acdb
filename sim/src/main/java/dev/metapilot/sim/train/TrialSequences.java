package dev.metapilot.sim.train;

import dev.metapilot.sim.model.NetworkShape;
import java.util.ArrayList;
import java.util.List;

/**
 * One recurrent minibatch: the rollout sequences of some environments, cut into pieces at every trial start (the GRU
 * restarts from zero there, as it did in the rollout) and, with a BPTT length, every that many steps, then padded to
 * the longest piece, time-major. Each piece starts from the hidden state the rollout fed its first step: zero at a
 * trial start, otherwise the stored state (truncated back-propagation through time at the rollout boundary and at the
 * BPTT cuts, from states computed with the rollout's parameters). Built on the trainer's main thread by the PPO update.
 */
final class TrialSequences {

    /** Steps {@code [start, start+length)} of environment {@code env}. */
    record Piece(int env, int start, int length) {}

    /** The padded length, the longest piece. */
    final int length;
    /** Number of pieces, the batch dimension. */
    final int count;
    /** Number of real (unpadded) samples. */
    final int samples;
    /** {@code [length, count, O+A+2]}. */
    final float[] inputs;
    /**
     * {@code [length, count, F+P]}: the critic's features, time then privileged (empty for a critic of the state only).
     */
    final float[] critic;
    /** {@code [L, count, H]}. */
    final float[] initialState;
    /** {@code [length, count]}: 1 for a real sample, 0 for padding. */
    final float[] mask;
    /** {@code [length, count, A]}: the one-hot of a Discrete action, the raw sample of a Box action. */
    final float[] actions;
    final float[] oldLogProb;
    final float[] advantages;
    final float[] returns;
    final float[] oldValues;

    private TrialSequences(NetworkShape shape, int length, int count, int samples) {
        this.length = length;
        this.count = count;
        this.samples = samples;
        int n = length * count;
        this.inputs = new float[n * shape.inputSize()];
        this.critic = new float[n * shape.criticFeatures()];
        this.initialState = new float[shape.layers() * count * shape.hidden()];
        this.mask = new float[n];
        this.actions = new float[n * shape.actionSize()];
        this.oldLogProb = new float[n];
        this.advantages = new float[n];
        this.returns = new float[n];
        this.oldValues = new float[n];
    }

    /**
     * Environment {@code env}'s steps of {@code r} cut at each trial start after step 0 and at every multiple of
     * {@code bptt} (0: no such cuts).
     */
    static List<Piece> pieces(Rollout r, int env, int bptt) {
        List<Piece> out = new ArrayList<>();
        int start = 0;
        for (int t = 1; t < r.steps; t++) {
            if (r.trialStart[t * r.envs + env] || bptt > 0 && t % bptt == 0) {
                out.add(new Piece(env, start, t - start));
                start = t;
            }
        }
        out.add(new Piece(env, start, r.steps - start));
        return out;
    }

    /** The minibatch of environments {@code envs} with the given advantages and returns ({@code [T, N]}). */
    static TrialSequences of(Rollout r, int[] envs, int bptt, float[] advantages, float[] returns) {
        List<Piece> pieces = new ArrayList<>();
        for (int env : envs) {
            pieces.addAll(pieces(r, env, bptt));
        }
        int length = pieces.stream().mapToInt(Piece::length).max().orElseThrow();
        NetworkShape shape = r.shape;
        TrialSequences s = new TrialSequences(shape, length, pieces.size(), envs.length * r.steps);
        int in = shape.inputSize();
        int a = shape.actionSize();
        int f = shape.criticFeatures();
        int hidden = shape.hidden();
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            int stateBase = piece.start() * shape.layers() * r.envs * hidden;
            for (int l = 0; l < shape.layers(); l++) {
                System.arraycopy(r.states, stateBase + (l * r.envs + piece.env()) * hidden, s.initialState, (l
                        * s.count + p) * hidden, hidden);
            }
            for (int j = 0; j < piece.length(); j++) {
                int k = (piece.start() + j) * r.envs + piece.env();
                int q = j * s.count + p;
                System.arraycopy(r.inputs, k * in, s.inputs, q * in, in);
                System.arraycopy(r.critic, k * f, s.critic, q * f, f);
                s.mask[q] = 1f;
                if (shape.continuous()) {
                    System.arraycopy(r.actionValues, k * a, s.actions, q * a, a);
                } else {
                    s.actions[q * a + r.actionIndex[k]] = 1f;
                }
                s.oldLogProb[q] = r.logProb[k];
                s.advantages[q] = advantages[k];
                s.returns[q] = returns[k];
                s.oldValues[q] = r.value[k];
            }
        }
        return s;
    }
}
