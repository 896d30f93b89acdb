package dev.metapilot.sim.eval;

import dev.metapilot.agent.cli.PolicyOpener;
import dev.metapilot.agent.cli.Table;
import dev.metapilot.agent.policy.EpisodicPolicy;
import dev.metapilot.agent.trial.EpisodeStats.Estimate;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The locomotion adaptation curve (issue 7): mean return per episode index over held-out TEST tasks (hidden dynamics
 * and target) with 95% CIs for the trained meta-policy, the {@code pid} baseline (knows the target, not the dynamics)
 * and the memoryless policy (the same network trained on one-episode trials, restarted every episode by
 * {@link EpisodicPolicy}); then each row's last-minus-first episode change and whether it clears 3 CI half-widths.
 */
final class LocomotionSuite implements Suite {

    /** Trials by default. */
    static final int DEFAULT_TRIALS = 500;

    static final String PLUGIN = "locomotion";
    static final String DEFAULT_MODEL = "models/locomotion.onnx";
    static final String DEFAULT_MEMORYLESS = "models/locomotion-memoryless.onnx";
    static final String TRAIN_HINT = "./metapilot train --env locomotion --out models/locomotion.onnx";
    static final String TRAIN_MEMORYLESS_HINT = "./metapilot train --env locomotion --env-config episodes=1 --out "
            + DEFAULT_MEMORYLESS;

    @Override
    public String name() {
        return "locomotion";
    }

    @Override
    public void run(EvalRun run) {
        List<PolicyModel> models = run.models(name(), PLUGIN, DEFAULT_MODEL, TRAIN_HINT);
        PolicyModel memoryless = memoryless(run);
        EnvironmentFactory factory = run.configure(PLUGIN, settings(models.get(0)));
        EnvSpec spec = factory.spec();
        int trials = run.settings().trialsOr(DEFAULT_TRIALS);
        TrialPlan plan = run.testPlan(factory, trials);
        PolicyOpener opener = run.opener(PLUGIN, factory);
        List<Contender> contenders = new ArrayList<>();
        for (PolicyModel m : models) {
            contenders.add(new Contender(m.name(), () -> opener.open(m.file().toString())));
        }
        if (memoryless != null) {
            contenders.add(new Contender(memoryless.name() + " (reset every episode)", () -> new EpisodicPolicy(
                    opener.open(memoryless.file().toString()), spec)));
        }
        contenders.add(new Contender("pid", () -> opener.open("pid")));
        List<Outcomes> results = new ArrayList<>();
        for (Contender c : contenders) {
            results.add(run.run(factory, plan, c));
        }
        PrintWriter out = run.out();
        out.printf("locomotion: adaptation curve, %d %s tasks, %d episodes per trial, seed %d%n", trials,
                run.settings().tasksLabel(),
                spec.episodesPerTrial(), run.settings().seed());
        print(out, results, spec.episodesPerTrial());
        if (memoryless != null) {
            Outcomes last = results.get(results.size() - 2);
            for (Outcomes o : results.subList(0, models.size())) {
                out.println(o.label() + ": last episode minus memoryless's " + Cells.signed(lastEpisode(o, last),
                        2) + " (paired)");
            }
        }
        out.println("LAST−FIRST: paired change from episode 1 to episode " + spec.episodesPerTrial()
                + "; > 3 HW: whether it exceeds 3 times the larger of the two episodes' 95% half-widths.");
        List<Path> plots = new ArrayList<>();
        run.plotFile("locomotion.png").ifPresent(file -> {
            chart(trials, run.settings().tasksLabel(), results).writePng(file);
            plots.add(file);
        });
        Plots.report(out, plots);
    }

    /** The trained policy's plugin settings, or at least its episodes per trial when the file does not record them. */
    private static Map<String, String> settings(PolicyModel model) {
        Map<String, String> recorded = model.envConfig();
        return recorded.isEmpty()
                ? Map.of("episodes", Integer.toString(model.metadata().episodesPerTrial()))
                : recorded;
    }

    private PolicyModel memoryless(EvalRun run) {
        String given = run.settings().memoryless();
        if ("none".equals(given)) {
            return null;
        }
        Path file = given == null ? run.shipped(DEFAULT_MEMORYLESS) : Path.of(given);
        return run.inspect(file, name(), PLUGIN, "train one with `" + TRAIN_MEMORYLESS_HINT + "`, pass --memoryless "
                + "FILE, or leave the row out with --memoryless none");
    }

    private static void print(PrintWriter out, List<Outcomes> results, int episodes) {
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[episodes + 3];
        header[0] = "POLICY";
        for (int e = 0; e < episodes; e++) {
            header[e + 1] = "EP " + (e + 1) + " RETURN";
        }
        header[episodes + 1] = "LAST−FIRST";
        header[episodes + 2] = "> 3 HW";
        cells.add(header);
        for (Outcomes o : results) {
            String[] row = new String[episodes + 3];
            row[0] = o.label();
            for (int e = 0; e < episodes; e++) {
                row[e + 1] = Cells.estimate(o.episodeReturn(e), 2);
            }
            Estimate change = o.returnChange(0, episodes - 1);
            row[episodes + 1] = Cells.signed(change, 2);
            row[episodes + 2] = episodes < 2 ? Cells.NOT_AVAILABLE : clears(o, episodes) ? "yes" : "no";
            cells.add(row);
        }
        Table.print(out, cells);
    }

    /** Last minus first episode's mean return exceeds 3 times the larger of their 95% half-widths. */
    static boolean clears(Outcomes o, int episodes) {
        Estimate first = o.episodeReturn(0);
        Estimate last = o.episodeReturn(episodes - 1);
        return last.mean() - first.mean() > 3 * Math.max(first.halfWidth(), last.halfWidth());
    }

    private static Estimate lastEpisode(Outcomes trained, Outcomes memoryless) {
        return trained.episodeReturnMinus(memoryless, trained.episodes() - 1);
    }

    private static Chart chart(int trials, String tasks, List<Outcomes> results) {
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Outcomes o = results.get(i);
            int k = o.episodes();
            double[] x = new double[k];
            double[] y = new double[k];
            double[] err = new double[k];
            for (int e = 0; e < k; e++) {
                x[e] = e + 1;
                y[e] = o.episodeReturn(e).mean();
                err[e] = o.episodeReturn(e).halfWidth();
            }
            series.add(new Chart.Series(o.label(), x, y, err));
        }
        return new Chart(Chart.Kind.CURVE,
                "Locomotion adaptation: return per episode (" + trials + " " + tasks
                        + " tasks, 95% CI)",
                "episode of the trial", "mean return", series);
    }
}
