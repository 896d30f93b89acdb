package dev.metapilot.sim.train;

import dev.metapilot.agent.trial.EpisodeStats;
import java.nio.file.Path;

/**
 * What a finished (or extended) training run reports: how far it got, how fast, how well it did on its training trials
 * and, when it evaluated, on held-out TEST trials through the exported model. Returned by {@link Trainer#run()} on the
 * main thread.
 *
 * @param updates updates done in total
 * @param envSteps environment steps done in total
 * @param seconds training time of this invocation
 * @param stepsPerSecond environment steps per second of this invocation, updates and evaluations included
 * @param meanTrialReturn mean return of the last (up to 1000) finished training trials
 * @param evaluation the last held-out evaluation's trial return, or null without {@code --eval-every}
 * @param model the exported ONNX policy
 * @param runDir the run directory (checkpoint, metrics)
 */
public record TrainingResult(int updates, long envSteps, double seconds, double stepsPerSecond,
        double meanTrialReturn, EpisodeStats.Estimate evaluation, Path model, Path runDir) {}
