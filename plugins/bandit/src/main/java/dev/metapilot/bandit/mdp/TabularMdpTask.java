package dev.metapilot.bandit.mdp;

import dev.metapilot.env.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tabular MDP: the mean reward of every (state, action) and its next-state distribution; episodes start in state 0.
 * Hidden from every baseline but the oracle.
 *
 * <p>
 * Created by {@link TabularMdpTasks} on the caller's thread; immutable and shared freely.
 */
public final class TabularMdpTask implements Task {

    private final String id;
    private final int states;
    private final int actions;
    private final double[] rewardMeans;
    private final double[] transitions;

    /**
     * @param rewardMeans mean reward of {@code (s, a)} at {@code s·actions + a}
     * @param transitions probability of {@code s'} after {@code (s, a)} at {@code (s·actions + a)·states + s'}; each
     *     row sums to 1
     * @throws IllegalArgumentException when a length or a row is wrong
     */
    public TabularMdpTask(String id, int states, int actions, double[] rewardMeans, double[] transitions) {
        this.id = Objects.requireNonNull(id, "id is null");
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("need states >= 1 and actions >= 1, got " + states + ", " + actions);
        }
        if (rewardMeans.length != states * actions) {
            throw new IllegalArgumentException("rewardMeans needs " + states * actions + " values, got "
                    + rewardMeans.length);
        }
        if (transitions.length != states * actions * states) {
            throw new IllegalArgumentException("transitions needs " + states * actions * states + " values, got "
                    + transitions.length);
        }
        for (int row = 0; row < states * actions; row++) {
            double sum = 0;
            for (int s2 = 0; s2 < states; s2++) {
                double p = transitions[row * states + s2];
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("transition probability " + p + " outside [0, 1] in row " + row);
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("transition row " + row + " sums to " + sum + ", not 1");
            }
        }
        for (double r : rewardMeans) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("reward means must be finite, got " + r);
            }
        }
        this.states = states;
        this.actions = actions;
        this.rewardMeans = rewardMeans.clone();
        this.transitions = transitions.clone();
    }

    @Override
    public String id() {
        return id;
    }

    public int states() {
        return states;
    }

    public int actions() {
        return actions;
    }

    /** Mean reward of taking {@code action} in {@code state}. */
    public double rewardMean(int state, int action) {
        return rewardMeans[state * actions + action];
    }

    /** Probability of moving to {@code next} after taking {@code action} in {@code state}. */
    public double transition(int state, int action, int next) {
        return transitions[(state * actions + action) * states + next];
    }

    /** Copies the reward means (layout of the constructor) into {@code out} without allocating. */
    public void copyRewardMeans(double[] out) {
        System.arraycopy(rewardMeans, 0, out, 0, rewardMeans.length);
    }

    /** Copies the transition probabilities (layout of the constructor) into {@code out} without allocating. */
    public void copyTransitions(double[] out) {
        System.arraycopy(transitions, 0, out, 0, transitions.length);
    }

    @Override
    public Map<String, Object> properties() {
        List<List<Double>> r = new ArrayList<>();
        List<List<List<Double>>> p = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            List<Double> rs = new ArrayList<>();
            List<List<Double>> ps = new ArrayList<>();
            for (int a = 0; a < actions; a++) {
                rs.add(rewardMean(s, a));
                List<Double> row = new ArrayList<>();
                for (int s2 = 0; s2 < states; s2++) {
                    row.add(transition(s, a, s2));
                }
                ps.add(Collections.unmodifiableList(row));
            }
            r.add(Collections.unmodifiableList(rs));
            p.add(Collections.unmodifiableList(ps));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("states", states);
        m.put("actions", actions);
        m.put("startState", 0);
        m.put("rewardMeans", Collections.unmodifiableList(r));
        m.put("transitions", Collections.unmodifiableList(p));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularMdpTask t && id.equals(t.id) && states == t.states && actions == t.actions
                && Arrays.equals(rewardMeans, t.rewardMeans) && Arrays.equals(transitions, t.transitions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, states, actions, Arrays.hashCode(rewardMeans), Arrays.hashCode(transitions));
    }

    @Override
    public String toString() {
        return id + "[" + states + " states, " + actions + " actions]";
    }
}
