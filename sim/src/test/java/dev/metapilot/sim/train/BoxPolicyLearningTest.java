package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.trial.EpisodeStats;
import dev.metapilot.sim.testing.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gaussian (Box) policy path learns too: on the target fixture (a hidden target at -0.5 or 0.5, each step paying
 * {@code -|a - target|}, 2 episodes of 4 steps per trial) the exported model, run by the agent on TEST tasks, ends far
 * above the zero action's -4 per trial (the best policy, probing once, gets about -0.5) and above the initial policy.
 */
class BoxPolicyLearningTest {

    private static final int UPDATES = 150;

    @TempDir
    Path tmp;

    @Test
    void theGaussianPolicyLearnsToFindTheHiddenTarget() {
        Target target = new Target();
        TrainConfig config = TrainConfig.builder("target").seed(2).hidden(16).envs(64).rollout(8).minibatches(4)
                .learningRate(3e-3).valueClipRange(0).entropyCoef(0).build();
        PolicyEvaluator evaluator = new PolicyEvaluator(target, "target", 400, 900);
        TrainingResult first = TrainingRuns.train(config, target, 1, tmp.resolve("first"), false);
        EpisodeStats.Estimate before = evaluator.evaluate(first.model()).trialReturn();
        TrainingResult trained = TrainingRuns.train(config, target, UPDATES, tmp.resolve("trained"), false);
        EpisodeStats.Estimate after = evaluator.evaluate(trained.model()).trialReturn();
        System.out.printf("target: before %s, after %s%n", before, after);
        assertThat(after.mean()).isGreaterThan(before.mean() + 1).isGreaterThan(-2.0);
    }
}
