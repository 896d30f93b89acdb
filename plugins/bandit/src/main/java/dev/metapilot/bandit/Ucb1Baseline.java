package dev.metapilot.bandit;

import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * The {@code ucb1} bandit baseline of RL² Table 1, as the paper's code computes it: the index of an arm pulled
 * {@code m} times with {@code s} successes, at pull {@code t} (0-based) of the trial, is
 * {@code (s + 1)/(m + 2) + c·sqrt(2 ln t / (m + 2))}, the counts smoothed by the Beta(1,1) prior; the first pull is arm
 * 0 and ties go to the lowest arm. The constant {@code c} is tuned per configuration over {0, 0.1, ..., 1}.
 *
 * <p>
 * Offered by {@link BanditFactory}; {@link #start} is called on the trial thread once per trial.
 */
final class Ucb1Baseline implements Baseline, BanditExpert {

    private final int arms;
    private final TunedParameter c;

    Ucb1Baseline(int arms, TunedParameter c) {
        this.arms = arms;
        this.c = Objects.requireNonNull(c, "c is null");
    }

    @Override
    public String name() {
        return "ucb1";
    }

    @Override
    public String description() {
        return "UCB1 on Beta(1,1)-smoothed counts, (s+1)/(m+2) + c·sqrt(2 ln t/(m+2)); c " + (c.isTuned()
                ? "tuned over {0, 0.1, ..., 1} on 1000 TRAIN trials"
                : "= " + c);
    }

    /** The exploration constant in use (tuned on first call when tuning). */
    double c() {
        return c.value();
    }

    @Override
    public int nextArm(ArmCounts counts) {
        return choose(counts.successes(), counts.failures(), counts.pulls(), c.value());
    }

    @Override
    public Actor start(Task task, long seed) {
        double constant = c.value();
        ArmCounts counts = new ArmCounts(arms);
        return (input, out) -> {
            counts.observe(input);
            out.setIndex(choose(counts.successes(), counts.failures(), counts.pulls(), constant));
        };
    }

    /**
     * The arm UCB1 pulls after {@code pulls} pulls with these per-arm counts: arm 0 first, then the highest index
     * {@code (s + 1)/(m + 2) + c·sqrt(2 ln t / (m + 2))}, ties to the lowest arm.
     */
    static int choose(int[] successes, int[] failures, int pulls, double c) {
        if (pulls == 0) {
            return 0;
        }
        double logT2 = 2 * Math.log(pulls);
        int best = 0;
        double bestIndex = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < successes.length; a++) {
            double m = successes[a] + failures[a] + 2.0;
            double index = (successes[a] + 1.0) / m + c * Math.sqrt(logT2 / m);
            if (index > bestIndex) {
                best = a;
                bestIndex = index;
            }
        }
        return best;
    }
}
