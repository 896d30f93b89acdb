package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that do not fit are refused when they are opened, before any step can be taken, with a message that names the
 * file and both sides of the mismatch.
 */
class OnnxPolicyRefusalTest {

    static final Box OBS = Box.uniform(3, -1f, 1f);
    static final Discrete FOUR = new Discrete(4);
    static final EnvSpec PLUGIN_SPEC = new EnvSpec("test-env", OBS, FOUR, 20, 2);

    @TempDir
    Path tmp;

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
        return assertThatThrownBy(() -> OnnxPolicy.open(file, PolicyOptions.defaults(), PLUGIN_SPEC, "maze"))
                .isInstanceOf(PolicyException.class).hasMessageContaining(file.toString());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Rl2TestModels.Builder model) {
        return assertRefused(model.write(tmp.resolve("model.onnx")));
    }

    @Test
    void aMatchingModelOpens() {
        OnnxPolicy.open(Rl2TestModels.gru(OBS, FOUR, 8).write(tmp.resolve("ok.onnx")), PolicyOptions.defaults(),
                PLUGIN_SPEC, "maze").close();
    }

    @Test
    void wrongInputNameListsTheInputsTheModelHas() {
        assertRefused(Rl2TestModels.stepCounter(OBS, FOUR).rename("h_in", "hidden")).hasMessageContaining(
                "policy has no input 'h_in'; its inputs are [obs, prev_action, prev_reward, prev_done, hidden]");
    }

    @Test
    void missingOutputIsNamed() {
        Box two = Box.uniform(2, -1f, 1f);
        Path file = Rl2TestModels.stepCounter(OBS, two).rename("log_std", "log_sigma").write(tmp.resolve("m.onnx"));
        assertThatThrownBy(() -> OnnxPolicy.open(file, PolicyOptions.defaults(), new EnvSpec("e", OBS, two, 5, 1),
                "loco")).isInstanceOf(PolicyException.class).hasMessageContaining("policy has no output 'log_std'")
                .hasMessageContaining("log_sigma");
    }

    @Test
    void wrongObservationWidthAgainstThePlugin() {
        assertRefused(Rl2TestModels.stepCounter(Box.uniform(12, -1f, 1f), FOUR)).hasMessageContaining(
                "policy input 'obs' has 12 features, plugin 'maze' observations have 3");
    }

    @Test
    void inputShapeThatContradictsTheModelsOwnMetadata() {
        assertRefused(Rl2TestModels.stepCounter(OBS, FOUR).declare("obs", -1, 5)).hasMessageContaining(
                "policy input 'obs' has 5 features, but the model metadata's observation space").hasMessageContaining(
                        "has 3");
    }

    @Test
    void hiddenStateShapeThatContradictsTheMetadata() {
        assertRefused(Rl2TestModels.stepCounter(OBS, FOUR).hidden(8).metadata("metapilot.hidden_size", "4"))
                .hasMessageContaining("policy input 'h_in' has shape float32[1, ?, 8]; rl2/1 needs float32[1, B, 4]")
                .hasMessageContaining("1 layer(s) of hidden size 4");
    }

    @Test
    void discreteAgainstBox() {
        assertRefused(Rl2TestModels.stepCounter(OBS, Box.uniform(2, -1f, 1f))).hasMessageContaining(
                "policy expects Box([-1.0, -1.0], [1.0, 1.0]) actions, plugin 'maze' has Discrete(4)");
    }

    @Test
    void differentNumberOfDiscreteActions() {
        assertRefused(Rl2TestModels.stepCounter(OBS, new Discrete(5))).hasMessageContaining(
                "policy expects Discrete(5) actions, plugin 'maze' has Discrete(4)");
    }

    @Test
    void aGraphThatOnlyFailsWhenItRunsIsRefusedAtOpenNotAtTheFirstStep() {
        // ONNX Runtime checks a GRU's weight shapes only when the node executes: W_0 is [1, 3H, 8] instead of 9 wide
        Rl2TestModels.Builder model = Rl2TestModels.gru(OBS, FOUR, 4).initializer("W_0", new long[]{1, 12, 8},
                new float[12 * 8]);
        assertRefused(model).hasMessageContaining("the graph fails on a trial-start input (all zeros)")
                .hasMessageContaining("GRU");
    }

    @Test
    void wrongContractVersion() {
        assertRefused(Rl2TestModels.stepCounter(OBS, FOUR).metadata("metapilot.contract", "rl2/0"))
                .hasMessageContaining("model metadata says contract 'rl2/0', this agent runs 'rl2/1'");
    }

    @Test
    void noContractAtAll() {
        assertRefused(Rl2TestModels.stepCounter(OBS, FOUR).metadata("metapilot.contract", null)).hasMessageContaining(
                "model has no 'metapilot.contract' metadata");
    }

    @Test
    void malformedMetadataNamesTheKey() {
        assertRefused(Rl2TestModels.stepCounter(OBS, FOUR).metadata("metapilot.action_space", "Discrete(four)"))
                .hasMessageContaining("'metapilot.action_space' is not a space");
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] bytes = Rl2TestModels.gru(OBS, FOUR, 8).bytes();
        Path file = Files.write(tmp.resolve("truncated.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(file).hasMessageContaining("cannot load policy file " + file + " as an ONNX model");
    }

    @Test
    void corruptFile() throws Exception {
        byte[] bytes = Rl2TestModels.stepCounter(OBS, FOUR).bytes();
        for (int i = bytes.length / 3; i < 2 * bytes.length / 3; i++) {
            bytes[i] ^= 0x5A;
        }
        Path file = Files.write(tmp.resolve("corrupt.onnx"), bytes);
        assertRefused(file).hasMessageContaining("cannot load policy file " + file + " as an ONNX model");
    }

    @Test
    void fileThatIsNotOnnx() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.onnx"), "# not a model\nhidden_size = 128\n",
                StandardCharsets.UTF_8);
        assertRefused(file).hasMessageContaining("cannot load policy file " + file + " as an ONNX model");
    }

    @Test
    void emptyMissingAndDirectory() throws Exception {
        assertRefused(Files.write(tmp.resolve("empty.onnx"), new byte[0])).hasMessageContaining("is empty");
        assertRefused(tmp.resolve("missing.onnx")).hasMessageContaining("does not exist");
        assertRefused(tmp).hasMessageContaining("is not a regular file");
    }

    @Test
    void cudaWhereThereIsNoneIsAnErrorListingTheDevices() {
        org.junit.jupiter.api.Assumptions.assumeTrue(SessionFactory.cudaMissing() != null, "this machine has CUDA");
        Path file = Rl2TestModels.stepCounter(OBS, FOUR).write(tmp.resolve("m.onnx"));
        assertThatThrownBy(() -> OnnxPolicy.open(file, PolicyOptions.defaults().withDevice(ExecutionDevice.CUDA),
                PLUGIN_SPEC, "maze")).isInstanceOf(PolicyException.class).hasMessageContaining(
                        "--device cuda: CUDA is not available")
                .hasMessageContaining("valid devices: cpu, cuda, auto");
        try (OnnxPolicy auto = OnnxPolicy.open(file, PolicyOptions.defaults().withDevice(ExecutionDevice.AUTO),
                PLUGIN_SPEC, "maze")) {
            org.assertj.core.api.Assertions.assertThat(auto.device()).isEqualTo(ExecutionDevice.CPU);
        }
    }
}
