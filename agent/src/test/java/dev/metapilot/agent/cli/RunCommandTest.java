package dev.metapilot.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path tmp;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void runsSeveralPoliciesOnTheSameTasksAndWritesTheLog() throws Exception {
        int rc = run("run", "--env", "classpath-demo", "--policy", "right", "--policy", "random", "--trials", "30",
                "--log", tmp.toString());
        assertThat(rc).as(cli.err()).isZero();
        String table = cli.out();
        assertThat(table).contains("classpath-demo on 30 TEST tasks, 2 episodes per trial, seed 0");
        assertThat(table).containsPattern("POLICY +EPISODE +STEPS +RETURN +SUCCESS % +FAULTS +TRIAL RETURN");
        // 'right' reaches goal g in g steps; TEST tasks 0..29 have goals 1,2,3 in turn: mean 2 steps, all succeed.
        // 30 of 30: the Wilson interval [88.65%, 100%], not the normal approximation's ± 0
        assertThat(table).containsPattern("right +1 +2.00 ± 0.\\d\\d +.* +100.00 ± 11.35 +0 ");
        assertThat(table).containsPattern("\n +2 +2.00 ± ");
        assertThat(table).contains("random");
        List<Path> logs;
        try (Stream<Path> files = Files.list(tmp)) {
            logs = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
        }
        assertThat(logs).hasSize(1);
        List<String> lines = Files.readAllLines(logs.get(0));
        assertThat(lines).hasSize(1 + 2 * 30 * 2 + 1);
        assertThat(lines.get(0)).contains("\"policies\":[{\"name\":\"right\",\"kind\":\"baseline\"}");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"end\",\"episodes\":120}");
    }

    @Test
    void runsAnOnnxPolicyAndRecordsItsHashAndMetadata() throws Exception {
        Path model = Rl2TestModels.gru(Box.uniform(3, -1f, 1f), new Discrete(4), 8).write(tmp.resolve("gru.onnx"));
        int rc = run("run", "--env", "classpath-demo", "--policy", model.toString(), "--policy", "right", "--trials",
                "20", "--log", tmp.resolve("logs").toString());
        assertThat(rc).as(cli.err()).isZero();
        assertThat(cli.out()).contains("gru.onnx", "right");
        String header = Files.readAllLines(onlyLog(tmp.resolve("logs"))).get(0);
        assertThat(header).contains("\"kind\":\"onnx\"", "\"sha256\":\"", "\"metapilot.contract\":\"rl2/1\"");
    }

    @Test
    void aModelThatEmitsNanIsStoppedByTheGuardAndTheLogSaysWhy() throws Exception {
        // Logits turn NaN on every step whose previous reward is 1, i.e. right after the goal was reached.
        Path model = Rl2TestModels.stepCounter(Box.uniform(3, -1f, 1f), new Discrete(4)).poison(
                Rl2TestModels.Poison.ACTIONS).write(tmp.resolve("nan.onnx"));
        int rc = run("run", "--env", "classpath-demo", "--policy", model.toString(), "--greedy", "--trials", "1",
                "--max-faults", "1", "--log", tmp.resolve("logs").toString());
        assertThat(rc).as(cli.err()).isZero();
        List<String> lines = Files.readAllLines(onlyLog(tmp.resolve("logs")));
        assertThat(lines).anyMatch(l -> l.contains("\"end\":\"fault_limit\"") && l.contains("\"faults\":1"));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"end\"");
    }

    private static Path onlyLog(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.toString().endsWith(".jsonl")).toList();
            assertThat(logs).hasSize(1);
            return logs.get(0);
        }
    }

    @Test
    void anUnknownPolicyListsTheBaselines() {
        assertThat(run("run", "--env", "classpath-demo", "--policy", "ucb9", "--log", tmp.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("'ucb9' is neither a model file nor a baseline", "random, right");
    }

    @Test
    void anUnknownEnvironmentListsThePlugins() {
        assertThat(run("run", "--env", "mars", "--policy", "random", "--log", tmp.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("no environment plugin 'mars'; available: classpath-demo");
    }
}
