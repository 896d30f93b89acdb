package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.agent.testing.Rl2TestModels.Poison;
import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Space;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Integration tests of {@link OnnxPolicy} on real ONNX files whose outputs depend on the hidden state in a known way,
 * driven the way the trial runner drives a policy ({@code beginTrial}, {@code act}, {@code record},
 * {@code nextEpisode}).
 */
class OnnxPolicyTest {

    static final Box OBS = Box.uniform(3, -1f, 1f);
    static final Task TASK = () -> "task-0";

    @TempDir
    Path tmp;

    static EnvSpec spec(Space action) {
        return new EnvSpec("test-env", OBS, action, 50, 2);
    }

    private OnnxPolicy open(Rl2TestModels.Builder model, Space action, ActionSelection selection) {
        Path file = model.write(tmp.resolve("model-" + System.nanoTime() + ".onnx"));
        return OnnxPolicy.open(file, PolicyOptions.defaults().withSelection(selection), spec(action), "test-plugin");
    }

    /** Runs one trial of {@code episodes} episodes of {@code steps} steps each; returns the Discrete actions chosen. */
    static List<Integer> trial(Policy policy, StepInput input, Action action, long seed, int episodes, int steps) {
        List<Integer> seen = new ArrayList<>();
        policy.beginTrial(TASK, seed);
        input.beginTrial();
        for (int e = 0; e < episodes; e++) {
            if (e > 0) {
                input.nextEpisode();
            }
            for (int s = 0; s < steps; s++) {
                input.observation()[0] = 0.1f * s;
                assertThat(policy.act(input, action)).as("finite outputs at episode %d step %d", e, s).isTrue();
                seen.add(action.index());
                input.record(action, 0f, s == steps - 1);
            }
        }
        return seen;
    }

    @Test
    void hiddenStateCarriesAcrossTheEpisodesOfATrialAndResetsBetweenTrials() {
        Discrete five = new Discrete(5);
        try (OnnxPolicy policy = open(Rl2TestModels.stepCounter(OBS, five), five, ActionSelection.GREEDY)) {
            StepInput input = new StepInput(spec(five));
            Action action = Action.of(five);
            // greedy action = steps since trial start mod 5: a reset between episodes would give 0,1,2,0,1,2
            assertThat(trial(policy, input, action, 1, 2, 3)).containsExactly(0, 1, 2, 3, 4, 0);
            // a missing reset between trials would continue at 1
            assertThat(trial(policy, input, action, 2, 2, 3)).containsExactly(0, 1, 2, 3, 4, 0);
        }
    }

    @Test
    void aPolicyActsAsItsMetadataSaysUnlessTheUserChooses() {
        Discrete five = new Discrete(5);
        Path greedy = Rl2TestModels.stepCounter(OBS, five).metadata(PolicyContract.KEY_ACTION_SELECTION, "greedy")
                .write(tmp.resolve("greedy.onnx"));
        Path silent = Rl2TestModels.stepCounter(OBS, five).write(tmp.resolve("silent.onnx"));
        try (OnnxPolicy byMetadata = OnnxPolicy.open(greedy, PolicyOptions.defaults(), spec(five), "test-plugin");
                OnnxPolicy overridden = OnnxPolicy.open(greedy, PolicyOptions.defaults().withSelection(
                        ActionSelection.SAMPLE), spec(five), "test-plugin");
                OnnxPolicy unstated = OnnxPolicy.open(silent, PolicyOptions.defaults(), spec(five), "test-plugin")) {
            assertThat(byMetadata.metadata().actionSelection()).contains(ActionSelection.GREEDY);
            assertThat(byMetadata.selection()).isEqualTo(ActionSelection.GREEDY);
            assertThat(trial(byMetadata, new StepInput(spec(five)), Action.of(five), 1, 2, 3)).containsExactly(0, 1, 2,
                    3, 4, 0);
            assertThat(overridden.selection()).isEqualTo(ActionSelection.SAMPLE);
            assertThat(unstated.metadata().actionSelection()).isEmpty();
            assertThat(unstated.selection()).isEqualTo(ActionSelection.SAMPLE);
        }
        Path bad = Rl2TestModels.stepCounter(OBS, five).metadata(PolicyContract.KEY_ACTION_SELECTION, "argmax").write(
                tmp.resolve("bad.onnx"));
        assertThatThrownBy(() -> OnnxPolicy.open(bad, PolicyOptions.defaults(), spec(five), "test-plugin"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("'metapilot.action_selection'")
                .hasMessageContaining("unknown action selection 'argmax'");
    }

    @Test
    void previousDoneReachesTheModelOnTheFirstStepOfTheNextEpisodeOnly() {
        Discrete four = new Discrete(4);
        try (OnnxPolicy policy = open(Rl2TestModels.episodeCounter(OBS, four), four, ActionSelection.GREEDY)) {
            StepInput input = new StepInput(spec(four));
            Action action = Action.of(four);
            // h counts the prev_done = 1 steps seen; the action reads h before the step updates it
            assertThat(trial(policy, input, action, 1, 3, 2)).containsExactly(0, 0, 0, 1, 1, 2);
            assertThat(trial(policy, input, action, 1, 3, 2)).containsExactly(0, 0, 0, 1, 1, 2);
        }
    }

    @Test
    void greedyBoxActionIsTheMeanAndSampledActionsFollowTheSeed() {
        Box two = Box.uniform(2, -10f, 10f);
        StepInput input = new StepInput(spec(two));
        Action action = Action.of(two);
        try (OnnxPolicy greedy = open(Rl2TestModels.stepCounter(OBS, two).logStd(0f), two, ActionSelection.GREEDY)) {
            input.beginTrial();
            greedy.beginTrial(TASK, 7);
            for (int step = 0; step < 3; step++) {
                assertThat(greedy.act(input, action)).isTrue();
                assertThat(action.values()).containsExactly(step, step);
                input.record(action, 0f, false);
            }
        }
        try (OnnxPolicy sampled = open(Rl2TestModels.stepCounter(OBS, two).logStd(0f), two, ActionSelection.SAMPLE)) {
            List<Float> first = boxTrial(sampled, input, action, 42);
            assertThat(boxTrial(sampled, input, action, 42)).isEqualTo(first);
            assertThat(boxTrial(sampled, input, action, 43)).isNotEqualTo(first);
            assertThat(first).anySatisfy(v -> assertThat(v).isNotEqualTo(Math.round(v)));
        }
    }

    private static List<Float> boxTrial(Policy policy, StepInput input, Action action, long seed) {
        List<Float> values = new ArrayList<>();
        input.beginTrial();
        policy.beginTrial(TASK, seed);
        for (int step = 0; step < 20; step++) {
            assertThat(policy.act(input, action)).isTrue();
            values.add(action.values()[0]);
            values.add(action.values()[1]);
            input.record(action, 0f, false);
        }
        return values;
    }

    @Test
    void sampledDiscreteActionsFollowTheSeed() {
        Discrete three = new Discrete(3);
        // logits -0.5 * |k - c mod 3|: the peak is likelier, the others are drawn too
        try (OnnxPolicy policy = open(Rl2TestModels.stepCounter(OBS, three).sharpness(0.5f), three,
                ActionSelection.SAMPLE)) {
            StepInput input = new StepInput(spec(three));
            Action action = Action.of(three);
            List<Integer> first = trial(policy, input, action, 5, 1, 60);
            assertThat(trial(policy, input, action, 5, 1, 60)).isEqualTo(first);
            assertThat(trial(policy, input, action, 6, 1, 60)).isNotEqualTo(first);
            List<Integer> peaks = new ArrayList<>();
            for (int step = 0; step < first.size(); step++) {
                peaks.add(step % 3);
            }
            assertThat(first).isNotEqualTo(peaks).containsOnly(0, 1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Poison.class, names = {"ACTIONS", "LOG_STD", "VALUE", "H_OUT"})
    void nonFiniteOutputsMakeActReturnFalseAndKeepTheLastFiniteHiddenState(Poison poison) {
        Space space = poison == Poison.LOG_STD ? Box.uniform(1, -100f, 100f) : new Discrete(5);
        try (OnnxPolicy policy = open(Rl2TestModels.stepCounter(OBS, space).poison(poison), space,
                ActionSelection.GREEDY)) {
            StepInput input = new StepInput(spec(space));
            Action action = Action.of(space);
            input.beginTrial();
            policy.beginTrial(TASK, 1);
            for (int step = 0; step < 3; step++) {
                assertThat(policy.act(input, action)).isTrue();
                input.record(action, 0f, false);
            }
            // a previous reward of 1 makes the poisoned output NaN
            input.record(action, 1f, false);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(policy.act(input, action)).isFalse();
                assertThat(policy.hiddenState().get(0)).isEqualTo(3f);
            }
            input.record(action, 0f, false);
            assertThat(policy.act(input, action)).isTrue();
            // the memory resumes from the last finite state (3 steps), neither NaN nor zeroed
            assertThat(space instanceof Discrete ? action.index() : action.values()[0])
                    .isEqualTo(space instanceof Discrete
                            ? 3
                            : 3f);
            policy.beginTrial(TASK, 2);
            assertThat(policy.hiddenState().get(0)).isZero();
        }
    }

    @Test
    void exposesMetadataAndTheSha256OfTheFile() throws Exception {
        Discrete four = new Discrete(4);
        Rl2TestModels.Builder model = Rl2TestModels.stepCounter(OBS, four).hidden(6).layers(2);
        Path file = model.write(tmp.resolve("counter.onnx"));
        try (OnnxPolicy policy = OnnxPolicy.open(file, PolicyOptions.defaults(), spec(four), "test-plugin")) {
            assertThat(policy.name()).isEqualTo("counter.onnx");
            assertThat(policy.metadata()).isEqualTo(model.policyMetadata());
            assertThat(policy.metadata().layers()).isEqualTo(2);
            assertThat(policy.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file))));
            assertThat(policy.device()).isEqualTo(ExecutionDevice.CPU);
            assertThat(policy.file()).isEqualTo(file);
        }
    }

    @Test
    void useAfterCloseIsAClearError() {
        Discrete four = new Discrete(4);
        OnnxPolicy policy = open(Rl2TestModels.stepCounter(OBS, four), four, ActionSelection.GREEDY);
        StepInput input = new StepInput(spec(four));
        input.beginTrial();
        policy.close();
        policy.close();
        assertThatThrownBy(() -> policy.act(input, Action.of(four))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> policy.beginTrial(TASK, 1)).isInstanceOf(IllegalStateException.class);
    }

    /** GPU tier: {@code -Dmetapilot.gpu=true} on a machine with CUDA. */
    @Test
    @EnabledIfSystemProperty(named = "metapilot.gpu", matches = "true")
    void cudaRunsThePolicyWithTheSameMemorySemantics() {
        Discrete five = new Discrete(5);
        Path file = Rl2TestModels.stepCounter(OBS, five).write(tmp.resolve("cuda.onnx"));
        try (OnnxPolicy policy = OnnxPolicy.open(file, new PolicyOptions(ExecutionDevice.CUDA, 1,
                ActionSelection.GREEDY), spec(five), "test-plugin")) {
            assertThat(policy.device()).isEqualTo(ExecutionDevice.CUDA);
            StepInput input = new StepInput(spec(five));
            Action action = Action.of(five);
            assertThat(trial(policy, input, action, 1, 2, 3)).containsExactly(0, 1, 2, 3, 4, 0);
            assertThat(trial(policy, input, action, 2, 2, 3)).containsExactly(0, 1, 2, 3, 4, 0);
        }
    }

    @Test
    void openStandaloneUsesTheSpacesOfTheModelMetadata() {
        Box two = Box.uniform(2, -1f, 1f);
        Path file = Rl2TestModels.stepCounter(OBS, two).write(tmp.resolve("standalone.onnx"));
        try (OnnxPolicy policy = OnnxPolicy.openStandalone(file, PolicyOptions.defaults(), 100)) {
            assertThat(policy.spec().observationSpace()).isEqualTo(OBS);
            assertThat(policy.spec().actionSpace()).isEqualTo(two);
            assertThat(policy.spec().maxEpisodeSteps()).isEqualTo(100);
        }
    }
}
