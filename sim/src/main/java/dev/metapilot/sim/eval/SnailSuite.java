package dev.metapilot.sim.eval;

import dev.metapilot.agent.cli.PolicyOpener;
import dev.metapilot.agent.cli.Table;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.EnvironmentFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SNAIL Table 5 protocol (Mishra et al. 2018): the maze plugin, 2 episodes per trial with start and goal fixed, small
 * and large held-out TEST mazes, one policy for both; rows random, shortest-path oracle, the hand-written frontier
 * explorer with a map (what memory can do: it walks the shortest path in episode 2) and the trained policies, with mean
 * steps per episode (95% CI), success, the episode-2/episode-1 ratio and episode 2 against the shortest path, beside
 * the published SNAIL and LSTM rows.
 */
final class SnailSuite implements Suite {

    /**
     * Trials per maze size by default: the papers' 1000, so the default run prints a reportable table; measured on the
     * 2-core machine at 21 s for a partly trained policy and 69 s for an untrained one (every large maze to the
     * 1000-step limit), both while other builds and a training run shared the cores.
     */
    static final int DEFAULT_TRIALS = 1000;

    static final String PLUGIN = "maze";
    static final String DEFAULT_MODEL = "models/maze.onnx";
    static final String TRAIN_HINT = "./metapilot train --env maze --env-config size=mixed --out models/maze.onnx";
    private static final List<String> SIZES = List.of("small", "large");
    private static final int EPISODES = 2;

    @Override
    public String name() {
        return "snail";
    }

    @Override
    public void run(EvalRun run) {
        List<PolicyModel> models = run.models(name(), PLUGIN, DEFAULT_MODEL, TRAIN_HINT);
        int trials = run.settings().trialsOr(DEFAULT_TRIALS);
        PrintWriter out = run.out();
        out.printf("snail: SNAIL Table 5 protocol, %d %s mazes per size, %d episodes per trial, seed %d%n",
                trials, run.settings().tasksLabel(), EPISODES, run.settings().seed());
        SnailPublished published = SnailPublished.load();
        List<Path> plots = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"SIZE", "POLICY", "EP 1 STEPS", "EP 2 STEPS", "EP 1 SUCCESS %", "EP 2 SUCCESS %",
                "EP2/EP1", "EP2/SHORTEST"});
        for (String size : SIZES) {
            EnvironmentFactory factory = run.configure(PLUGIN, Map.of("size", size, "episodes", Integer.toString(
                    EPISODES)));
            TrialPlan plan = run.testPlan(factory, trials);
            PolicyOpener opener = run.opener(PLUGIN, factory);
            List<Contender> contenders = new ArrayList<>();
            contenders.add(new Contender("random", () -> opener.open("random")));
            contenders.add(new Contender("oracle", () -> opener.open("oracle")));
            contenders.add(new Contender("explore", () -> opener.open("explore")));
            for (PolicyModel m : models) {
                contenders.add(new Contender(m.name(), () -> opener.open(m.file().toString())));
            }
            List<Outcomes> results = new ArrayList<>();
            for (Contender c : contenders) {
                results.add(run.run(factory, plan, c));
            }
            double shortest = results.get(1).steps(1).mean();
            for (Outcomes o : results) {
                cells.add(row(size, o, shortest));
            }
            for (SnailPublished.Row p : published.forSize(size)) {
                cells.add(new String[]{size, p.label(), Cells.number(p.episode1(), 1), Cells.number(p.episode2(), 1),
                        Cells.NOT_AVAILABLE, Cells.NOT_AVAILABLE, Cells.number(p.ratio(), 2), Cells.NOT_AVAILABLE});
            }
            run.plotFile("snail-" + size + ".png").ifPresent(file -> {
                chart(size, trials, run.settings().tasksLabel(), results, published).writePng(file);
                plots.add(file);
            });
        }
        Table.print(out, cells);
        out.println("EP2/SHORTEST: mean steps in episode 2 over the oracle's (the shortest path) on the same mazes.");
        out.println("paper: " + SnailPublished.CITATION + " Its agents see first-person images, ours the grid "
                + "observation: compare ratios, not step counts; n/a = not available to us.");
        Plots.report(out, plots);
    }

    private static String[] row(String size, Outcomes o, double shortest) {
        double e1 = o.steps(0).mean();
        double e2 = o.steps(1).mean();
        return new String[]{size, o.label(), Cells.estimate(o.steps(0), 1), Cells.estimate(o.steps(1), 1), Cells
                .percent(o.success(0)), Cells.percent(o.success(1)), Cells.number(e2 / e1, 2),
                Cells.number(e2
                        / shortest, 2)};
    }

    private static Chart chart(String size, int trials, String tasks, List<Outcomes> results,
            SnailPublished published) {
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Outcomes o = results.get(i);
            double[] x = new double[EPISODES];
            double[] y = new double[EPISODES];
            double[] err = new double[EPISODES];
            for (int e = 0; e < EPISODES; e++) {
                x[e] = e + 1;
                y[e] = o.steps(e).mean();
                err[e] = o.steps(e).halfWidth();
            }
            series.add(new Chart.Series(o.label(), x, y, err));
        }
        for (SnailPublished.Row p : published.forSize(size)) {
            if (p.episode1().isPresent() && p.episode2().isPresent()) {
                series.add(new Chart.Series(p.label(), new double[]{1, 2}, new double[]{p.episode1().getAsDouble(), p
                        .episode2().getAsDouble()}, null));
            }
        }
        return new Chart(Chart.Kind.BARS, "Steps to the goal per episode, " + size + " mazes (" + trials
                + " " + tasks + " mazes, 95% CI)", "episode of the trial", "mean steps", series);
    }
}
