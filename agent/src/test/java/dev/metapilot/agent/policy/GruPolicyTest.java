package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Space;
import java.lang.management.ManagementFactory;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real GRU {@code rl2/1} policies (random weights), as the trainer will export them, run through {@link OnnxPolicy}.
 */
class GruPolicyTest {

    static final Box OBS = Box.uniform(5, -1f, 1f);

    @TempDir
    Path tmp;

    static Space space(String kind) {
        return kind.equals("discrete") ? new Discrete(4) : Box.uniform(2, -1f, 1f);
    }

    private OnnxPolicy open(String kind, int hidden, int layers, ActionSelection selection) {
        Space action = space(kind);
        Path file = Rl2TestModels.gru(OBS, action, hidden).layers(layers).write(tmp.resolve("gru.onnx"));
        return OnnxPolicy.open(file, PolicyOptions.defaults().withSelection(selection), new EnvSpec("test-env", OBS,
                action, 30, 2), "test-plugin");
    }

    /** The actions of one synthetic trial, as text, and the hidden states after each step. */
    static List<String> run(OnnxPolicy policy, SyntheticTrial trial, long seed, int steps, List<float[]> hidden) {
        trial.begin();
        policy.beginTrial(() -> "t", seed);
        assertThat(policy.hiddenState().get(0)).isZero();
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            trial.next();
            assertThat(policy.act(trial.input(), trial.action())).isTrue();
            actions.add(trial.action().toString());
            FloatBuffer h = policy.hiddenState();
            float[] copy = new float[h.capacity()];
            h.get(0, copy);
            hidden.add(copy);
        }
        return actions;
    }

    @ParameterizedTest
    @CsvSource({"discrete, 16, 1", "discrete, 8, 2", "box, 16, 1", "box, 8, 3"})
    void runsWithCarriedMemoryAndRepeatsAfterReset(String kind, int hidden, int layers) {
        try (OnnxPolicy policy = open(kind, hidden, layers, ActionSelection.GREEDY)) {
            SyntheticTrial trial = new SyntheticTrial(policy.spec(), 5, 3);
            List<float[]> states = new ArrayList<>();
            List<String> first = run(policy, trial, 1, 12, states);
            assertThat(states.get(0)).hasSize(hidden * layers).isNotEqualTo(new float[hidden * layers]);
            assertThat(states.get(1)).isNotEqualTo(states.get(0));
            List<float[]> again = new ArrayList<>();
            assertThat(run(policy, trial, 2, 12, again)).isEqualTo(first);
            assertThat(again.get(11)).isEqualTo(states.get(11));
        }
    }

    @ParameterizedTest
    @CsvSource({"discrete", "box"})
    void sampledActionsAreSeeded(String kind) {
        try (OnnxPolicy policy = open(kind, 16, 1, ActionSelection.SAMPLE)) {
            SyntheticTrial trial = new SyntheticTrial(policy.spec(), 5, 3);
            List<String> first = run(policy, trial, 7, 30, new ArrayList<>());
            assertThat(run(policy, trial, 7, 30, new ArrayList<>())).isEqualTo(first);
            assertThat(run(policy, trial, 8, 30, new ArrayList<>())).isNotEqualTo(first);
        }
    }

    /**
     * A regression guard on the step path: after warm-up a step allocates only what ONNX Runtime's Java
     * {@code OrtSession.run} allocates itself (its name and handle arrays and the {@code Result}, about 600 bytes in
     * 1.29), not tensors or buffers per step.
     */
    @ParameterizedTest
    @CsvSource({"discrete", "box"})
    void aStepAllocatesNoMoreThanOnnxRuntimesOwnRunCall(String kind) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (OnnxPolicy policy = open(kind, 32, 1, ActionSelection.SAMPLE)) {
            SyntheticTrial trial = new SyntheticTrial(policy.spec(), 7, 3);
            policy.beginTrial(() -> "t", 1);
            for (int i = 0; i < 20_000; i++) {
                trial.next();
                policy.act(trial.input(), trial.action());
            }
            int steps = 5_000;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < steps; i++) {
                trial.next();
                policy.act(trial.input(), trial.action());
            }
            long perStep = (threads.getCurrentThreadAllocatedBytes() - before) / steps;
            assertThat(perStep).isLessThan(1024);
        }
    }
}
