package dev.metapilot.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import dev.metapilot.agent.cli.Main;
import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.sim.testing.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metapilot train} end to end through the launcher's {@code Main}: a short run writes the model, the metrics and
 * a checkpoint and reports a held-out evaluation; the run resumes; a different configuration and a missing CUDA device
 * are refused with clear messages.
 */
class TrainCommandTest {

    @TempDir
    Path tmp;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    private List<String> args(Path runDir, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--env", "bandit", "--env-config", "arms=3,pulls=5",
                "--steps", "500", "--envs", "8", "--rollout", "5", "--minibatches", "2", "--hidden", "8", "--out", tmp
                        .resolve("bandit.onnx").toString(),
                "--eval-every", "5", "--eval-trials", "20",
                "--no-progress", "--threads", "2"));
        a.addAll(List.of(extra));
        if (runDir != null) {
            a.addAll(List.of("--run-dir", runDir.toString()));
        }
        return a;
    }

    @Test
    void aShortRunWritesTheModelMetricsAndCheckpointAndResumes() throws Exception {
        Path runDir = tmp.resolve("run");
        int rc = run(args(runDir).toArray(String[]::new));
        assertThat(rc).as(cli.err()).isZero();
        assertThat(cli.out()).contains("trained 13 updates, 520 environment steps").contains(
                "held-out TEST trial return (exported model, 20 trials):");
        try (OnnxPolicy p = OnnxPolicy.open(tmp.resolve("bandit.onnx"), PolicyOptions.defaults(), Plugins.bandit(3, 5)
                .spec(), "bandit")) {
            assertThat(p.metadata().trainingSteps()).isEqualTo(520);
            assertThat(p.metadata().trainingConfig()).contains("env=bandit env_config=arms=3,pulls=5,expert=ucb1 ",
                    "hidden=8");
        }
        assertThat(Files.readAllLines(runDir.resolve("metrics.jsonl"))).hasSize(14);
        assertThat(runDir.resolve("checkpoint.bin")).exists();

        List<String> more = args(null, "--resume", runDir.toString());
        more.set(more.indexOf("500"), "1000");
        cli.clear();
        assertThat(run(more.toArray(String[]::new))).as(cli.err()).isZero();
        assertThat(cli.out()).contains("trained 25 updates, 1000 environment steps");
        assertThat(Files.readAllLines(runDir.resolve("metrics.jsonl"))).hasSize(14 + 1 + 12);
    }

    @Test
    void theMemoryOptionsReachTheConfigurationAndTheModelMetadata() throws Exception {
        int rc = run(args(tmp.resolve("memory"), "--time-aware-value", "--episode-reset-units", "6",
                "--episodic-returns", "--privileged-value", "--task-inference-coef", "0.5").toArray(String[]::new));
        assertThat(rc).as(cli.err()).isZero();
        try (OnnxPolicy p = OnnxPolicy.open(tmp.resolve("bandit.onnx"), PolicyOptions.defaults(), Plugins.bandit(3, 5)
                .spec(), "bandit")) {
            assertThat(p.metadata().trainingConfig()).contains("time_aware_value=true", "episode_reset_units=6",
                    "episodic_returns=true", "privileged_value=true", "task_inference_coef=0.5");
        }
        cli.clear();
        assertThat(run(args(tmp.resolve("wide"), "--episode-reset-units", "9").toArray(String[]::new))).isEqualTo(2);
        assertThat(cli.err()).contains("episode reset units must be in [0, hidden = 8], got 9");
    }

    @Test
    void anAnnealedLearningRateFallsLinearlyUpdateByUpdateAndIsLogged() throws Exception {
        Path runDir = tmp.resolve("annealed");
        assertThat(run(args(runDir, "--lr", "1e-3", "--lr-final", "0").toArray(String[]::new))).as(cli.err())
                .isZero();
        List<Double> rates = Files.readAllLines(runDir.resolve("metrics.jsonl")).stream().filter(l -> l.contains(
                "\"type\":\"update\"")).map(l -> Double.parseDouble(l.replaceAll(".*\"lr\":([^,}]*).*", "$1")))
                .toList();
        // 13 updates: update u runs at 1e-3 * (1 - u / 13)
        assertThat(rates).hasSize(13);
        for (int u = 0; u < rates.size(); u++) {
            assertThat(rates.get(u)).isCloseTo(1e-3 * (1 - u / 13.0), within(1e-12));
        }
        try (OnnxPolicy p = OnnxPolicy.open(tmp.resolve("bandit.onnx"), PolicyOptions.defaults(), Plugins.bandit(3, 5)
                .spec(), "bandit")) {
            assertThat(p.metadata().trainingConfig()).contains("lr=0.001", "lr_final=0.0");
        }
    }

    @Test
    void aPrivilegedCriticOnAnEnvironmentWithoutPrivilegedFeaturesIsRefusedNamingIt() {
        List<String> a = args(tmp.resolve("loco"), "--privileged-value");
        a.set(a.indexOf("bandit"), "locomotion");
        a.set(a.indexOf("arms=3,pulls=5"), "target=heading");
        assertThat(run(a.toArray(String[]::new))).isEqualTo(1);
        assertThat(cli.err()).contains("--privileged-value: environment locomotion has no privileged features");
    }

    @Test
    void resumingWithOtherSettingsIsRefusedNamingThem() {
        Path runDir = tmp.resolve("run");
        assertThat(run(args(runDir).toArray(String[]::new))).as(cli.err()).isZero();
        List<String> other = args(null, "--resume", runDir.toString());
        other.set(other.indexOf("--hidden") + 1, "16");
        assertThat(run(other.toArray(String[]::new))).isEqualTo(1);
        assertThat(cli.err()).contains("belongs to another configuration").contains(
                "hidden (checkpoint: 8, this run: 16)");
    }

    @Test
    void cudaIsRefusedClearlyWhenThereIsNone() {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a CUDA GPU");
        assertThat(run(args(tmp.resolve("cuda"), "--device", "cuda").toArray(String[]::new))).isEqualTo(1);
        assertThat(cli.err()).contains("--device cuda:").contains("valid devices: cpu, cuda, auto");
    }

    @Test
    void helpShowsAnExample() {
        assertThat(run("train", "--help")).isZero();
        assertThat(cli.out()).contains("Example: ./metapilot train --env bandit").contains("--resume=DIR");
    }
}
