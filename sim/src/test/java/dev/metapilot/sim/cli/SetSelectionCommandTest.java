package dev.metapilot.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.agent.trust.Sha256;
import dev.metapilot.bandit.mdp.TabularMdpPlugin;
import dev.metapilot.sim.export.OnnxPolicyReader;
import dev.metapilot.sim.export.OnnxPolicyReader.ExportedPolicy;
import dev.metapilot.sim.testing.UntrainedPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code set-selection} states a policy's action selection in its metadata with the graph unchanged, keeps the
 * {@code SHA256SUMS} beside it true, reports a signature it invalidated, and leaves files it cannot use as they were;
 * {@code eval} then acts as the model says unless {@code --greedy} or {@code --sample} (not both) is given.
 */
class SetSelectionCommandTest {

    private static final String OTHER_LINE = "0".repeat(64) + "  other.onnx";

    @TempDir
    Path dir;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        cli.clear();
        return cli.run(args);
    }

    @Test
    void theModelStatesItsSelectionWithTheSameGraphAndTheManifestFollows() throws IOException {
        Path model = UntrainedPolicies.write(new TabularMdpPlugin(), Map.of("episodes", "10"), dir.resolve(
                "mdp.onnx"));
        ExportedPolicy before = OnnxPolicyReader.read(model);
        Files.writeString(dir.resolve("SHA256SUMS"), OTHER_LINE + "\n" + Sha256.hexOf(model) + "  mdp.onnx\n");
        Files.writeString(dir.resolve("mdp.onnx.sig"), "a signature of the old bytes");

        assertThat(run("set-selection", "greedy", model.toString())).as(cli.err()).isZero();

        ExportedPolicy after = OnnxPolicyReader.read(model);
        assertThat(after.metadata()).isEqualTo(before.metadata().withActionSelection(ActionSelection.GREEDY));
        assertThat(after.normalization()).isEqualTo(before.normalization());
        assertThat(after.weights().headWeight()).isEqualTo(before.weights().headWeight());
        assertThat(after.weights().layers().get(0).recurrentWeight()).isEqualTo(before.weights().layers().get(0)
                .recurrentWeight());
        assertThat(cli.out()).contains("action selection greedy (was not stated)", "updated", "mdp.onnx.sig no "
                + "longer matches the file: sign it again");
        assertThat(Files.readAllLines(dir.resolve("SHA256SUMS"))).containsExactly(OTHER_LINE, Sha256.hexOf(model)
                + "  mdp.onnx");

        assertThat(run("eval", "--suite", "rl2-mdps", "--policy", model.toString(), "--trials", "20", "--threads",
                "1")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("mdp.onnx (RL², ours, greedy)");
        assertThat(run("eval", "--suite", "rl2-mdps", "--policy", model.toString(), "--trials", "20", "--threads",
                "1", "--sample")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("mdp.onnx (RL², ours) ").doesNotContain("greedy)");
        assertThat(run("eval", "--suite", "rl2-mdps", "--policy", model.toString(), "--greedy", "--sample"))
                .isNotZero();
        assertThat(cli.err()).contains("--greedy and --sample exclude each other");

        assertThat(run("set-selection", "sample", model.toString())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("action selection sample (was greedy)");
        assertThat(OnnxPolicyReader.read(model).metadata().actionSelection()).contains(ActionSelection.SAMPLE);
    }

    @Test
    void aFileThatIsNoPolicyOrAnUnknownSelectionIsRefusedAndNothingChanges() throws IOException {
        Path garbage = dir.resolve("garbage.onnx");
        Files.write(garbage, new byte[]{1, 2, 3});
        assertThat(run("set-selection", "greedy", garbage.toString())).isNotZero();
        assertThat(cli.err()).contains("cannot set the action selection of " + garbage, "not an ONNX model");
        assertThat(Files.readAllBytes(garbage)).containsExactly(1, 2, 3);

        Path model = UntrainedPolicies.write(new TabularMdpPlugin(), Map.of("episodes", "10"), dir.resolve(
                "mdp.onnx"));
        byte[] bytes = Files.readAllBytes(model);
        assertThat(run("set-selection", "argmax", model.toString())).isNotZero();
        assertThat(cli.err()).contains("unknown action selection 'argmax'");
        assertThat(Files.readAllBytes(model)).isEqualTo(bytes);
    }
}
