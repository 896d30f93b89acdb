package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.sim.testing.Corridor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints round-trip exactly, replace the previous one atomically (a crashed write leaves no litter behind), and
 * are refused with a clear message when they are damaged or belong to another configuration.
 */
class CheckpointFileTest {

    @TempDir
    Path tmp;

    @Test
    void aCheckpointReadsBackExactly() throws Exception {
        Path file = tmp.resolve(CheckpointFile.NAME);
        Checkpoint c = sample(1.5f);
        CheckpointFile.write(file, c);
        Checkpoint back = CheckpointFile.read(file);
        assertThat(back.config()).containsExactlyEntriesOf(c.config());
        assertThat(back.update()).isEqualTo(7);
        assertThat(back.parameters().get("w")).containsExactly(1.5f, -0f, Float.MIN_VALUE);
        assertThat(back.adamFirst().get("w")).containsExactly(c.adamFirst().get("w"));
        assertThat(back.observationMean()).containsExactly(c.observationMean());
        assertThat(back.slots().get(1).actions()).containsExactly(1f, 0f, 1f);
        assertThat(back.slots().get(1).samplingState()).isEqualTo(-5L);
        assertThat(back.hiddenState()).containsExactly(c.hiddenState());

        CheckpointFile.write(file, sample(2.5f));
        assertThat(CheckpointFile.read(file).parameters().get("w")[0]).isEqualTo(2.5f);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(CheckpointFile.NAME);
        }
    }

    @Test
    void aWriteCutShortByACrashLeavesOneTemporaryFileThatTheNextWriteReplaces() throws Exception {
        Path file = tmp.resolve(CheckpointFile.NAME);
        CheckpointFile.write(file, sample(1f));
        Path torn = tmp.resolve(CheckpointFile.NAME + ".tmp");
        Files.write(torn, Arrays.copyOf(Files.readAllBytes(file), 100));
        CheckpointFile.write(file, sample(3f));
        assertThat(CheckpointFile.read(file).parameters().get("w")[0]).isEqualTo(3f);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(CheckpointFile.NAME);
        }
    }

    @Test
    void aDamagedCheckpointIsRefusedAsCorrupt() throws Exception {
        Path file = tmp.resolve(CheckpointFile.NAME);
        CheckpointFile.write(file, sample(1f));
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Files.write(file, flipped);
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(TrainingException.class).hasMessageContaining(
                "is corrupt").hasMessageContaining("CRC-32");
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(TrainingException.class).hasMessageContaining(
                "is corrupt");
        Files.writeString(file, "not a checkpoint at all");
        assertThatThrownBy(() -> CheckpointFile.read(file)).isInstanceOf(TrainingException.class).hasMessageContaining(
                "is not a metapilot checkpoint");
        assertThatThrownBy(() -> CheckpointFile.read(tmp.resolve("missing.bin"))).isInstanceOf(
                TrainingException.class).hasMessageContaining("no checkpoint");
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRefusedNamingEveryDifference() {
        Map<String, String> saved = TrainConfig.builder("corridor").hidden(16).seed(1).build().properties();
        Map<String, String> now = TrainConfig.builder("corridor").hidden(8).seed(1).learningRate(1e-3).build()
                .properties();
        assertThatThrownBy(() -> CheckpointFile.checkSameConfig(Path.of("run/checkpoint.bin"), saved, now))
                .isInstanceOf(TrainingException.class).hasMessageContaining("belongs to another configuration")
                .hasMessageContaining("hidden (checkpoint: 16, this run: 8)").hasMessageContaining(
                        "lr (checkpoint: 5.0E-4, this run: 0.001)")
                .hasMessageNotContaining("seed (");
        CheckpointFile.checkSameConfig(Path.of("same"), saved, saved);
    }

    @Test
    void theTrainerRefusesToResumeUnderAnotherConfiguration() {
        Path dir = tmp.resolve("run");
        TrainConfig config = TrainConfig.builder("corridor").hidden(8).envs(2).rollout(6).minibatches(1).build();
        TrainingRuns.train(config, new Corridor(), 1, dir, false);
        TrainConfig other = TrainConfig.builder("corridor").hidden(8).envs(2).rollout(6).minibatches(1).epochs(3)
                .build();
        assertThatThrownBy(() -> TrainingRuns.train(other, new Corridor(), 2, dir, true)).isInstanceOf(
                TrainingException.class).hasMessageContaining("epochs (checkpoint: 4, this run: 3)");
    }

    private static Checkpoint sample(float w) {
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("w", new float[]{w, -0f, Float.MIN_VALUE});
        Map<String, float[]> m = Map.of("w", new float[]{0.1f, 0.2f, 0.3f});
        Map<String, float[]> v = Map.of("w", new float[]{1e-9f, 2e-9f, 3e-9f});
        return new Checkpoint(TrainConfig.builder("corridor").build().properties(), 7, 700, 12, 3.5, params, 7, m, v,
                700, new double[]{0.5, 1e-300}, new double[]{2, 3}, 99, List.of(new Checkpoint.Slot(3, 42,
                        new float[0]), new Checkpoint.Slot(4, -5, new float[]{1, 0, 1})),
                new float[]{0.25f, -1f});
    }
}
