package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metapilot bench} end to end through the launcher's entry point (here because the command's subject is
 * {@link OnnxPolicy}; {@code BenchCommand} itself is package-private in {@code cli}).
 */
class BenchCommandTest {

    @TempDir
    Path tmp;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void printsLatencyPercentilesAndAllocationForAModelOnItsOwn() {
        Path model = Rl2TestModels.gru(Box.uniform(6, -1f, 1f), Box.uniform(2, -1f, 1f), 16).write(tmp.resolve(
                "gru.onnx"));
        assertThat(run("bench", "--policy", model.toString(), "--steps", "300", "--warmup", "50", "--greedy"))
                .isZero();
        assertThat(cli.out()).contains("gru.onnx", "hidden 16 x 1 layer(s)", "(from the model metadata)",
                "cpu, 1 intra-op thread(s), greedy actions, batch 1, 300 steps after 50 warm-up steps").containsPattern(
                        "P50 US +P99 US +P99.9 US +MAX US +MEAN US +BYTES/STEP\n[- ]+\n[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+");
    }

    @Test
    void checksTheModelAgainstAPluginFirst() {
        // classpath-demo (test class path): Box(3, [-1, 1]) observations, Discrete(4) actions
        Path fits = Rl2TestModels.gru(Box.uniform(3, -1f, 1f), new Discrete(4), 8).write(tmp.resolve("fits.onnx"));
        assertThat(run("bench", "--policy", fits.toString(), "--env", "classpath-demo", "--steps", "100",
                "--warmup", "0")).isZero();
        assertThat(cli.out()).contains("(checked against plugin 'classpath-demo')");
        Path wrong = Rl2TestModels.gru(Box.uniform(3, -1f, 1f), new Discrete(5), 8).write(tmp.resolve("wrong.onnx"));
        assertThat(run("bench", "--policy", wrong.toString(), "--env", "classpath-demo")).isEqualTo(1);
        assertThat(cli.err()).contains("wrong.onnx", "policy expects Discrete(5) actions",
                "plugin 'classpath-demo' has Discrete(4)");
    }

    @Test
    void badOptionsAreUsageErrorsListingTheChoices() {
        Path model = Rl2TestModels.stepCounter(Box.uniform(3, -1f, 1f), new Discrete(4)).write(tmp.resolve(
                "m.onnx"));
        assertThat(run("bench", "--policy", model.toString(), "--device", "tpu")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown device 'tpu'; valid: cpu, cuda, auto");
        assertThat(run("bench", "--policy", model.toString(), "--steps", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--steps must be >= 1, got 0");
        assertThat(run("bench", "--help")).isZero();
        assertThat(cli.out()).contains("--policy=FILE", "--warmup", "--device", "--threads", "Example:");
    }
}
