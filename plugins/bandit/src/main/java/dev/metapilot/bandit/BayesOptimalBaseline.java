package dev.metapilot.bandit;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;

/**
 * The {@code bayes-optimal} bandit baseline: the policy that maximises the expected total reward of a trial under the
 * task distribution itself (independent U[0,1] = Beta(1,1) arms) and the known horizon {@code n}, from the exact
 * {@link BeliefValueTable}; the upper bound of what any meta-policy can reach in expectation.
 *
 * <p>
 * Offered by {@link BanditFactory} only where the table {@link BeliefValueTable#fits fits} (every {@code n = 10}
 * setting; not {@code n = 100} or {@code 500}). The table is computed once, on the first {@link #start}, and shared by
 * all trials; {@code start} is called on the trial thread. Pulls beyond the horizon (a trial run longer than {@code n})
 * fall back to the greedy arm.
 */
final class BayesOptimalBaseline implements Baseline {

    private final int arms;
    private final int pulls;
    private volatile BeliefValueTable table;

    BayesOptimalBaseline(int arms, int pulls) {
        if (!BeliefValueTable.fits(arms, pulls)) {
            throw new IllegalArgumentException("no Bayes-optimal table for arms=" + arms + ", pulls=" + pulls);
        }
        this.arms = arms;
        this.pulls = pulls;
    }

    @Override
    public String name() {
        return "bayes-optimal";
    }

    @Override
    public String description() {
        return "exact Bayes-optimal policy for Beta(1,1) arms and the horizon of " + pulls
                + " pulls (dynamic programming over belief states)";
    }

    /** The table, computed on first use. */
    BeliefValueTable table() {
        BeliefValueTable t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = BeliefValueTable.compute(arms, pulls);
                    table = t;
                }
            }
        }
        return t;
    }

    @Override
    public Actor start(Task task, long seed) {
        BeliefValueTable values = table();
        ArmCounts counts = new ArmCounts(arms);
        int[] codes = new int[pulls + 1];
        int[] child = new int[pulls + 1];
        return (input, out) -> {
            counts.observe(input);
            if (counts.pulls() >= pulls) {
                out.setIndex(counts.greedyArm());
            } else {
                out.setIndex(values.bestArm(counts.successes(), counts.failures(), codes, child));
            }
        };
    }
}
