package dev.metapilot.sim.train;

import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.trial.EpisodeStats;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.agent.trial.TrialRunner;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates an exported ONNX policy the way it will be deployed: opened by the agent's {@link OnnxPolicy} (CPU, one
 * thread, sampled actions), run through the agent's {@link TrialRunner} with the default action guard on a fixed set of
 * held-out TEST tasks, scored by {@link EpisodeStats#trialReturn()}. Called on the trainer's main thread.
 */
public final class PolicyEvaluator {

    private final EnvironmentFactory factory;
    private final String plugin;
    private final TrialPlan plan;

    /** {@code trials} TEST tasks drawn with seeds {@code seed, seed+1, ...}; the plan's seed is {@code seed}. */
    public PolicyEvaluator(EnvironmentFactory factory, String plugin, int trials, long seed) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.plugin = Objects.requireNonNull(plugin, "plugin is null");
        List<Task> tasks = new ArrayList<>(trials);
        for (int t = 0; t < trials; t++) {
            tasks.add(factory.tasks().sample(Split.TEST, seed + t));
        }
        this.plan = new TrialPlan(tasks, factory.spec().episodesPerTrial(), seed);
    }

    /** Runs every TEST trial with the policy in {@code model} and returns the per-episode statistics. */
    public EpisodeStats evaluate(Path model) {
        EpisodeStats stats = new EpisodeStats();
        try (OnnxPolicy policy = OnnxPolicy.open(model, PolicyOptions.defaults(), factory.spec(), plugin)) {
            new TrialRunner(factory, ActionGuard.Settings.DEFAULT).run(policy, plan, stats);
        }
        return stats;
    }
}
