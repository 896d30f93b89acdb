package dev.metapilot.agent.trial;

import dev.metapilot.env.Task;
import java.util.List;
import java.util.Objects;

/**
 * The trials of one run: which tasks, how many episodes each, and the seed everything random is derived from. Every
 * policy of a run gets the same plan, so their rows compare like with like.
 *
 * @param tasks one task per trial
 * @param episodes episodes per trial (K)
 * @param seed seeds the policies' samplers and the environments' resets
 */
public record TrialPlan(List<Task> tasks, int episodes, long seed) {

    public TrialPlan {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks is null"));
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one trial");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes per trial must be >= 1, got " + episodes);
        }
    }

    /** Seed of the policy's sampler in trial {@code t}. */
    public long policySeed(int t) {
        return mix(seed, t, -1);
    }

    /** Seed of the environment's reset in episode {@code e} of trial {@code t}. */
    public long resetSeed(int t, int e) {
        return mix(seed, t, e);
    }

    private static long mix(long seed, int t, int e) {
        long z = seed * 0x9E3779B97F4A7C15L + t * 0xBF58476D1CE4E5B9L + (e + 2) * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
