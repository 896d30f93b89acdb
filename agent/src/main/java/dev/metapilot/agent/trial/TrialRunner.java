package dev.metapilot.agent.trial;

import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.env.Action;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * Runs the trials of a {@link TrialPlan} for one policy on a simulated environment, as fast as it can, with RL² trial
 * semantics: the task and the policy's memory stay for all K episodes of a trial, the environment resets between them,
 * and {@link StepInput} carries the previous action, reward and done flag. Every action passes the {@link ActionGuard};
 * a trial whose guard trips stops cleanly with a {@link EpisodeRecord.End#FAULT_LIMIT} record.
 *
 * <p>
 * Called on one thread; owns one environment for the duration of {@link #run}.
 */
public final class TrialRunner {

    private final EnvironmentFactory factory;
    private final ActionGuard.Settings guardSettings;

    public TrialRunner(EnvironmentFactory factory, ActionGuard.Settings guardSettings) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.guardSettings = Objects.requireNonNull(guardSettings, "guardSettings is null");
    }

    /** Runs every trial of {@code plan} with {@code policy}, telling {@code listener} about each episode. */
    public void run(Policy policy, TrialPlan plan, EpisodeListener listener) {
        run(policy, plan, 0, plan.tasks().size(), listener);
    }

    /**
     * Runs trials {@code from} (inclusive) to {@code to} (exclusive) of {@code plan}, with the seeds and trial indices
     * the whole plan gives them: a plan split into ranges over several runners (one policy each) yields the same
     * records as one runner over the whole plan.
     */
    public void run(Policy policy, TrialPlan plan, int from, int to, EpisodeListener listener) {
        Objects.checkFromToIndex(from, to, plan.tasks().size());
        try (Environment env = factory.create()) {
            StepInput input = new StepInput(env.spec());
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            EpisodeTally tally = new EpisodeTally(env.spec().maxEpisodeSteps());
            ActionGuard guard = new ActionGuard(factory, guardSettings);
            for (int t = from; t < to; t++) {
                Task task = plan.tasks().get(t);
                env.setTask(task);
                policy.beginTrial(task, plan.policySeed(t));
                guard.beginTrial();
                input.beginTrial();
                for (int e = 0; e < plan.episodes(); e++) {
                    if (e > 0) {
                        input.nextEpisode();
                    }
                    env.reset(plan.resetSeed(t, e), input.observation());
                    EpisodeRecord record = episode(policy, env, guard, input, action, result, tally, t, e,
                            task);
                    listener.episodeEnded(record);
                    if (record.end() == EpisodeRecord.End.FAULT_LIMIT) {
                        break;
                    }
                }
            }
        }
    }

    private static EpisodeRecord episode(Policy policy, Environment env, ActionGuard guard, StepInput input,
            Action action, StepResult result, EpisodeTally tally, int trial, int episode, Task task) {
        tally.begin(guard.faults());
        while (true) {
            boolean ok = policy.act(input, action);
            guard.check(ok, action);
            if (guard.tripped()) {
                return tally.record(policy.name(), trial, episode, task.id(), guard.faults(),
                        EpisodeRecord.End.FAULT_LIMIT);
            }
            env.step(action, input.observation(), result);
            if (tally.stepped(action, result, input)) {
                return tally.finished(policy.name(), trial, episode, task.id(), guard.faults());
            }
        }
    }
}
