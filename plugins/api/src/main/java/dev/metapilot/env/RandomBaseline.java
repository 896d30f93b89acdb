package dev.metapilot.env;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The {@code random} baseline every plugin offers: uniform over a {@link Discrete} space, uniform within a bounded
 * {@link Box} (dimensions with an infinite bound get 0).
 *
 * <p>
 * Plugins return it from {@link EnvironmentFactory#baselines()}; each trial gets its own seeded generator.
 */
public final class RandomBaseline implements Baseline {

    private final Space actionSpace;

    public RandomBaseline(Space actionSpace) {
        this.actionSpace = Objects.requireNonNull(actionSpace, "actionSpace is null");
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniformly random actions";
    }

    @Override
    public Actor start(Task task, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return switch (actionSpace) {
            case Discrete d -> (input, out) -> out.setIndex(rng.nextInt(d.n()));
            case Box b -> (input, out) -> {
                float[] v = out.values();
                for (int i = 0; i < v.length; i++) {
                    float lo = b.low(i);
                    float hi = b.high(i);
                    v[i] = Float.isInfinite(lo) || Float.isInfinite(hi)
                            ? 0f
                            : lo + (hi - lo) * (float) rng.nextDouble();
                }
            };
        };
    }
}
