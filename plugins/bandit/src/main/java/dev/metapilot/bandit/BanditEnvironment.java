package dev.metapilot.bandit;

import dev.metapilot.bandit.random.SplitMix64;
import dev.metapilot.env.Action;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * A Bernoulli bandit stepped by one trial thread: each episode is a single pull that pays 1 with the pulled arm's
 * probability and 0 otherwise, and ends truncated after that step.
 *
 * <p>
 * The observation is the constant one-hot of {@code Discrete(1)} (the value {@code 1}), as in the RL² code: all
 * information reaches the policy through the previous action and reward. The reward of a pull is drawn from a stream
 * seeded by the task and the seed passed to {@link #reset}, so a fixed seed repeats the same draws, and two policies
 * run with the same seeds on the same task see common random numbers. {@code reset} and {@code step} allocate nothing.
 */
public final class BanditEnvironment implements Environment, PrivilegedFeatures {

    private final EnvSpec spec;
    private final double[] probabilities;
    /** The expert whose choice the privileged features show (the {@code expert} option). */
    private final BanditExpert expert;
    /** This trial's pulls, as the expert counts them. */
    private final ArmCounts counts;
    private final SplitMix64 rng = new SplitMix64(0);
    private long taskSalt;
    private boolean hasTask;
    private boolean episodeOpen;

    BanditEnvironment(EnvSpec spec, int arms, BanditExpert expert) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.expert = Objects.requireNonNull(expert, "expert is null");
        this.probabilities = new double[arms];
        this.counts = new ArmCounts(arms);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public void setTask(Task task) {
        if (!(task instanceof BanditTask bandit)) {
            throw new IllegalArgumentException("bandit environment needs a bandit task, got " + task);
        }
        if (bandit.arms() != probabilities.length) {
            throw new IllegalArgumentException(
                    "task " + bandit.id() + " has " + bandit.arms() + " arms, environment has " + probabilities.length);
        }
        bandit.copyProbabilities(probabilities);
        taskSalt = SplitMix64.mix(bandit.id().hashCode() * 0x2545F4914F6CDD1DL ^ Double.doubleToLongBits(
                probabilities[0]));
        hasTask = true;
        episodeOpen = false;
        counts.clear();
    }

    @Override
    public void reset(long seed, float[] observation) {
        if (!hasTask) {
            throw new IllegalStateException("reset before setTask");
        }
        rng.reseed(SplitMix64.combine(taskSalt, seed));
        observation[0] = 1f;
        episodeOpen = true;
    }

    @Override
    public void step(Action action, float[] observation, StepResult result) {
        if (!episodeOpen) {
            throw new IllegalStateException("step outside an episode: call reset first (each pull is one episode)");
        }
        double u = rng.nextDouble();
        float reward = u < probabilities[action.index()] ? 1f : 0f;
        counts.record(action.index(), reward > 0);
        observation[0] = 1f;
        episodeOpen = false;
        result.set(reward, false, true, false);
    }

    @Override
    public int privilegedFeatureCount() {
        return 2 * probabilities.length;
    }

    /**
     * For a trainer only, 2k floats: the arms' success probabilities in arm order, then the arm the expert (the
     * {@code expert} option: the tuned {@code ucb1} baseline, or {@code gittins}) pulls next given this trial's pulls
     * so far, as a one-hot. The expert's choice depends on the trial's history only, so a policy with memory can always
     * make it.
     */
    @Override
    public void writePrivilegedFeatures(float[] out, int offset) {
        if (!hasTask) {
            throw new IllegalStateException("privileged features before setTask");
        }
        int k = probabilities.length;
        int choice = expert.nextArm(counts);
        for (int a = 0; a < k; a++) {
            out[offset + a] = (float) probabilities[a];
            out[offset + k + a] = a == choice ? 1f : 0f;
        }
    }

    /** The expert's next arm, a one-hot after the k probabilities. */
    @Override
    public int expertActionOffset() {
        return probabilities.length;
    }
}
