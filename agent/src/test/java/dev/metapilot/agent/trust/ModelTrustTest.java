package dev.metapilot.agent.trust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, sign and --trust end to end through the launcher's commands, plus the shipped-models manifest. */
class ModelTrustTest {

    @TempDir
    Path tmp;

    private final CommandLineRun cli = new CommandLineRun();
    private Path model;

    private int run(String... args) {
        cli.clear();
        return cli.run(args);
    }

    private int runModel(String... extra) {
        String[] base = {"run", "--env", "classpath-demo", "--policy", model.toString(), "--trials", "2", "--log", tmp
                .resolve("logs").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    @BeforeEach
    void keysAndModel() {
        assertThat(run("keygen", "--out", tmp.resolve("keys").toString(), "--name", "fleet")).isZero();
        assertThat(run("keygen", "--out", tmp.resolve("other").toString(), "--name", "stranger")).isZero();
        Path trust = tmp.resolve("trust");
        try {
            Files.createDirectories(trust);
            Files.copy(tmp.resolve("keys/fleet.pub"), trust.resolve("fleet.pub"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model = Rl2TestModels.gru(Box.uniform(3, -1f, 1f), new Discrete(4), 8).write(tmp.resolve("m/policy.onnx"));
    }

    @Test
    void aSignedModelRunsUnderTrust() {
        assertThat(run("sign", "--key", tmp.resolve("keys/fleet.key").toString(), model.toString())).isZero();
        assertThat(cli.out()).contains("signed " + model);
        assertThat(runModel("--trust", tmp.resolve("trust").toString())).as(cli.err()).isZero();
    }

    @Test
    void anUnsignedModelIsRefusedBeforeOnnxRuntimeSeesIt() throws Exception {
        Files.write(model, new byte[]{1, 2, 3});
        assertThat(runModel("--trust", tmp.resolve("trust").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("refused", "is not signed").doesNotContain("ONNX");
    }

    @Test
    void aTamperedModelIsRefused() throws Exception {
        run("sign", "--key", tmp.resolve("keys/fleet.key").toString(), model.toString());
        Files.write(model, new byte[]{0}, StandardOpenOption.APPEND);
        assertThat(runModel("--trust", tmp.resolve("trust").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("does not match its contents", "changed after signing");
    }

    @Test
    void aModelSignedByAnUntrustedKeyIsRefused() {
        run("sign", "--key", tmp.resolve("other/stranger.key").toString(), model.toString());
        assertThat(runModel("--trust", tmp.resolve("trust").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("which is not in", "trusted:");
    }

    @Test
    void withoutTrustAnUnsignedModelRuns() {
        assertThat(runModel()).as(cli.err()).isZero();
    }

    @Test
    void aManifestBesideTheModelIsChecked() throws Exception {
        Path sums = model.resolveSibling(Manifest.FILE_NAME);
        Files.writeString(sums, Sha256.hexOf(model) + "  policy.onnx\n");
        assertThat(runModel()).as(cli.err()).isZero();
        Files.writeString(sums, "0".repeat(64) + "  policy.onnx\n");
        assertThat(runModel()).isEqualTo(1);
        assertThat(cli.err()).contains("is corrupt or was replaced");
        Files.writeString(sums, "0".repeat(64) + "  other.onnx\n");
        assertThat(runModel()).isEqualTo(1);
        assertThat(cli.err()).contains("is not listed in");
        Files.writeString(sums, "not a checksum line\n");
        assertThat(runModel()).isEqualTo(1);
        assertThat(cli.err()).contains("SHA256SUMS:1: expected");
    }
}
