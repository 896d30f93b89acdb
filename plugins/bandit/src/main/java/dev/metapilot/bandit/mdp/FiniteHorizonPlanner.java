package dev.metapilot.bandit.mdp;

import java.util.random.RandomGenerator;

/**
 * Finite-horizon value iteration for a tabular MDP model: {@code Q_h(s,a) = r(s,a) + Σ_s' P(s'|s,a) V_{h+1}(s')},
 * {@code V_H = 0}, for the steps {@code h = 0 .. H-1} of an episode.
 *
 * <p>
 * Owned by one baseline actor on the trial thread; buffers are allocated once, {@link #solve} allocates nothing.
 */
final class FiniteHorizonPlanner {

    private final int states;
    private final int actions;
    private final int horizon;
    private final double[] q;
    private final double[] value;
    private final double[] next;

    FiniteHorizonPlanner(int states, int actions, int horizon) {
        if (states < 1 || actions < 1 || horizon < 1) {
            throw new IllegalArgumentException("need states, actions and horizon >= 1");
        }
        this.states = states;
        this.actions = actions;
        this.horizon = horizon;
        this.q = new double[horizon * states * actions];
        this.value = new double[(horizon + 1) * states];
        this.next = new double[states];
    }

    /**
     * Solves the model: {@code rewards[s·A + a]}, {@code transitions[(s·A + a)·S + s']}.
     */
    void solve(double[] rewards, double[] transitions) {
        java.util.Arrays.fill(value, horizon * states, (horizon + 1) * states, 0);
        for (int h = horizon - 1; h >= 0; h--) {
            System.arraycopy(value, (h + 1) * states, next, 0, states);
            for (int s = 0; s < states; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    int row = s * actions + a;
                    double expected = 0;
                    int base = row * states;
                    for (int s2 = 0; s2 < states; s2++) {
                        expected += transitions[base + s2] * next[s2];
                    }
                    double qa = rewards[row] + expected;
                    q[(h * states + s) * actions + a] = qa;
                    best = Math.max(best, qa);
                }
                value[h * states + s] = best;
            }
        }
    }

    /** {@code V_h(s)} of the last solved model. */
    double value(int step, int state) {
        return value[step * states + state];
    }

    /** {@code Q_h(s, a)} of the last solved model. */
    double q(int step, int state, int action) {
        return q[(step * states + state) * actions + action];
    }

    /**
     * A maximising action at {@code step} (clamped to the horizon) in {@code state}; exact ties are broken uniformly
     * with {@code rng}, as TabulaRL does.
     */
    int bestAction(int step, int state, RandomGenerator rng) {
        int h = Math.min(step, horizon - 1);
        int base = (h * states + state) * actions;
        int best = 0;
        double bestQ = q[base];
        int ties = 1;
        for (int a = 1; a < actions; a++) {
            double qa = q[base + a];
            if (qa > bestQ) {
                best = a;
                bestQ = qa;
                ties = 1;
            } else if (qa == bestQ) {
                ties++;
                if (rng.nextInt(ties) == 0) {
                    best = a;
                }
            }
        }
        return best;
    }

    /**
     * Writes the uniform distribution over the maximising actions at {@code step} (clamped to the horizon) in
     * {@code state} into {@code out[offset..offset+actions)}: what {@link #bestAction} draws from.
     */
    void bestActions(int step, int state, float[] out, int offset) {
        int h = Math.min(step, horizon - 1);
        int base = (h * states + state) * actions;
        double bestQ = q[base];
        for (int a = 1; a < actions; a++) {
            bestQ = Math.max(bestQ, q[base + a]);
        }
        int ties = 0;
        for (int a = 0; a < actions; a++) {
            ties += q[base + a] == bestQ ? 1 : 0;
        }
        for (int a = 0; a < actions; a++) {
            out[offset + a] = q[base + a] == bestQ ? 1f / ties : 0f;
        }
    }
}
