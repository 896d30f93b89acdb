package dev.metapilot.bandit;

import dev.metapilot.bandit.random.RandomVariates;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.SplittableRandom;

/**
 * The {@code thompson} bandit baseline of RL² Table 1 (TS): draws one {@code p} per arm from its Beta(s+1, f+1)
 * posterior and pulls the arm with the largest draw.
 *
 * <p>
 * Offered by {@link BanditFactory}; {@link #start} is called on the trial thread once per trial.
 */
final class ThompsonSamplingBaseline implements Baseline {

    private final int arms;

    ThompsonSamplingBaseline(int arms) {
        this.arms = arms;
    }

    @Override
    public String name() {
        return "thompson";
    }

    @Override
    public String description() {
        return "Thompson sampling: argmax of one Beta(s+1, f+1) draw per arm";
    }

    @Override
    public Actor start(Task task, long seed) {
        ArmCounts counts = new ArmCounts(arms);
        SplittableRandom rng = new SplittableRandom(seed);
        return (input, out) -> {
            counts.observe(input);
            int best = 0;
            double bestDraw = -1;
            for (int a = 0; a < arms; a++) {
                double draw = RandomVariates.beta(rng, counts.successes(a) + 1.0, counts.failures(a) + 1.0);
                if (draw > bestDraw) {
                    best = a;
                    bestDraw = draw;
                }
            }
            out.setIndex(best);
        };
    }
}
