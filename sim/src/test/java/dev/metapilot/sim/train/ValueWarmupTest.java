package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.sim.testing.Plugins;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --value-warmup}: a fine-tune's first updates train the critic alone, so the policy the run started from is
 * exactly the policy it has when the warm-up ends; then the optimiser restarts and everything trains.
 */
class ValueWarmupTest {

    private static final int ARMS = 3;
    private static final int HIDDEN = 16;

    @TempDir
    Path tmp;

    private static TrainConfig.Builder bandit() {
        return TrainConfig.builder("bandit").envConfig(Plugins.resolved(new BanditPlugin(), Map.of("arms", Integer
                .toString(ARMS), "pulls", "5"))).seed(5).hidden(HIDDEN).envs(4).rollout(5).epochs(2).minibatches(2);
    }

    @Test
    void theWarmUpMovesTheCriticAloneThenTheOptimiserRestartsAndThePolicyTrains() {
        Path source = tmp.resolve("source");
        TrainingRuns.train(bandit().build(), Plugins.bandit(ARMS, 5), 2, source, false);
        Checkpoint from = CheckpointFile.read(source.resolve(CheckpointFile.NAME));

        // a new discount and a large step: without the warm-up the first update would move the policy a long way
        TrainConfig tuned = bandit().gamma(0.5).learningRate(1e-2).privilegedValue(true).timeAwareValue(true)
                .valueWarmup(2).initFrom(source.toString()).build();
        Path target = tmp.resolve("tuned");
        TrainingRuns.train(tuned, Plugins.bandit(ARMS, 5), 2, target, false);
        Checkpoint warm = CheckpointFile.read(target.resolve(CheckpointFile.NAME));

        assertThat(warm.config()).containsEntry("value_warmup", "2");
        assertThat(warm.adamSteps()).as("the optimiser restarts when the warm-up ends").isZero();
        from.parameters().forEach((name, values) -> {
            float[] now = warm.parameters().get(name);
            if (name.equals("heads_weight")) {
                assertThat(rows(now, 0, ARMS)).as("the action rows").containsExactly(rows(values, 0, ARMS));
                assertThat(rows(now, ARMS, ARMS + 1)).as("the value row").isNotEqualTo(rows(values, ARMS, ARMS + 1));
            } else if (name.equals("heads_bias")) {
                assertThat(Arrays.copyOf(now, ARMS)).containsExactly(Arrays.copyOf(values, ARMS));
                assertThat(now[ARMS]).isNotEqualTo(values[ARMS]);
            } else {
                assertThat(now).as(name).containsExactly(values);
            }
        });

        // after the warm-up every parameter trains, with a fresh optimiser
        TrainingRuns.train(tuned, Plugins.bandit(ARMS, 5), 3, target, true);
        Checkpoint after = CheckpointFile.read(target.resolve(CheckpointFile.NAME));
        assertThat(after.adamSteps()).isEqualTo(2 * 2);
        assertThat(after.parameters().get("gru_l_0_h2h_WEIGHT")).isNotEqualTo(from.parameters().get(
                "gru_l_0_h2h_WEIGHT"));

        // and the restart at the warm-up's end is part of the run: resumed there or not, the same parameters
        Path straight = tmp.resolve("straight");
        TrainingRuns.train(tuned, Plugins.bandit(ARMS, 5), 3, straight, false);
        Checkpoint whole = CheckpointFile.read(straight.resolve(CheckpointFile.NAME));
        after.parameters().forEach((name, values) -> assertThat(whole.parameters().get(name)).as(name)
                .containsExactly(values));
    }

    @Test
    void aNegativeWarmUpIsRefused() {
        assertThatThrownBy(() -> bandit().valueWarmup(-1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value warm-up");
    }

    /** Rows {@code [from, to)} of a {@code [rows, HIDDEN]} matrix. */
    private static float[] rows(float[] matrix, int from, int to) {
        return Arrays.copyOfRange(matrix, from * HIDDEN, to * HIDDEN);
    }
}
