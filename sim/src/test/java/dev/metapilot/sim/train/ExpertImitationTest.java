package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.sim.testing.Corridor;
import dev.metapilot.sim.testing.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --expert-coef}: the policy's cross-entropy with the expert's action that the privileged features show (the
 * corridor's paying action, once an episode of the trial has reached the end) starts at ln 2 for a near-uniform policy
 * over two actions, falls as the policy imitates, and is logged; 0 without it; environments without an expert action
 * are refused by name.
 */
class ExpertImitationTest {

    private static final Pattern LOSS = Pattern.compile("\"expert_loss\":([-0-9.Ee]+)");

    @TempDir
    Path tmp;

    private static TrainConfig.Builder corridor() {
        return TrainConfig.builder("corridor").seed(4).hidden(16).envs(16).rollout(12).epochs(2).minibatches(2)
                .learningRate(1e-2).privilegedValue(true);
    }

    @Test
    void theExpertLossIsTheCrossEntropyWithTheExpertAndFalls() throws IOException {
        Path run = tmp.resolve("expert");
        TrainingRuns.train(corridor().expertCoef(2).build(), new Corridor(), 25, run, false);
        List<Double> losses = losses(run);
        assertThat(losses).hasSize(25);
        assertThat(losses.get(0)).as("a near-uniform policy over two actions").isBetween(0.55, 0.85);
        assertThat(losses.get(24)).as("the policy imitates the expert where it shows").isLessThan(0.2);

        Path plain = tmp.resolve("plain");
        TrainingRuns.train(corridor().build(), new Corridor(), 2, plain, false);
        assertThat(losses(plain)).containsOnly(0.0);
    }

    @Test
    void anEnvironmentWithoutAnExpertActionIsRefused() {
        TrainConfig config = TrainConfig.builder("bandit").envConfig(Plugins.resolved(new BanditPlugin(), Map.of(
                "arms", "3", "pulls", "10"))).hidden(8).envs(4).rollout(10).minibatches(2).privilegedValue(true)
                .expertCoef(1).build();
        assertThatThrownBy(() -> TrainingRuns.train(config, Plugins.bandit(3, 10), 1, tmp.resolve("bandit"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("--expert-coef").hasMessageContaining(
                        "bandit has no expert action");
    }

    private static List<Double> losses(Path run) throws IOException {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(MetricsLog.NAME))) {
            if (line.contains("\"type\":\"update\"")) {
                Matcher m = LOSS.matcher(line);
                assertThat(m.find()).as(line).isTrue();
                out.add(Double.parseDouble(m.group(1)));
            }
        }
        return out;
    }
}
