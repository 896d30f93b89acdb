package dev.metapilot.bandit;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;

/**
 * The {@code greedy} bandit baseline of RL² Table 1: always pulls the arm with the highest Beta(1,1) posterior mean
 * {@code (s + 1) / (s + f + 2)}, ties to the lowest index.
 *
 * <p>
 * Offered by {@link BanditFactory}; {@link #start} is called on the trial thread once per trial.
 */
final class GreedyBaseline implements Baseline {

    private final int arms;

    GreedyBaseline(int arms) {
        this.arms = arms;
    }

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public String description() {
        return "highest Beta(1,1) posterior mean (s+1)/(s+f+2), ties to the lowest arm";
    }

    @Override
    public Actor start(Task task, long seed) {
        ArmCounts counts = new ArmCounts(arms);
        return (input, out) -> {
            counts.observe(input);
            out.setIndex(counts.greedyArm());
        };
    }
}
