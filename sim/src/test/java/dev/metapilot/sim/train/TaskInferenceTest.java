package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.sim.testing.Plugins;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --task-inference-coef}: the auxiliary loss reaches the head (its loss falls while the policy trains) and is
 * logged; a run without it logs 0.
 */
class TaskInferenceTest {

    @TempDir
    Path tmp;

    private static TrainConfig.Builder bandit() {
        return TrainConfig.builder("bandit").envConfig(Plugins.resolved(new BanditPlugin(), Map.of("arms", "3",
                "pulls", "10"))).seed(2).hidden(16).envs(16).rollout(10).epochs(2).minibatches(2).learningRate(1e-2)
                .privilegedValue(true);
    }

    @Test
    void theTaskInferenceLossFallsAndIsLogged() {
        Path run = tmp.resolve("ti");
        TrainingRuns.train(bandit().taskInferenceCoef(1).build(), Plugins.bandit(3, 10), 30, run, false);
        List<Double> losses = TrainingRuns.perUpdate(run, "task_inference_loss");
        assertThat(losses).hasSize(30);
        assertThat(losses.get(0)).as("the head starts far from the arm probabilities").isGreaterThan(0.1);
        // the features are the arm probabilities and UCB1's next arm (a one-hot that the linear head predicts only in
        // part), so the loss falls to about half and levels off
        double last = losses.subList(20, 30).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(last).as("and learns to predict them").isLessThan(0.65 * losses.get(0));

        Path plain = tmp.resolve("plain");
        TrainingRuns.train(bandit().build(), Plugins.bandit(3, 10), 2, plain, false);
        assertThat(TrainingRuns.perUpdate(plain, "task_inference_loss")).containsOnly(0.0);
    }
}
