package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.sim.testing.Plugins;
import dev.metapilot.sim.testing.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after a checkpoint and resumed ends with bitwise the same parameters, optimiser state, observation
 * statistics, environment slots and exported model as the same run done in one go (CPU). The checkpoint is taken in the
 * middle of trials, so resuming replays the environments' running trials.
 */
class ResumeTest {

    @TempDir
    Path tmp;

    @Test
    void resumingAMazeRunContinuesBitwiseAsTheUninterruptedRun() throws Exception {
        TrainConfig config = TrainConfig.builder("maze").envConfig("size=small,episodes=2").seed(3).hidden(16).envs(4)
                .rollout(32).epochs(2).minibatches(2).build();
        checkResume(config, Plugins.smallMaze());
    }

    @Test
    void resumingABoxActionRunContinuesBitwiseAsTheUninterruptedRun() throws Exception {
        TrainConfig config = TrainConfig.builder("target").seed(4).hidden(8).layers(2).envs(3).rollout(5).bptt(2)
                .epochs(2).minibatches(3).build();
        checkResume(config, new Target());
    }

    @Test
    void resumingARunWithTheMemoryOptionsContinuesBitwiseAsTheUninterruptedRun()
            throws Exception {
        TrainConfig config = TrainConfig.builder("maze").envConfig("size=small,episodes=2").seed(6).hidden(16).envs(4)
                .rollout(32).bptt(8).epochs(2).minibatches(2).timeAwareValue(true).episodeResetUnits(10)
                .episodicReturns(true).privilegedValue(true).taskInferenceCoef(0.5).expertCoef(0.5).build();
        checkResume(config, Plugins.smallMaze());
    }

    private void checkResume(TrainConfig config, EnvironmentFactory factory) throws Exception {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        TrainingRuns.train(config, factory, 4, whole, false);
        TrainingRuns.train(config, factory, 2, split, false);
        Checkpoint half = CheckpointFile.read(split.resolve(CheckpointFile.NAME));
        assertThat(half.update()).isEqualTo(2);
        assertThat(half.slots()).anySatisfy(s -> assertThat(s.actions()).isNotEmpty());
        TrainingResult resumed = TrainingRuns.train(config, factory, 4, split, true);
        assertThat(resumed.updates()).isEqualTo(4);

        Checkpoint a = CheckpointFile.read(whole.resolve(CheckpointFile.NAME));
        Checkpoint b = CheckpointFile.read(split.resolve(CheckpointFile.NAME));
        assertThat(b.envSteps()).isEqualTo(a.envSteps()).isEqualTo(4 * config.stepsPerUpdate());
        assertThat(b.parameters().keySet()).containsExactlyElementsOf(a.parameters().keySet());
        a.parameters().forEach((name, values) -> assertThat(b.parameters().get(name)).as(name).isEqualTo(values));
        a.adamFirst().forEach((name, values) -> assertThat(b.adamFirst().get(name)).as(name).isEqualTo(values));
        a.adamSecond().forEach((name, values) -> assertThat(b.adamSecond().get(name)).as(name).isEqualTo(values));
        assertThat(b.adamSteps()).isEqualTo(a.adamSteps());
        assertThat(b.observationMean()).isEqualTo(a.observationMean());
        assertThat(b.observationM2()).isEqualTo(a.observationM2());
        assertThat(b.shuffleState()).isEqualTo(a.shuffleState());
        assertThat(b.hiddenState()).isEqualTo(a.hiddenState());
        for (int i = 0; i < a.slots().size(); i++) {
            assertThat(b.slots().get(i).trial()).isEqualTo(a.slots().get(i).trial());
            assertThat(b.slots().get(i).samplingState()).isEqualTo(a.slots().get(i).samplingState());
            assertThat(b.slots().get(i).actions()).isEqualTo(a.slots().get(i).actions());
        }
        assertThat(Files.readAllBytes(split.resolve("policy.onnx"))).isEqualTo(Files.readAllBytes(whole.resolve(
                "policy.onnx")));
        // and training did change the parameters
        assertThat(half.parameters().get("heads_weight")).isNotEqualTo(a.parameters().get("heads_weight"));
    }
}
