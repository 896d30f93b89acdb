package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.sim.export.OnnxPolicyReader;
import dev.metapilot.sim.testing.Plugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --init-from}: a fresh run starts from another run's parameters and observation statistics (here a 5-pull
 * bandit run continued on 10-pull trials, as a curriculum or a memoryless-to-RL² fine-tune does), with its own
 * optimiser and counters; checkpoints that do not fit are refused with the reason.
 */
class InitFromTest {

    @TempDir
    Path tmp;

    private static TrainConfig.Builder bandit(int pulls) {
        return TrainConfig.builder("bandit").envConfig(Plugins.resolved(new BanditPlugin(),
                Map.of("arms", "3", "pulls", Integer.toString(pulls)))).seed(5).hidden(16).envs(4).rollout(
                        pulls)
                .epochs(2).minibatches(2);
    }

    @Test
    void aFreshRunStartsFromTheSourceParametersAndStatisticsWithItsOwnCounters() throws IOException {
        Path source = tmp.resolve("short");
        TrainingRuns.train(bandit(5).build(), Plugins.bandit(3, 5), 3, source, false);
        Checkpoint from = CheckpointFile.read(source.resolve(CheckpointFile.NAME));

        // a learning rate so small that one update leaves the loaded parameters where they were
        TrainConfig tuned = bandit(10).learningRate(1e-12).initFrom(source.toString()).build();
        Path target = tmp.resolve("long");
        TrainingRuns.train(tuned, Plugins.bandit(3, 10), 1, target, false);
        Checkpoint after = CheckpointFile.read(target.resolve(CheckpointFile.NAME));

        assertThat(after.update()).isEqualTo(1);
        assertThat(after.envSteps()).isEqualTo(tuned.stepsPerUpdate());
        assertThat(after.adamSteps()).isEqualTo(4);
        assertThat(after.observationCount()).isEqualTo(from.observationCount() + tuned.stepsPerUpdate());
        assertKeptEveryParameterOf(from, after);
        assertThat(after.config()).containsEntry("init_from", source.toString());
        // the start record names the checkpoint and where its run stood, which the run's configuration cannot
        assertThat(Files.readAllLines(target.resolve(MetricsLog.NAME)).get(0)).contains("\"init_from\":{"
                + "\"checkpoint\":\"" + source.resolve(CheckpointFile.NAME) + "\",\"update\":" + from.update()
                + ",\"env_steps\":" + from.envSteps() + "}");

        // without --init-from the same settings start from the seeded weights instead
        Path fresh = tmp.resolve("fresh");
        TrainingRuns.train(bandit(10).learningRate(1e-12).build(), Plugins.bandit(3, 10), 1, fresh, false);
        Checkpoint seeded = CheckpointFile.read(fresh.resolve(CheckpointFile.NAME));
        assertThat(seeded.parameters().get("heads_weight")).isNotEqualTo(after.parameters().get("heads_weight"));

        // and the fine-tuned run resumes under its own configuration
        TrainingResult resumed = TrainingRuns.train(tuned, Plugins.bandit(3, 10), 2, target, true);
        assertThat(resumed.updates()).isEqualTo(2);
    }

    @Test
    void aTimeAwareCriticStartsItsTimeTermFreshFromAPlainCheckpointAndDropsItTheOtherWay() {
        Path plain = tmp.resolve("plain");
        TrainingRuns.train(bandit(5).build(), Plugins.bandit(3, 5), 2, plain, false);
        Checkpoint from = CheckpointFile.read(plain.resolve(CheckpointFile.NAME));

        Path aware = tmp.resolve("aware");
        TrainingRuns.train(bandit(10).learningRate(1e-12).timeAwareValue(true).initFrom(plain.toString()).build(),
                Plugins.bandit(3, 10), 1, aware, false);
        Checkpoint after = CheckpointFile.read(aware.resolve(CheckpointFile.NAME));
        assertThat(after.parameters()).containsKeys("time_value_weight", "time_value_bias");
        assertKeptEveryParameterOf(from, after);
        for (float b : after.parameters().get("time_value_bias")) {
            assertThat(b).as("the time term's initial bias").isCloseTo(0f, within(1e-6f));
        }

        Path back = tmp.resolve("back");
        TrainingRuns.train(bandit(5).learningRate(1e-12).initFrom(aware.toString()).build(), Plugins.bandit(3, 5), 1,
                back, false);
        assertThat(CheckpointFile.read(back.resolve(CheckpointFile.NAME)).parameters()).doesNotContainKey(
                "time_value_weight").containsOnlyKeys(from.parameters().keySet());
    }

    @Test
    void aPrivilegedCriticStartsFreshFromAPlainCheckpointAndIsDroppedTheOtherWay() {
        Path plain = tmp.resolve("plain");
        TrainingRuns.train(bandit(5).build(), Plugins.bandit(3, 5), 2, plain, false);
        Checkpoint from = CheckpointFile.read(plain.resolve(CheckpointFile.NAME));

        Path privileged = tmp.resolve("privileged");
        TrainingRuns.train(bandit(10).learningRate(1e-12).privilegedValue(true).initFrom(plain.toString()).build(),
                Plugins.bandit(3, 10), 1, privileged, false);
        Checkpoint after = CheckpointFile.read(privileged.resolve(CheckpointFile.NAME));
        assertThat(after.config()).containsEntry("privileged_value", "true");
        assertThat(after.parameters()).containsKeys("privileged_hidden_weight", "privileged_out_weight");
        assertKeptEveryParameterOf(from, after);

        // a time-aware run from the privileged one: the privileged term's inputs differ, so it starts fresh there
        Path timed = tmp.resolve("timed");
        TrainingRuns.train(bandit(10).learningRate(1e-12).privilegedValue(true).timeAwareValue(true).initFrom(
                privileged.toString()).build(), Plugins.bandit(3, 10), 1, timed, false);
        assertThat(CheckpointFile.read(timed.resolve(CheckpointFile.NAME)).parameters().get(
                "privileged_hidden_weight")).hasSize(64 * (16 + 3 + 6)); // hidden, time, 3 arms' p and UCB1's arm

        Path back = tmp.resolve("back");
        TrainingRuns.train(bandit(5).learningRate(1e-12).initFrom(privileged.toString()).build(), Plugins.bandit(3,
                5), 1, back, false);
        assertThat(CheckpointFile.read(back.resolve(CheckpointFile.NAME)).parameters()).containsOnlyKeys(from
                .parameters().keySet());
    }

    @Test
    void aCheckpointOfAnotherNetworkOrObservationIsRefusedWithTheReason() {
        Path source = tmp.resolve("h16");
        TrainingRuns.train(bandit(5).build(), Plugins.bandit(3, 5), 1, source, false);

        TrainConfig wider = bandit(5).hidden(8).initFrom(source.toString()).build();
        assertThatThrownBy(() -> TrainingRuns.train(wider, Plugins.bandit(3, 5), 1, tmp.resolve("h8"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("does not fit").hasMessageContaining(
                        "hidden 16");

        TrainConfig maze = TrainConfig.builder("maze").envConfig("size=small,episodes=2").hidden(16).envs(4).rollout(8)
                .minibatches(2).initFrom(source.resolve(CheckpointFile.NAME).toString()).build();
        assertThatThrownBy(() -> TrainingRuns.train(maze, Plugins.smallMaze(), 1, tmp.resolve("maze"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("features");

        TrainConfig missing = bandit(5).initFrom(tmp.resolve("nowhere").toString()).build();
        assertThatThrownBy(() -> TrainingRuns.train(missing, Plugins.bandit(3, 5), 1, tmp.resolve("m"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("no checkpoint").hasMessageContaining(
                        "to start from");
    }

    @Test
    void aFreshRunStartsFromAnExportedPolicyWithItsNormalisationAndAFreshPrivilegedCritic() throws IOException {
        Path source = tmp.resolve("source");
        TrainingRuns.train(bandit(5).build(), Plugins.bandit(3, 5), 3, source, false);
        Checkpoint from = CheckpointFile.read(source.resolve(CheckpointFile.NAME));
        Path policy = source.resolve("policy.onnx"); // the run's exported model, as a shipped one
        OnnxPolicyReader.ExportedPolicy exported = OnnxPolicyReader.read(policy);

        TrainConfig tuned = bandit(10).learningRate(1e-12).privilegedValue(true).valueWarmup(1).initFrom(policy
                .toString()).build();
        Path target = tmp.resolve("tuned");
        TrainingRuns.train(tuned, Plugins.bandit(3, 10), 1, target, false);
        Checkpoint after = CheckpointFile.read(target.resolve(CheckpointFile.NAME));

        assertKeptEveryParameterOf(from, after); // the exported GRU, action outputs and value row
        assertThat(after.parameters()).containsKeys("privileged_hidden_weight", "privileged_out_weight");
        // statistics weighted by the policy's training steps, whose normalisation is the exported one
        assertThat(after.observationCount()).isEqualTo(exported.metadata().trainingSteps() + tuned.stepsPerUpdate());
        ObservationStats imported = ObservationStats.giving(exported.normalization(), exported.metadata()
                .trainingSteps());
        assertThat(imported.normalization(exported.normalization().clip())).isEqualTo(exported.normalization());
        assertThat(Files.readAllLines(target.resolve(MetricsLog.NAME)).get(0)).contains("\"init_from\":{"
                + "\"policy\":\"" + policy + "\",\"env_steps\":" + from.envSteps() + "}");
    }

    @Test
    void aSmallerPolicyIsWidenedToTheRunsHiddenSizeWithTheNewUnitsUnread() throws IOException {
        Path source = tmp.resolve("h16");
        TrainingRuns.train(bandit(5).build(), Plugins.bandit(3, 5), 2, source, false);
        Checkpoint from = CheckpointFile.read(source.resolve(CheckpointFile.NAME));

        Path target = tmp.resolve("h24");
        TrainingRuns.train(bandit(5).hidden(24).learningRate(1e-12).initFrom(source.resolve("policy.onnx")
                .toString()).build(), Plugins.bandit(3, 5), 1, target, false);
        float[] head = CheckpointFile.read(target.resolve(CheckpointFile.NAME)).parameters().get("heads_weight");
        float[] old = from.parameters().get("heads_weight");
        for (int row = 0; row < 4; row++) { // 3 arms' logits and the value
            for (int unit = 0; unit < 24; unit++) {
                float expected = unit < 16 ? old[row * 16 + unit] : 0f;
                assertThat(head[row * 24 + unit]).as("head row %d unit %d", row, unit).isCloseTo(expected, within(
                        1e-6f));
            }
        }
    }

    @Test
    void anExportedPolicyOfAnotherNetworkOrClipOrAFileThatIsNoneIsRefusedWithTheReason() throws IOException {
        Path source = tmp.resolve("h16");
        TrainingRuns.train(bandit(5).build(), Plugins.bandit(3, 5), 1, source, false);
        Path policy = source.resolve("policy.onnx");

        TrainConfig wider = bandit(5).hidden(8).initFrom(policy.toString()).build();
        assertThatThrownBy(() -> TrainingRuns.train(wider, Plugins.bandit(3, 5), 1, tmp.resolve("h8"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("does not fit").hasMessageContaining(
                        "hidden 16")
                .hasMessageContaining("this run: 1 observation features, Discrete(3) actions, "
                        + "hidden 8");

        TrainConfig clipped = bandit(5).observationClip(3f).initFrom(policy.toString()).build();
        assertThatThrownBy(() -> TrainingRuns.train(clipped, Plugins.bandit(3, 5), 1, tmp.resolve("c"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("--observation-clip");

        Path garbage = tmp.resolve("garbage.onnx");
        Files.write(garbage, new byte[]{7, 7, 7});
        TrainConfig broken = bandit(5).initFrom(garbage.toString()).build();
        assertThatThrownBy(() -> TrainingRuns.train(broken, Plugins.bandit(3, 5), 1, tmp.resolve("g"), false))
                .isInstanceOf(TrainingException.class).hasMessageContaining("cannot start from " + garbage)
                .hasMessageContaining("not an ONNX model");
    }

    /** Every parameter of {@code from} is in {@code after} with its values (an update at lr 1e-12 moves nothing). */
    private static void assertKeptEveryParameterOf(Checkpoint from, Checkpoint after) {
        from.parameters().forEach((name, values) -> {
            float[] now = after.parameters().get(name);
            for (int i = 0; i < values.length; i++) {
                assertThat(now[i]).as(name + "[" + i + "]").isCloseTo(values[i], within(1e-6f));
            }
        });
    }
}
