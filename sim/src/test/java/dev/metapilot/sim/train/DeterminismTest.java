package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.sim.testing.Corridor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the CPU the same configuration and seed train bitwise the same policy; another seed trains another one. */
class DeterminismTest {

    @TempDir
    Path tmp;

    @Test
    void theSameSeedGivesTheSameModelBytes() throws Exception {
        TrainConfig config = TrainConfig.builder("corridor").seed(9).hidden(8).envs(6).rollout(7).bptt(3).build();
        TrainingRuns.train(config, new Corridor(), 3, tmp.resolve("a"), false);
        TrainingRuns.train(config, new Corridor(), 3, tmp.resolve("b"), false);
        TrainConfig other = TrainConfig.builder("corridor").seed(10).hidden(8).envs(6).rollout(7).bptt(3).build();
        TrainingRuns.train(other, new Corridor(), 3, tmp.resolve("c"), false);
        byte[] a = Files.readAllBytes(tmp.resolve("a/policy.onnx"));
        assertThat(Files.readAllBytes(tmp.resolve("b/policy.onnx"))).isEqualTo(a);
        // the metadata names the seed, so compare the weights themselves
        float[] weightsA = CheckpointFile.read(tmp.resolve("a").resolve(CheckpointFile.NAME)).parameters().get(
                "heads_weight");
        float[] weightsC = CheckpointFile.read(tmp.resolve("c").resolve(CheckpointFile.NAME)).parameters().get(
                "heads_weight");
        assertThat(weightsC).isNotEqualTo(weightsA);
    }
}
