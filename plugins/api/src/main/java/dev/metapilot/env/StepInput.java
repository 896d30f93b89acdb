package dev.metapilot.env;

import java.util.Objects;

/**
 * What a meta-policy sees at one step of a trial (RL²): the observation and the previous action, reward and done flag.
 *
 * <p>
 * Owned and updated by the trial loop, the same code in the agent and the trainer: {@link #beginTrial()} zeroes the
 * previous action, reward and done flag; {@link #record} stores the step just taken, so that after an episode ends
 * {@code prevDone} is true on the first step of the next episode of the same trial. Policies and baselines read it; one
 * instance per environment, one thread.
 */
public final class StepInput {

    private final float[] observation;
    private final Action previousAction;
    private float previousReward;
    private boolean previousDone;
    private int episode;
    private int step;

    /** An input for an environment of {@code spec}; call {@link #beginTrial()} before the first step. */
    public StepInput(EnvSpec spec) {
        Objects.requireNonNull(spec, "spec is null");
        this.observation = new float[spec.observationSize()];
        this.previousAction = Action.of(spec.actionSpace());
    }

    /** Trial start: no previous action, reward 0, not done; episode and step counters at 0. */
    public void beginTrial() {
        previousAction.clear();
        previousReward = 0f;
        previousDone = false;
        episode = 0;
        step = 0;
    }

    /**
     * Records the step just taken. When {@code done}, the next call to {@link #nextEpisode()} starts the next episode
     * of the trial and the policy sees {@code prevDone = 1}.
     */
    public void record(Action action, float reward, boolean done) {
        previousAction.copyFrom(action);
        previousReward = reward;
        previousDone = done;
        step++;
    }

    /** Moves to the next episode of the trial (after the environment was reset); the previous inputs stay. */
    public void nextEpisode() {
        episode++;
        step = 0;
    }

    /**
     * True on the first step of a trial, before any action: the previous action, reward and done flag are then zero by
     * definition (a policy must not read {@link #previousAction()} as "action 0").
     */
    public boolean isTrialStart() {
        return episode == 0 && step == 0;
    }

    /** The live observation buffer: environments write into it, policies read it. */
    public float[] observation() {
        return observation;
    }

    public Action previousAction() {
        return previousAction;
    }

    public float previousReward() {
        return previousReward;
    }

    public boolean previousDone() {
        return previousDone;
    }

    /** 0-based index of the running episode within the trial. */
    public int episode() {
        return episode;
    }

    /** 0-based index of the step within the running episode. */
    public int step() {
        return step;
    }
}
