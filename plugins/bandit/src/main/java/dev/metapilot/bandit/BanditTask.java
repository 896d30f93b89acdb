package dev.metapilot.bandit;

import dev.metapilot.env.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Bernoulli bandit: the success probability of each arm, hidden from every baseline but an oracle.
 *
 * <p>
 * Created by {@link BanditTasks} on the caller's thread; immutable and shared freely.
 */
public final class BanditTask implements Task {

    private final String id;
    private final double[] probabilities;

    /**
     * @param probabilities success probability of each arm, each in [0, 1]
     * @throws IllegalArgumentException for fewer than two arms or a probability outside [0, 1]
     */
    public BanditTask(String id, double[] probabilities) {
        this.id = Objects.requireNonNull(id, "id is null");
        if (probabilities.length < 2) {
            throw new IllegalArgumentException("a bandit needs at least 2 arms, got " + probabilities.length);
        }
        for (int i = 0; i < probabilities.length; i++) {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
                throw new IllegalArgumentException("arm " + i + " probability must be in [0, 1], got "
                        + probabilities[i]);
            }
        }
        this.probabilities = probabilities.clone();
    }

    @Override
    public String id() {
        return id;
    }

    public int arms() {
        return probabilities.length;
    }

    /** Success probability of {@code arm}. */
    public double probability(int arm) {
        return probabilities[arm];
    }

    /** The largest success probability: the expected reward per pull of an agent that knows the task. */
    public double bestProbability() {
        double best = 0;
        for (double p : probabilities) {
            best = Math.max(best, p);
        }
        return best;
    }

    /** Copies the probabilities into {@code out} (length {@link #arms()}) without allocating. */
    public void copyProbabilities(double[] out) {
        System.arraycopy(probabilities, 0, out, 0, probabilities.length);
    }

    @Override
    public Map<String, Object> properties() {
        List<Double> p = new ArrayList<>(probabilities.length);
        for (double v : probabilities) {
            p.add(v);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arms", probabilities.length);
        m.put("probabilities", Collections.unmodifiableList(p));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BanditTask t && id.equals(t.id) && Arrays.equals(probabilities, t.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return id + Arrays.toString(probabilities);
    }
}
