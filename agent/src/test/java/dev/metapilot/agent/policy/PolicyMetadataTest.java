package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyMetadataTest {

    static final EnvSpec SPEC = new EnvSpec("loco-flat", new Box(new float[]{-1f, Float.NEGATIVE_INFINITY},
            new float[]{1f, Float.POSITIVE_INFINITY}), new Discrete(3), 100, 4);

    @Test
    void propertiesRoundTripWithEveryContractKeyInOrder() {
        PolicyMetadata m = PolicyMetadata.of(SPEC, 128, 2, 5_000_000L, "lr=3e-4,gamma=0.99", "0a1b2c");
        Map<String, String> p = m.toProperties();
        assertThat(p.keySet()).containsExactlyElementsOf(PolicyContract.METADATA_KEYS);
        assertThat(p).containsEntry("metapilot.contract", "rl2/1").containsEntry("metapilot.observation_space",
                "Box([-1.0, -inf], [1.0, inf])").containsEntry("metapilot.action_space", "Discrete(3)").containsEntry(
                        "metapilot.episodes_per_trial", "4");
        assertThat(PolicyMetadata.fromProperties(p)).isEqualTo(m);
        assertThat(m.toEnvSpec(50)).isEqualTo(new EnvSpec("loco-flat", SPEC.observationSpace(), SPEC.actionSpace(),
                50, 4));
    }

    @Test
    void theOptionalActionSelectionIsWrittenOnlyWhenStatedAndDecidesWhenTheUserDoesNot() {
        PolicyMetadata silent = PolicyMetadata.of(SPEC, 64, 1, 0, "", "");
        PolicyMetadata greedy = silent.withActionSelection(ActionSelection.GREEDY);
        assertThat(silent.toProperties()).doesNotContainKey(PolicyContract.KEY_ACTION_SELECTION);
        assertThat(greedy.toProperties()).containsEntry(PolicyContract.KEY_ACTION_SELECTION, "greedy");
        assertThat(PolicyMetadata.fromProperties(greedy.toProperties())).isEqualTo(greedy);
        assertThat(PolicyMetadata.fromProperties(silent.toProperties())).isEqualTo(silent);

        assertThat(silent.selection(Optional.empty())).isEqualTo(ActionSelection.SAMPLE);
        assertThat(greedy.selection(Optional.empty())).isEqualTo(ActionSelection.GREEDY);
        assertThat(greedy.selection(Optional.of(ActionSelection.SAMPLE))).isEqualTo(ActionSelection.SAMPLE);
        assertThat(silent.selection(Optional.of(ActionSelection.GREEDY))).isEqualTo(ActionSelection.GREEDY);

        Map<String, String> p = new LinkedHashMap<>(silent.toProperties());
        p.put(PolicyContract.KEY_ACTION_SELECTION, "mode");
        assertThatThrownBy(() -> PolicyMetadata.fromProperties(p)).hasMessage(
                "model metadata 'metapilot.action_selection': unknown action selection 'mode'; valid: sample, greedy");
    }

    @Test
    void malformedEntriesNameTheKeyAndValue() {
        Map<String, String> p = new LinkedHashMap<>(PolicyMetadata.of(SPEC, 64, 1, 0, "", "").toProperties());
        p.put("metapilot.hidden_size", "-3");
        assertThatThrownBy(() -> PolicyMetadata.fromProperties(p)).hasMessage(
                "model metadata 'metapilot.hidden_size' must be an integer in 1..2147483647, got '-3'");
        p.put("metapilot.hidden_size", "64");
        p.put("metapilot.observation_space", "Box(3)");
        assertThatThrownBy(() -> PolicyMetadata.fromProperties(p)).hasMessageStartingWith(
                "model metadata 'metapilot.observation_space' is not a space");
    }
}
