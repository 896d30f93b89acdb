package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The configuration validates its settings, names every one in its properties, and describes itself stably. */
class TrainConfigTest {

    @Test
    void defaultsAreValidAndDescribeEverySetting() {
        TrainConfig c = TrainConfig.builder("maze").envConfig("size=small,episodes=2").build();
        assertThat(c.stepsPerUpdate()).isEqualTo(256 * 64);
        assertThat(c.properties()).containsKeys("env", "env_config", "seed", "hidden", "layers", "envs", "rollout",
                "bptt", "epochs", "minibatches", "lr", "gamma", "gae_lambda", "clip", "value_clip", "value_coef",
                "entropy_coef", "max_grad_norm", "adam_eps", "obs_clip", "init_log_std").hasSize(21);
        assertThat(c.describe()).startsWith("env=maze env_config=size=small,episodes=2 seed=0 hidden=128 ");
        assertThat(c.describe()).isEqualTo(TrainConfig.builder("maze").envConfig("size=small,episodes=2").build()
                .describe());
        // options added later appear only when set, so that older checkpoints still resume
        assertThat(TrainConfig.builder("maze").timeAwareValue(true).build().properties()).containsEntry(
                "time_aware_value", "true").hasSize(22);
        assertThat(TrainConfig.builder("maze").episodeResetUnits(96).build().properties()).containsEntry(
                "episode_reset_units", "96").hasSize(22);
        assertThat(TrainConfig.builder("maze").episodicReturns(true).build().properties()).containsEntry(
                "episodic_returns", "true").hasSize(22);
        assertThat(TrainConfig.builder("maze").privilegedValue(true).expertCoef(0.5).build().properties())
                .containsEntry("privileged_value", "true").containsEntry("expert_coef", "0.5").hasSize(23);
        assertThat(TrainConfig.builder("maze").finalLearningRate(1e-5).build().properties()).containsEntry("lr_final",
                "1.0E-5").hasSize(22);
    }

    @Test
    void theLearningRateAnnealsLinearlyOverTheRunOnlyWhenAFinalRateIsSet() {
        TrainConfig constant = TrainConfig.builder("maze").learningRate(4e-4).build();
        assertThat(constant.annealed()).isFalse();
        assertThat(constant.learningRateAt(0, 100)).isEqualTo(4e-4);
        assertThat(constant.learningRateAt(99, 100)).isEqualTo(4e-4);

        TrainConfig annealed = TrainConfig.builder("maze").learningRate(4e-4).finalLearningRate(0).build();
        assertThat(annealed.learningRateAt(0, 100)).isEqualTo(4e-4);
        assertThat(annealed.learningRateAt(50, 100)).isCloseTo(2e-4, within(1e-12));
        assertThat(annealed.learningRateAt(99, 100)).isCloseTo(4e-6, within(1e-12));
        // past the end (a resume with fewer --steps) it stays at the final rate
        assertThat(annealed.learningRateAt(150, 100)).isEqualTo(0.0);

        TrainConfig upward = TrainConfig.builder("maze").learningRate(1e-4).finalLearningRate(3e-4).build();
        assertThat(upward.learningRateAt(25, 100)).isCloseTo(1.5e-4, within(1e-12));
    }

    @Test
    void settingsOutOfRangeAreRefusedByName() {
        assertThatThrownBy(() -> TrainConfig.builder("maze").hidden(0).build()).hasMessageContaining("hidden must be");
        assertThatThrownBy(() -> TrainConfig.builder("maze").envs(2).minibatches(3).build()).hasMessageContaining(
                "minibatches (3) must not exceed envs (2)");
        assertThatThrownBy(() -> TrainConfig.builder("maze").gamma(1.5).build()).hasMessageContaining(
                "gamma must be in [0, 1]");
        assertThatThrownBy(() -> TrainConfig.builder("maze").learningRate(Double.NaN).build()).hasMessageContaining(
                "learning rate must be > 0");
        assertThatThrownBy(() -> TrainConfig.builder("maze").bptt(-1).build()).hasMessageContaining("bptt must be");
        assertThatThrownBy(() -> TrainConfig.builder("maze").hidden(8).episodeResetUnits(9).build())
                .hasMessageContaining("episode reset units must be in [0, hidden = 8], got 9");
        assertThatThrownBy(() -> TrainConfig.builder("maze").taskInferenceCoef(0.5).build()).hasMessageContaining(
                "it needs --privileged-value");
        assertThatThrownBy(() -> TrainConfig.builder("maze").privilegedValue(true).taskInferenceCoef(-1).build())
                .hasMessageContaining("task inference coefficient must be finite and >= 0");
        assertThatThrownBy(() -> TrainConfig.builder("maze").expertCoef(1).build()).hasMessageContaining(
                "--expert-coef reads the expert's action from the privileged features: it needs --privileged-value");
        assertThatThrownBy(() -> TrainConfig.builder("maze").privilegedValue(true).expertCoef(Double.NaN).build())
                .hasMessageContaining("expert coefficient must be >= 0");
        assertThatThrownBy(() -> TrainConfig.builder("maze").finalLearningRate(-1e-4).build()).hasMessageContaining(
                "final learning rate must be >= 0");
        assertThatThrownBy(() -> new RunOptions(0, "cpu", 0, 0, 1, 0, java.nio.file.Path.of("r"), java.nio.file.Path
                .of("m.onnx"), false, false)).hasMessageContaining("steps must be >= 1");
    }
}
