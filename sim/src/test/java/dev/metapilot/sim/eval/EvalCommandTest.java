package dev.metapilot.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import dev.metapilot.agent.testing.CommandLineRun;
import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.bandit.mdp.TabularMdpPlugin;
import dev.metapilot.locomotion.LocomotionPlugin;
import dev.metapilot.maze.MazePlugin;
import dev.metapilot.sim.testing.UntrainedPolicies;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metapilot eval} end to end through the launcher's {@code Main}, every suite on a few held-out trials with
 * small untrained models: the table's rows and columns, the published figures beside them, valid PNG charts, and clear
 * errors for missing or foreign model files.
 */
class EvalCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path models;

    @TempDir
    Path plots;

    private final CommandLineRun cli = new CommandLineRun();

    @BeforeAll
    static void writeModels() {
        UntrainedPolicies.write(new MazePlugin(), Map.of("size", "mixed"), models.resolve("maze.onnx"));
        UntrainedPolicies.write(new BanditPlugin(), Map.of("arms", "5", "pulls", "10"), models.resolve(
                "bandit-n10-k5.onnx"));
        UntrainedPolicies.write(new BanditPlugin(), Map.of("arms", "2", "pulls", "4"), models.resolve(
                "bandit-n4-k2.onnx"));
        UntrainedPolicies.write(new TabularMdpPlugin(), Map.of("episodes", "10"), models.resolve(
                "tabular-mdp-n10.onnx"));
        UntrainedPolicies.write(new LocomotionPlugin(), Map.of("seconds", "1", "episodes", "3"), models.resolve(
                "locomotion.onnx"));
        UntrainedPolicies.write(new LocomotionPlugin(), Map.of("seconds", "1", "episodes", "1"), models.resolve(
                "locomotion-memoryless.onnx"));
    }

    private int eval(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "eval";
        System.arraycopy(args, 0, full, 1, args.length);
        return cli.run(full);
    }

    private static String model(String name) {
        return models.resolve(name).toString();
    }

    @Test
    void snailPrintsBothMazeSizesBesideThePublishedRowsAndDrawsOneChartPerSize() throws IOException {
        int rc = eval("--suite", "snail", "--policy", model("maze.onnx"), "--trials", "4", "--threads", "2",
                "--plot", plots.toString());
        assertThat(rc).as(cli.err()).isZero();
        String text = cli.out();
        assertThat(text).contains("command: ./metapilot eval --suite snail", "4 held-out TEST mazes per size");
        assertThat(text).containsPattern("SIZE +POLICY +EP 1 STEPS +EP 2 STEPS +EP 1 SUCCESS % +EP 2 SUCCESS % "
                + "+EP2/EP1 +EP2/SHORTEST");
        for (String size : new String[]{"small", "large"}) {
            assertThat(text).containsPattern(size + " +random +[0-9.]+ ± ").containsPattern(size
                    + " +oracle +[0-9.]+ ± [0-9.]+ .* 1\\.00 +1\\.00").containsPattern(size
                            + " +explore +[0-9.]+ ± [0-9.]+ .* 1\\.00")
                    .containsPattern(size + " +maze\\.onnx +");
        }
        assertThat(text).containsPattern("small +SNAIL \\(paper\\) +50\\.3 +34\\.8 +n/a +n/a +0\\.69 +n/a")
                .containsPattern("small +LSTM RL² \\(paper\\) +52\\.4 +39\\.1 +n/a +n/a +0\\.75")
                .containsPattern("large +SNAIL \\(paper\\) +n/a +n/a +n/a +n/a +0\\.75").containsPattern(
                        "large +LSTM RL² \\(paper\\) +n/a +n/a +n/a +n/a +0\\.84")
                .contains("arXiv:1707.03141");
        assertPng(plots.resolve("snail-small.png"));
        assertPng(plots.resolve("snail-large.png"));
    }

    @Test
    void rl2BanditsMakesOneTablePerTrainedConfigurationWithThePapersFigures() throws IOException {
        int rc = eval("--suite", "rl2-bandits", "--policy", model("bandit-n10-k5.onnx"), "--policy", model(
                "bandit-n4-k2.onnx"), "--trials", "30", "--plot", plots.toString());
        assertThat(rc).as(cli.err()).isZero();
        String text = cli.out();
        int small = text.indexOf("n=4 pulls, k=2 arms");
        int paper = text.indexOf("n=10 pulls, k=5 arms");
        assertThat(small).as("tables in the order of n").isPositive().isLessThan(paper);
        String paperTable = text.substring(paper);
        assertThat(paperTable).contains("METHOD", "TOTAL REWARD (OURS, 95% CI)", "RL² PAPER").containsPattern(
                "random +[0-9.]+ ± [0-9.]+ +5\\.0").containsPattern("ucb1 +[0-9.]+ ± [0-9.]+ +6\\.7")
                .containsPattern("thompson +[0-9.]+ ± [0-9.]+ +5\\.7").containsPattern(
                        "bayes-optimal +[0-9.]+ ± [0-9.]+ +n/a")
                .containsPattern("bandit-n10-k5\\.onnx \\(RL², ours\\) +[0-9.]+ ± [0-9.]+ +6\\.7 \\(RL²\\)")
                .containsPattern("gittins +[0-9.]+ ± [0-9.]+ +6\\.6")
                .containsPattern("ots \\(paper only\\) +n/a +6\\.5").contains("% of bayes-optimal",
                        "(best baseline)")
                .as("the paired difference with UCB1, the target, also when another baseline is best")
                .containsPattern("bandit-n10-k5\\.onnx − (ucb1 \\(best baseline\\)|.*; − ucb1: [-+][0-9.]+ ± )");
        assertThat(text.substring(small, paper)).containsPattern("greedy +[0-9.]+ ± [0-9.]+ +n/a");
        assertPng(plots.resolve("rl2-bandits-n10-k5.png"));
        assertPng(plots.resolve("rl2-bandits-n4-k2.png"));
    }

    @Test
    void rl2MdpsShowsTheBaselinesBesideTable2() throws IOException {
        int rc = eval("--suite", "rl2-mdps", "--policy", model("tabular-mdp-n10.onnx"), "--trials", "5", "--plot",
                plots.toString());
        assertThat(rc).as(cli.err()).isZero();
        assertThat(cli.out()).contains("RL² Table 2 protocol, n=10 episodes, 10 states, 5 actions, horizon 10")
                .containsPattern("psrl +[0-9.]+ ± [0-9.]+ +138\\.1").containsPattern(
                        "oracle +[0-9.]+ ± [0-9.]+ +n/a")
                .containsPattern("bayes-ucb +[0-9.]+ ± [0-9.]+ +n/a").containsPattern(
                        "optimistic-vi +[0-9.]+ ± [0-9.]+ +n/a")
                .containsPattern("tabular-mdp-n10\\.onnx \\(RL², ours\\) .* 156\\.2 \\(RL²\\)").containsPattern(
                        "ucrl2 \\(paper only\\) +n/a +146\\.6")
                .contains("(best baseline)");
        assertPng(plots.resolve("rl2-mdps-n10.png"));
    }

    @Test
    void locomotionPrintsTheAdaptationCurveWithTheMemorylessAndPidRows() throws IOException {
        int rc = eval("--suite", "locomotion", "--policy", model("locomotion.onnx"), "--memoryless", model(
                "locomotion-memoryless.onnx"), "--trials", "3", "--plot", plots.toString());
        assertThat(rc).as(cli.err()).isZero();
        String text = cli.out();
        assertThat(text).contains("3 held-out TEST tasks, 3 episodes per trial").containsPattern(
                "POLICY +EP 1 RETURN +EP 2 RETURN +EP 3 RETURN +LAST−FIRST +> 3 HW").containsPattern(
                        "locomotion\\.onnx( +-?[0-9.]+ ± [0-9.]+){3} +[+-][0-9.]+ ± [0-9.]+ +(yes|no)")
                .containsPattern("locomotion-memoryless\\.onnx \\(reset every episode\\)( +-?[0-9.]+ ± [0-9.]+){3}")
                .containsPattern("pid( +-?[0-9.]+ ± [0-9.]+){3}").contains(
                        "locomotion.onnx: last episode minus memoryless's");
        assertPng(plots.resolve("locomotion.png"));
    }

    @Test
    void locomotionLeavesTheMemorylessRowOutWhenAskedTo() {
        int rc = eval("--suite", "locomotion", "--policy", model("locomotion.onnx"), "--memoryless", "none",
                "--trials", "2");
        assertThat(rc).as(cli.err()).isZero();
        assertThat(cli.out()).doesNotContain("reset every episode").contains("pid");
    }

    @Test
    void aMissingModelIsNamedWithHowToTrainIt() {
        int rc = eval("--suite", "snail", "--policy", models.resolve("nope.onnx").toString());
        assertThat(rc).isEqualTo(1);
        assertThat(cli.err()).contains("nope.onnx does not exist; train one with `./metapilot train --env maze",
                "--policy FILE");
    }

    @Test
    void aFileThatIsNoModelIsNamedWithWhatToDo() throws IOException {
        Path garbage = Files.writeString(plots.resolve("garbage.onnx"), "not a model");
        int rc = eval("--suite", "rl2-bandits", "--policy", garbage.toString());
        assertThat(rc).isEqualTo(1);
        assertThat(cli.err()).contains(garbage.toString(), "train one with `./metapilot train --env bandit");
    }

    @Test
    void aModelOfAnotherPluginIsRefusedNamingBoth() {
        int rc = eval("--suite", "snail", "--policy", model("bandit-n4-k2.onnx"));
        assertThat(rc).isEqualTo(1);
        assertThat(cli.err()).contains("bandit-n4-k2.onnx was trained on environment 'bandit'",
                "suite 'snail' runs plugin 'maze'");
    }

    @Test
    void trainSplitEvaluatesOnTrainTasksAndSaysSo() {
        assertThat(eval("--suite", "rl2-bandits", "--policy", model("bandit-n4-k2.onnx"), "--trials", "200",
                "--threads", "1", "--greedy")).as(cli.err()).isZero();
        String test = cli.out();
        cli.clear();
        assertThat(eval("--suite", "rl2-bandits", "--policy", model("bandit-n4-k2.onnx"), "--trials", "200",
                "--threads", "1", "--greedy", "--split", "train")).as(cli.err()).isZero();
        String train = cli.out();
        assertThat(test).contains("200 held-out TEST trials").as("the table says how the policy acted")
                .contains("bandit-n4-k2.onnx (RL², ours, greedy)");
        assertThat(train).contains("200 TRAIN trials").doesNotContain("TEST");
        assertThat(row(train, "greedy")).as("other tasks, other rewards").isNotEqualTo(row(test, "greedy"));

        assertThat(eval("--suite", "snail", "--split", "validation")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown split 'validation'");
    }

    private static String row(String table, String method) {
        return table.lines().filter(l -> l.startsWith(method + " ")).findFirst().orElseThrow();
    }

    @Test
    void anUnknownSuiteIsAUsageError() {
        assertThat(eval("--suite", "atari")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown suite 'atari'", "snail, rl2-bandits, rl2-mdps, locomotion");
    }

    private static void assertPng(Path file) throws IOException {
        assertThat(file).isRegularFile();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
    }
}
