package dev.metapilot.bandit;

import dev.metapilot.bandit.random.SplitMix64;
import dev.metapilot.bandit.random.TaskSeeds;
import dev.metapilot.env.Split;
import dev.metapilot.env.TaskDistribution;
import java.util.Locale;
import java.util.Objects;

/**
 * The task distribution of the {@code bandit} plugin: {@code k} independent {@code p ~ U[0,1]}, drawn from a generator
 * seeded by the task seed; TRAIN and TEST use disjoint task seeds (see {@link TaskSeeds}).
 *
 * <p>
 * Stateless and thread-safe; called by the trainer (TRAIN) and by evaluation (TEST) once per trial.
 */
public final class BanditTasks implements TaskDistribution {

    private static final long SALT = 0x6261_6E64_6974L; // "bandit"

    private final int arms;

    public BanditTasks(int arms) {
        if (arms < 2) {
            throw new IllegalArgumentException("arms must be >= 2, got " + arms);
        }
        this.arms = arms;
    }

    @Override
    public BanditTask sample(Split split, long seed) {
        Objects.requireNonNull(split, "split is null");
        SplitMix64 rng = new SplitMix64(TaskSeeds.generatorSeed(SALT, split, seed));
        double[] p = new double[arms];
        for (int i = 0; i < arms; i++) {
            p[i] = rng.nextDouble();
        }
        return new BanditTask("bandit-k" + arms + "-" + split.name().toLowerCase(Locale.ROOT) + "-" + seed, p);
    }
}
