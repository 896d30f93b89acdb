package dev.metapilot.agent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.PolicyException;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.testing.FuzzCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated and truncated rl2/1 models: opening one either works (the mutation hit something harmless, and then a step
 * works or reports a fault) or fails with a {@link PolicyException} that names the file. Anything else, a different
 * exception or a JVM crash in native code, fails the build.
 */
class ModelBytesFuzzTest {

    private static final EnvSpec SPEC = new EnvSpec("classpath-demo", Box.uniform(3, -1f, 1f), new Discrete(4), 7, 2);
    private static byte[] valid;
    private static Path dir;

    @BeforeContainer
    static void model() throws IOException {
        dir = Files.createTempDirectory("fuzz-models");
        valid = Rl2TestModels.gru(SPEC.observationSpace(), SPEC.actionSpace(), 8).bytes();
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** A mutation: flip {@code count} bytes at positions drawn from {@code seed}, then cut at {@code keep}. */
    record Mutation(long seed, int count, double keep) {}

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 16), Arbitraries.oneOf(
                Arbitraries.just(1.0), Arbitraries.doubles().between(0.0, 1.0))).as(Mutation::new);
    }

    @Property
    @FuzzCount(property = "agent.fuzz.models", value = 150)
    void aMutatedModelIsUsableOrRefusedCleanly(@ForAll("mutations") Mutation m) {
        byte[] bytes = valid.clone();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(m.seed());
        for (int i = 0; i < m.count(); i++) {
            bytes[rng.nextInt(bytes.length)] = (byte) rng.nextInt(256);
        }
        int keep = Math.max(0, (int) (bytes.length * m.keep()));
        Path file = dir.resolve("m.onnx");
        try {
            Files.write(file, java.util.Arrays.copyOf(bytes, keep));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OnnxPolicy policy = OnnxPolicy.open(file, PolicyOptions.defaults(), SPEC, "classpath-demo")) {
            StepInput input = new StepInput(SPEC);
            input.beginTrial();
            Action action = Action.of(SPEC.actionSpace());
            policy.beginTrial(() -> "t", 1);
            Statistics.collect("opened");
            for (int i = 0; i < 5; i++) {
                if (policy.act(input, action)) {
                    assertThat(action.index()).isBetween(0, 3);
                }
                input.record(action, 0f, false);
            }
        } catch (PolicyException e) {
            Statistics.collect("refused");
            assertThat(e.getMessage()).contains(file.toString());
        }
    }
}
