package dev.metapilot.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.agent.testing.Rl2TestModels;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metapilot trial} through the launcher on the test class path's corridor plugin, which moves no actuators and
 * is therefore paced by the loop: the per-episode lines, the timing figures, the log's lines, and the safe stop of a
 * policy that emits NaN reported as an error. (The hardware paths run against the emulator in the sim module.)
 */
class TrialCommandTest {

    @TempDir
    Path tmp;

    private final CommandLineRun cli = new CommandLineRun();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void runsTrialsInTheRealTimeLoopPrintsTheCurveAndWritesTheLog() throws Exception {
        Path log = tmp.resolve("trial.jsonl");
        int rc = run("trial", "--env", "classpath-demo", "--policy", "right", "--trials", "2", "--rate", "200",
                "--max-misses", "1000", "--report-jitter", "--log", log.toString());
        assertThat(rc).as(cli.err()).isZero();
        String text = cli.out();
        assertThat(text).contains("classpath-demo: 2 trial(s) x 2 episodes of right at 200 Hz (simulated, paced in "
                + "real time)");
        assertThat(text).containsPattern("trial 1 episode 1: return +1\\.000 +steps +1 +success yes");
        assertThat(text).contains("trial 2 episode 2:", "TRIAL RETURN", "loop timing: 200 Hz, ", "log: " + log);
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.get(0)).startsWith("{\"type\":\"header\"").contains("\"mode\":\"realtime-simulated\"",
                "\"rate_hz\":200.0", "\"name\":\"right\"");
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"timing\""))).hasSize(4).allSatisfy(
                l -> assertThat(l).contains("\"period_error_us\":{\"p50\":"));
        assertThat(lines.stream().filter(l -> l.startsWith("{\"type\":\"episode\""))).hasSize(4);
        assertThat(lines.get(lines.size() - 2)).startsWith("{\"type\":\"timing_total\"");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("{\"type\":\"end\",\"episodes\":4}");
    }

    @Test
    void aPolicyThatEmitsNanIsStoppedSafelyAndTheCommandFails() throws Exception {
        Path model = Rl2TestModels.stepCounter(Box.uniform(3, -1f, 1f), new Discrete(4)).poison(
                Rl2TestModels.Poison.ACTIONS).write(tmp.resolve("nan.onnx"));
        Path log = tmp.resolve("nan.jsonl");
        int rc = run("trial", "--env", "classpath-demo", "--policy", model.toString(), "--greedy", "--trials", "3",
                "--max-faults", "1", "--rate", "100", "--max-misses", "1000", "--log", log.toString());
        assertThat(rc).isEqualTo(1);
        assertThat(cli.err()).contains("error: the trial was stopped safely: fault_limit");
        assertThat(cli.out()).contains("SAFE STOP: fault_limit");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.contains("\"end\":\"fault_limit\""));
        assertThat(lines).anyMatch(l -> l.startsWith("{\"type\":\"safe_stop\",\"cause\":\"fault_limit\""));
        assertThat(lines).noneMatch(l -> l.contains("\"trial\":1"));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"end\"");
    }

    @Test
    void aTargetForAPluginWithoutOneIsRefused() {
        assertThat(run("trial", "--env", "classpath-demo", "--policy", "right", "--target", "0.3", "--log", tmp
                .resolve("x.jsonl").toString())).isEqualTo(1);
        assertThat(cli.err()).contains("plugin 'classpath-demo' has no 'target' option; drop --target");
    }
}
