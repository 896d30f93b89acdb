package dev.metapilot.sim.train;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.TaskDistribution;
import java.util.Objects;

/**
 * One environment of the vectorised rollouts, running whole RL² trials back to back with the agent's trial semantics: a
 * TRAIN task per trial, K episodes with a reset between them, the {@link StepInput} updated exactly as the agent's
 * trial runner does (truncation at {@link EnvSpec#maxEpisodeSteps()}, {@code prevDone} after an episode end), Box
 * actions clamped into the space before the environment sees them. Stepped by one worker thread at a time; the slot's
 * own sampling stream makes its actions independent of which thread steps it.
 */
final class TrialSlot implements AutoCloseable {

    /** What one step did to the trial. */
    enum Outcome {
        /** The trial goes on in the same episode. */
        RUNNING,
        /** The step ended an episode; the trial goes on in the next. */
        EPISODE_ENDED,
        /** The step ended the trial's last episode; the slot has begun its next trial. */
        TRIAL_ENDED
    }

    private final int index;
    private final Environment env;
    /** The environment as a source of privileged features, null when it has none. */
    private final PrivilegedFeatures privileged;
    private final EnvSpec spec;
    private final TaskDistribution tasks;
    private final TrialSeeds seeds;
    private final StepInput input;
    private final Action action;
    private final StepResult result = new StepResult();
    private final SplitMix64 sampling;
    private final ActionLog log;
    private long trial;
    private int episode;
    private int episodeSteps;
    private double trialReturn;
    private double finishedReturn;
    private float reward;

    TrialSlot(int index, Environment env, TaskDistribution tasks, TrialSeeds seeds) {
        this.index = index;
        this.env = Objects.requireNonNull(env, "env is null");
        this.privileged = env instanceof PrivilegedFeatures p ? p : null;
        this.spec = env.spec();
        this.tasks = Objects.requireNonNull(tasks, "tasks is null");
        this.seeds = Objects.requireNonNull(seeds, "seeds is null");
        this.input = new StepInput(spec);
        this.action = Action.of(spec.actionSpace());
        this.sampling = new SplitMix64(seeds.sampling(index));
        this.log = new ActionLog(ActionLog.strideOf(action));
    }

    /** Begins trial number {@link #trial()}: its task, {@code h = 0} inputs, the first episode's reset. */
    void beginTrial() {
        env.setTask(tasks.sample(Split.TRAIN, seeds.task(index, trial)));
        input.beginTrial();
        episode = 0;
        episodeSteps = 0;
        trialReturn = 0;
        log.clear();
        env.reset(seeds.reset(index, trial, 0), input.observation());
    }

    /** The action buffer the caller fills before {@link #step()}. */
    Action action() {
        return action;
    }

    /**
     * Applies {@link #action()} (clamped first when it is a Box action) and updates the trial; when the trial ends its
     * return is kept in {@link #finishedReturn()} and the next trial begins.
     */
    Outcome step() {
        if (action.space() instanceof Box box) {
            box.clamp(action.values());
        }
        env.step(action, input.observation(), result);
        log.add(action);
        episodeSteps++;
        reward = result.reward();
        trialReturn += reward;
        boolean truncated = result.truncated() || (!result.terminated() && episodeSteps >= spec.maxEpisodeSteps());
        boolean done = result.terminated() || truncated;
        input.record(action, reward, done);
        if (!done) {
            return Outcome.RUNNING;
        }
        episode++;
        if (episode < spec.episodesPerTrial()) {
            input.nextEpisode();
            episodeSteps = 0;
            env.reset(seeds.reset(index, trial, episode), input.observation());
            return Outcome.EPISODE_ENDED;
        }
        finishedReturn = trialReturn;
        trial++;
        beginTrial();
        return Outcome.TRIAL_ENDED;
    }

    /**
     * Writes the environment's privileged features of the current state into {@code out[offset..)}.
     *
     * @throws IllegalStateException when the environment has none
     */
    void writePrivilegedFeatures(float[] out, int offset) {
        if (privileged == null) {
            throw new IllegalStateException("environment " + spec.id() + " has no privileged features");
        }
        privileged.writePrivilegedFeatures(out, offset);
    }

    /** The running episode of the trial, from 0. */
    int episode() {
        return episode;
    }

    /** Steps taken in the running episode. */
    int episodeSteps() {
        return episodeSteps;
    }

    /** The environment's spec. */
    EnvSpec spec() {
        return spec;
    }

    /** The reward of the last step. */
    float reward() {
        return reward;
    }

    /** The return of the trial that the last {@link Outcome#TRIAL_ENDED} step finished. */
    double finishedReturn() {
        return finishedReturn;
    }

    /** The inputs of the next step, read by the encoder. */
    StepInput input() {
        return input;
    }

    SplitMix64 sampling() {
        return sampling;
    }

    /** How many trials this slot has finished; also the number of the running one. */
    long trial() {
        return trial;
    }

    /** The running trial's actions so far, for a checkpoint. */
    float[] trialActions() {
        return log.toArray();
    }

    /**
     * Puts the slot back where a checkpoint left it: trial {@code savedTrial}, begun afresh and replayed action by
     * action, and the sampling stream's state.
     *
     * @throws IllegalStateException when the replay ends the trial early (the environment is not deterministic)
     */
    void restore(long savedTrial, float[] actions, long samplingState) {
        trial = savedTrial;
        beginTrial();
        ActionLog replay = new ActionLog(ActionLog.strideOf(action));
        replay.load(actions);
        for (int i = 0; i < replay.size(); i++) {
            replay.read(i, action);
            if (step() == Outcome.TRIAL_ENDED) {
                throw new IllegalStateException("environment " + spec.id() + " slot " + index + " ended trial "
                        + savedTrial + " after " + (i + 1) + " of " + replay.size() + " replayed actions; the "
                        + "checkpoint cannot be resumed because the environment is not deterministic for its seeds");
            }
        }
        sampling.setState(samplingState);
    }

    @Override
    public void close() {
        env.close();
    }
}
