package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.sim.testing.Corridor;
import dev.metapilot.sim.testing.Plugins;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --expert-coef}: the policy's cross-entropy with the expert's action that the privileged features show (the
 * corridor's paying action, once an episode of the trial has reached the end) starts at ln 2 for a near-uniform policy
 * over two actions, falls as the policy imitates, and is logged; 0 without it; the bandit's expert (UCB1, a function of
 * the history) is learned; environments without an expert action are refused by name.
 */
class ExpertImitationTest {

    @TempDir
    Path tmp;

    private static TrainConfig.Builder corridor() {
        return TrainConfig.builder("corridor").seed(4).hidden(16).envs(16).rollout(12).epochs(2).minibatches(2)
                .learningRate(1e-2).privilegedValue(true);
    }

    @Test
    void theExpertLossIsTheCrossEntropyWithTheExpertAndFalls() {
        Path run = tmp.resolve("expert");
        TrainingRuns.train(corridor().expertCoef(2).build(), new Corridor(), 25, run, false);
        List<Double> losses = TrainingRuns.perUpdate(run, "expert_loss");
        assertThat(losses).hasSize(25);
        assertThat(losses.get(0)).as("a near-uniform policy over two actions").isBetween(0.55, 0.85);
        assertThat(losses.get(24)).as("the policy imitates the expert where it shows").isLessThan(0.2);

        Path plain = tmp.resolve("plain");
        TrainingRuns.train(corridor().build(), new Corridor(), 2, plain, false);
        assertThat(TrainingRuns.perUpdate(plain, "expert_loss")).containsOnly(0.0);
    }

    @Test
    void anEnvironmentWithoutAnExpertActionIsRefused() {
        TrainConfig config = corridor().expertCoef(1).build();
        assertThatThrownBy(() -> TrainingRuns.train(config, Corridor.withoutExpert(), 1, tmp.resolve("none"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("--expert-coef").hasMessageContaining(
                        "corridor has no expert action");
    }

    @Test
    void theBanditsExpertIsUcb1AndItsLossFalls() {
        TrainConfig config = TrainConfig.builder("bandit").envConfig(Plugins.resolved(new BanditPlugin(), Map.of(
                "arms", "3", "pulls", "10"))).seed(3).hidden(16).envs(16).rollout(10).epochs(2).minibatches(2)
                .learningRate(1e-2).privilegedValue(true).expertCoef(1).build();
        Path run = tmp.resolve("bandit");
        TrainingRuns.train(config, Plugins.bandit(3, 10), 80, run, false);
        List<Double> losses = TrainingRuns.perUpdate(run, "expert_loss");
        double first = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = losses.subList(70, 80).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(first).as("a near-uniform policy over three arms: about ln 3").isBetween(0.9, 1.3);
        assertThat(last).as("the policy learns UCB1's choices from its history").isLessThan(0.7 * first);
    }
}
