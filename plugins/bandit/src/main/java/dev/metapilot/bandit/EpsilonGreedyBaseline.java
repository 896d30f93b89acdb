package dev.metapilot.bandit;

import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The {@code epsilon-greedy} bandit baseline of RL² Table 1: with probability ε a uniformly random arm, otherwise the
 * {@link GreedyBaseline greedy} arm; ε is tuned per configuration over {0, 0.1, ..., 1} as in the paper.
 *
 * <p>
 * Offered by {@link BanditFactory}; {@link #start} is called on the trial thread once per trial (the first call may run
 * the tuning).
 */
final class EpsilonGreedyBaseline implements Baseline {

    private final int arms;
    private final TunedParameter epsilon;

    EpsilonGreedyBaseline(int arms, TunedParameter epsilon) {
        this.arms = arms;
        this.epsilon = Objects.requireNonNull(epsilon, "epsilon is null");
    }

    @Override
    public String name() {
        return "epsilon-greedy";
    }

    @Override
    public String description() {
        return "random arm with probability ε, else greedy; ε " + (epsilon.isTuned()
                ? "tuned over {0, 0.1, ..., 1} on 1000 TRAIN trials"
                : "= " + epsilon);
    }

    /** The ε in use (tuned on first call when tuning). */
    double epsilon() {
        return epsilon.value();
    }

    @Override
    public Actor start(Task task, long seed) {
        double eps = epsilon.value();
        ArmCounts counts = new ArmCounts(arms);
        SplittableRandom rng = new SplittableRandom(seed);
        return (input, out) -> {
            counts.observe(input);
            out.setIndex(rng.nextDouble() < eps ? rng.nextInt(arms) : counts.greedyArm());
        };
    }
}
