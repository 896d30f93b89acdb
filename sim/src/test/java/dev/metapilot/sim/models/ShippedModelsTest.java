package dev.metapilot.sim.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.policy.BaselinePolicy;
import dev.metapilot.agent.policy.OnnxPolicy;
import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.policy.PolicyMetadata;
import dev.metapilot.agent.policy.PolicyOptions;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.trial.EpisodeStats;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.agent.trial.TrialRunner;
import dev.metapilot.agent.trust.Manifest;
import dev.metapilot.agent.trust.ManifestGate;
import dev.metapilot.agent.trust.Sha256;
import dev.metapilot.bandit.BanditPlugin;
import dev.metapilot.bandit.mdp.TabularMdpPlugin;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.locomotion.LocomotionPlugin;
import dev.metapilot.maze.MazePlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policies shipped in {@code models/} still do what their model cards say: each one is listed in the manifest with
 * its checksum, opens against its plugin (contract, spaces, metadata), and a small held-out evaluation stays above a
 * floor set well inside the full evaluation's result (see each model card). A retrained or damaged model that falls
 * below its floor fails the build.
 */
class ShippedModelsTest {

    static final Path MODELS = Path.of("..", "models");
    private static final long SEED = 7_000;

    /**
     * One shipped model: its file, the plugin and settings it runs on, how it acts (as its card reports it), and its
     * floor check.
     */
    record Shipped(String file, EnvironmentPlugin plugin, Map<String, String> config, int trials,
            ActionSelection selection, Floor floor) {

        /** A model evaluated with sampled actions. */
        Shipped(String file, EnvironmentPlugin plugin, Map<String, String> config, int trials, Floor floor) {
            this(file, plugin, config, trials, ActionSelection.SAMPLE, floor);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** A floor: compares the model's statistics with baselines run on the same tasks. */
    interface Floor {
        void check(String file, EpisodeStats model, Baselines baselines);
    }

    /** Runs baselines of the plugin on the same tasks as the model. */
    interface Baselines {
        EpisodeStats run(String name);
    }

    static Stream<Shipped> shipped() {
        return Stream.of(maze(), bandit("bandit-10x5.onnx", 5, 10, 2000, 0.05), bandit("bandit-10x10.onnx", 10, 10,
                2000, 0.05), bandit("bandit-100x5.onnx", 5, 100, 300, 0.5),
                bandit("bandit-100x10.onnx", 10, 100, 300, 0.5),
                locomotion(), tabularMdp("tabular-mdp-10.onnx", 10, 300, 10),
                tabularMdp("tabular-mdp-25.onnx", 25, 300, 10));
    }

    /**
     * The tabular-MDP policies act greedily (their metadata says so), as their cards report them (n = 10: 163.0 against
     * PSRL 139.3; n = 25: 460.0 against 410.4; 1000 trials); the floor: PSRL's total on the same trials plus
     * {@code margin} (negative: below it).
     */
    private static Shipped tabularMdp(String file, int episodes, int trials, double margin) {
        return new Shipped(file, new TabularMdpPlugin(), Map.of("episodes", Integer.toString(episodes)), trials,
                ActionSelection.GREEDY, (f, m, b) -> {
                    double psrl = b.run("psrl").trialReturn().mean();
                    assertThat(m.trialReturn().mean()).as("%s: total reward vs PSRL %.2f plus %.1f", f, psrl, margin)
                            .isGreaterThan(psrl + margin);
                });
    }

    /**
     * The maze policy's card reports 99.9% / 99.9% success and 31.1 then 16.6 steps (0.53; 1.12× the shortest path) on
     * 1000 small mazes; the floor holds success, the distance from the shortest path (episode 1 explores: within 4×;
     * episode 2 within 2×) and an episode-2 speed-up of at least 25%.
     */
    private static Shipped maze() {
        return new Shipped("maze.onnx", new MazePlugin(), Map.of("size", "small"), 50, (f, m, b) -> {
            double shortest = b.run("oracle").rows().get(0).steps().mean();
            for (EpisodeStats.Row row : m.rows()) {
                assertThat(row.success().mean()).as("%s: success in episode %d", f, row.episode() + 1)
                        .isGreaterThanOrEqualTo(0.98);
                assertThat(row.steps().mean()).as("%s: steps in episode %d vs shortest path %.1f", f, row.episode() + 1,
                        shortest).isLessThan((row.episode() == 0 ? 4 : 2) * shortest);
            }
            assertThat(m.rows().get(1).steps().mean()).as("%s: episode 2 vs episode 1", f).isLessThanOrEqualTo(0.75 * m
                    .rows().get(0).steps().mean());
        });
    }

    /**
     * The locomotion policy (heading targets, 4 episodes of 3 s) reports −1.27 in episode 1 and −1.06 in episode 4 on
     * 500 held-out tasks (+0.21 ± 0.04; its twin without memory across episodes −1.29, the PID −0.89); the floor keeps
     * it a working controller that gets better over a trial.
     */
    private static Shipped locomotion() {
        return new Shipped("locomotion.onnx", new LocomotionPlugin(), Map.of("target", "heading", "seconds", "3"), 100,
                (f, m, b) -> {
                    List<EpisodeStats.Row> rows = m.rows();
                    EpisodeStats.Estimate first = rows.get(0).totalReturn();
                    for (EpisodeStats.Row row : rows) {
                        assertThat(row.totalReturn().mean()).as("%s: return in episode %d on held-out tasks", f, row
                                .episode() + 1).isGreaterThan(-1.6);
                    }
                    EpisodeStats.Estimate last = rows.get(rows.size() - 1).totalReturn();
                    assertThat(last.mean()).as("%s: last-episode return %s vs first %s", f, last, first).isGreaterThan(
                            first.mean() + 0.05);
                });
    }

    /**
     * Bandit policies imitate the Gittins index policy since sessions 7 and 8 (1000 TEST trials, paired against UCB1:
     * 10 pulls +0.02 and +0.01, 100 pulls +0.73 and +0.39; model cards); the floor: UCB1's total on the same trials
     * minus {@code margin}, which at 300 trials is about two standard errors of the paired difference.
     */
    private static Shipped bandit(String file, int arms, int pulls, int trials, double margin) {
        return new Shipped(file, new BanditPlugin(), Map.of("arms", Integer.toString(arms), "pulls", Integer.toString(
                pulls)), trials, (f, m, b) -> {
                    double ucb1 = b.run("ucb1").trialReturn().mean();
                    assertThat(m.trialReturn().mean()).as("%s: total reward vs UCB1 %.3f minus %.2f", f, ucb1, margin)
                            .isGreaterThan(ucb1 - margin);
                });
    }

    @Test
    void everyShippedModelIsListedInTheManifestWithItsChecksum() throws IOException {
        Manifest manifest = Manifest.in(MODELS).orElseThrow(() -> new AssertionError("models/SHA256SUMS is missing"));
        try (Stream<Path> files = Files.list(MODELS)) {
            for (Path onnx : files.filter(p -> p.toString().endsWith(".onnx")).toList()) {
                String name = onnx.getFileName().toString();
                assertThat(manifest.sumOf(name)).as("%s in %s", name, manifest.file()).contains(Sha256.hex(Files
                        .readAllBytes(onnx)));
                assertThat(MODELS.resolve(name.replace(".onnx", ".md"))).as("model card of %s", name).exists();
            }
        }
        assertThat(shipped()).allSatisfy(s -> assertThat(MODELS.resolve(s.file())).exists());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void staysAboveItsFloorOnHeldOutTasks(Shipped s) {
        EnvironmentFactory factory = s.plugin().configure(s
                .config());
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < s.trials(); t++) {
            tasks.add(factory.tasks().sample(Split.TEST, SEED + t));
        }
        TrialPlan plan = new TrialPlan(tasks, factory.spec().episodesPerTrial(), SEED);
        TrialRunner runner = new TrialRunner(factory, ActionGuard.Settings.DEFAULT);
        EpisodeStats model = new EpisodeStats();
        // no selection asked for: the model acts as its metadata says, which must be how its card reports it
        PolicyOptions options = PolicyOptions.defaults().withGate(new ManifestGate());
        try (OnnxPolicy policy = OnnxPolicy.open(MODELS.resolve(s.file()), options, factory.spec(), s.plugin()
                .name())) {
            assertThat(policy.selection()).as("%s acts by its metadata as its card reports it", s.file()).isEqualTo(s
                    .selection());
            PolicyMetadata meta = policy.metadata();
            assertThat(meta.envId()).isEqualTo(factory.spec().id());
            assertThat(meta.trainingSteps()).isPositive();
            runner.run(policy, plan, model);
        }
        s.floor().check(s.file(), model, name -> {
            Baseline baseline = factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst()
                    .orElseThrow();
            EpisodeStats stats = new EpisodeStats();
            try (Policy policy = new BaselinePolicy(baseline)) {
                runner.run(policy, plan, stats);
            }
            return stats;
        });
    }
}
