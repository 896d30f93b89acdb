package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.policy.ModelSignature.Tensor;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The contract's checks on signatures alone, without ONNX Runtime. */
class PolicyContractTest {

    static final PolicyMetadata DISCRETE = new PolicyMetadata("rl2/1", "maze-small", Box.uniform(12, 0f, 1f),
            new Discrete(4), 64, 1, 2, 1_000_000, "lr=3e-4", "abc123");
    static final PolicyMetadata BOX = new PolicyMetadata("rl2/1", "loco", Box.uniform(8, -5f, 5f), Box.uniform(2, -1f,
            1f), 32, 2, 3, 10, "", "");

    /** The exporter's signature of {@code meta}, changed by {@code edit} (inputs, outputs, metadata maps). */
    static ModelSignature edited(PolicyMetadata meta, Consumer<Map<String, Object>> edit) {
        ModelSignature s = PolicyContract.signature(meta);
        Map<String, Tensor> in = new LinkedHashMap<>(s.inputs());
        Map<String, Tensor> out = new LinkedHashMap<>(s.outputs());
        Map<String, String> md = new LinkedHashMap<>(s.metadata());
        edit.accept(Map.of("in", in, "out", out, "md", md));
        return new ModelSignature(in, out, md);
    }

    @SuppressWarnings("unchecked")
    static <T> Map<String, T> part(Map<String, Object> parts, String name) {
        return (Map<String, T>) parts.get(name);
    }

    @Test
    void theExportersSignaturePassesAndYieldsItsMetadata() {
        assertThat(PolicyContract.checkModel(PolicyContract.signature(DISCRETE))).isEqualTo(DISCRETE);
        assertThat(PolicyContract.checkModel(PolicyContract.signature(BOX))).isEqualTo(BOX);
        assertThat(PolicyContract.signature(BOX).inputs().get("h_in").dims()).containsExactly(2L, -1L, 32L);
        assertThat(PolicyContract.signature(BOX).outputs()).containsOnlyKeys("actions", "log_std", "value", "h_out");
        assertThat(PolicyContract.signature(DISCRETE).outputs()).containsOnlyKeys("actions", "value", "h_out");
        assertThat(PolicyContract.signature(DISCRETE).inputs().get("prev_action").dims()).containsExactly(-1L, 4L);
    }

    @Test
    void batchOfOneIsAcceptedOtherFixedBatchesAreNot() {
        assertThat(PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "in").put("obs", Tensor.float32(1, 12)))))
                .isEqualTo(DISCRETE);
        assertThatThrownBy(() -> PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "in").put("obs", Tensor
                .float32(4, 12))))).hasMessageContaining("policy input 'obs' has shape float32[4, 12]");
    }

    @Test
    void elementTypeMustBeFloat32() {
        assertThatThrownBy(() -> PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "in").put("prev_reward",
                new Tensor("float64", List.of(-1L, 1L)))))).isInstanceOf(PolicyException.class).hasMessage(
                        "policy input 'prev_reward' is float64, rl2/1 needs float32");
    }

    @Test
    void featureDimensionsMustBeFixed() {
        assertThatThrownBy(() -> PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "out").put("actions", Tensor
                .float32(-1, -1))))).hasMessageContaining(
                        "policy output 'actions' has a dynamic number of features, but the model metadata's action space Discrete(4) has 4");
    }

    @Test
    void extraInputsAreRefusedExtraOutputsIgnored() {
        assertThatThrownBy(() -> PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "in").put("goal", Tensor
                .float32(-1, 2))))).hasMessageContaining("policy input 'goal' is not part of rl2/1");
        assertThat(PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "out").put("attention", Tensor.float32(-1,
                5))))).isEqualTo(DISCRETE);
    }

    @Test
    void boxPoliciesNeedLogStd() {
        assertThatThrownBy(() -> PolicyContract.checkModel(edited(BOX, p -> part(p, "out").remove("log_std"))))
                .hasMessageContaining("policy has no output 'log_std'; its outputs are [actions, value, h_out]");
    }

    @Test
    void metadataIsCheckedBeforeShapes() {
        assertThatThrownBy(() -> PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "md").put(
                "metapilot.contract", "rl3/0")))).hasMessage(
                        "model metadata says contract 'rl3/0', this agent runs 'rl2/1'");
        assertThatThrownBy(() -> PolicyContract.checkModel(edited(DISCRETE, p -> part(p, "md").remove(
                "metapilot.training_steps")))).hasMessage("model metadata has no 'metapilot.training_steps'");
    }

    @Test
    void environmentChecksNameBothSides() {
        EnvSpec maze = new EnvSpec("maze-large", Box.uniform(12, 0f, 1f), new Discrete(4), 100, 2);
        PolicyContract.checkEnvironment(DISCRETE, maze, "maze");
        assertThatThrownBy(() -> PolicyContract.checkEnvironment(DISCRETE, new EnvSpec("m", Box.uniform(12, 0f, 1f),
                new Discrete(5), 100, 2), "maze")).hasMessage(
                        "policy expects Discrete(4) actions, plugin 'maze' has Discrete(5)");
        assertThatThrownBy(() -> PolicyContract.checkEnvironment(DISCRETE, new EnvSpec("m", Box.uniform(14, 0f, 1f),
                new Discrete(4), 100, 2), "maze")).hasMessage(
                        "policy input 'obs' has 12 features, plugin 'maze' observations have 14");
        assertThatThrownBy(() -> PolicyContract.checkEnvironment(DISCRETE, new EnvSpec("m", Box.uniform(12, 0f, 2f),
                new Discrete(4), 100, 2), "maze")).hasMessageStartingWith("policy expects observations Box(")
                .hasMessageContaining("plugin 'maze' has Box(");
        assertThatThrownBy(() -> PolicyContract.checkEnvironment(BOX, maze, "maze")).hasMessage(
                "policy expects Box([-1.0, -1.0], [1.0, 1.0]) actions, plugin 'maze' has Discrete(4)");
    }
}
