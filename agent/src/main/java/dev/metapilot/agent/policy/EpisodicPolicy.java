package dev.metapilot.agent.policy;

import dev.metapilot.env.Action;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * A policy without memory across episodes: wraps another policy and starts it afresh at every episode, as if each
 * episode were a trial of its own. At the first step of each episode the wrapped policy's memory is reset
 * ({@link Policy#beginTrial}, with a seed derived from the trial's seed and the episode index) and it sees zero
 * previous action, reward and done flag; within an episode it sees the previous step as usual.
 *
 * <p>
 * The memoryless baseline of an adaptation curve: the same network trained on one-episode trials, run on K-episode
 * trials. Created on the main thread, driven by one trial thread like any {@link Policy}; allocation-free per step.
 */
public final class EpisodicPolicy implements Policy {

    private final Policy delegate;
    private final StepInput view;
    private Task task;
    private long trialSeed;
    private int episode;

    /**
     * @param delegate the policy to restart every episode; closed with this one
     * @param spec the environment's spec (sizes the inputs shown to {@code delegate})
     */
    public EpisodicPolicy(Policy delegate, EnvSpec spec) {
        this.delegate = Objects.requireNonNull(delegate, "delegate is null");
        this.view = new StepInput(Objects.requireNonNull(spec, "spec is null"));
    }

    /** The wrapped policy's name. */
    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void beginTrial(Task task, long seed) {
        this.task = Objects.requireNonNull(task, "task is null");
        this.trialSeed = seed;
        this.episode = 0;
        delegate.beginTrial(task, seed);
    }

    @Override
    public boolean act(StepInput input, Action out) {
        if (task == null) {
            throw new IllegalStateException("episodic policy " + name() + ": act before beginTrial");
        }
        if (input.episode() != episode) {
            episode = input.episode();
            delegate.beginTrial(task, episodeSeed(trialSeed, episode));
        }
        if (input.step() == 0) {
            view.beginTrial();
        } else {
            view.record(input.previousAction(), input.previousReward(), input.previousDone());
        }
        float[] obs = input.observation();
        System.arraycopy(obs, 0, view.observation(), 0, obs.length);
        return delegate.act(view, out);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The seed the wrapped policy starts episode {@code episode} with: the trial's own seed for episode 0. */
    static long episodeSeed(long trialSeed, int episode) {
        if (episode == 0) {
            return trialSeed;
        }
        long z = trialSeed + episode * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "EpisodicPolicy[" + delegate + "]";
    }
}
