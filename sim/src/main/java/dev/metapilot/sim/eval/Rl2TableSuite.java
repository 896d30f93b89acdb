package dev.metapilot.sim.eval;

import dev.metapilot.agent.policy.ActionSelection;
import dev.metapilot.agent.cli.PolicyOpener;
import dev.metapilot.agent.cli.Table;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.bandit.PublishedResults;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RL² Table 1 or Table 2 protocol (Duan et al. 2016): for each configuration the given policies were trained on (their
 * metadata says which), every baseline the plugin offers and the trained policies run on the same held-out TEST tasks
 * and seeds; the table shows the mean total reward per trial (95% CI) beside the paper's figure, then each trained
 * policy's paired difference to the best baseline; the chart shows the cumulative reward.
 */
final class Rl2TableSuite implements Suite {

    /** Trials per configuration by default: the papers' 1000. */
    static final int DEFAULT_TRIALS = 1000;

    /** Baselines that are references rather than competitors: they know the task, or are the optimum itself. */
    private static final Set<String> REFERENCES = Set.of("oracle", "bayes-optimal");

    private final Rl2Table table;

    Rl2TableSuite(Rl2Table table) {
        this.table = table;
    }

    @Override
    public String name() {
        return table.suite();
    }

    @Override
    public void run(EvalRun run) {
        List<Path> files = run.settings().policies().isEmpty()
                ? ShippedModels.matching(run.shipped("models"), table.plugin() + "-")
                : run.settings().policies();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no policies: " + run.shipped("models").resolve(table.plugin()
                    + "-*.onnx") + " matches nothing; train one with `" + table.trainHint() + "`, or pass --policy "
                    + "FILE");
        }
        Map<Map<String, String>, List<PolicyModel>> groups = new LinkedHashMap<>();
        for (Path f : files) {
            PolicyModel m = run.inspect(f, name(), table.plugin(), EvalRun.trainOrPass(table.trainHint()));
            groups.computeIfAbsent(table.settings(m), k -> new ArrayList<>()).add(m);
        }
        List<Configuration> configurations = new ArrayList<>();
        groups.forEach((settings, models) -> configurations.add(new Configuration(run.configure(table.plugin(),
                settings), models)));
        configurations.sort(Comparator.comparingInt((Configuration c) -> c.factory().spec().episodesPerTrial())
                .thenComparingInt(c -> c.factory().spec().actionSpace().flatSize()).thenComparingInt(c -> c
                        .factory().spec().observationSpace().flatSize()));
        PublishedResults paper = PublishedResults.load();
        List<Path> plots = new ArrayList<>();
        for (Configuration c : configurations) {
            evaluate(run, c, paper, plots);
        }
        run.out().println("paper: " + PublishedResults.CITATION + " n/a = not published or not implemented here.");
        Plots.report(run.out(), plots);
    }

    /** One table: a plugin configuration and the policies trained on it. */
    private record Configuration(EnvironmentFactory factory, List<PolicyModel> models) {}

    private void evaluate(EvalRun run, Configuration c, PublishedResults paper, List<Path> plots) {
        EnvironmentFactory factory = c.factory();
        EnvSpec spec = factory.spec();
        int trials = run.settings().trialsOr(DEFAULT_TRIALS);
        TrialPlan plan = run.testPlan(factory, trials);
        PolicyOpener opener = run.opener(table.plugin(), factory);
        List<Outcomes> baselines = new ArrayList<>();
        for (Baseline b : factory.baselines()) {
            baselines.add(run.run(factory, plan, new Contender(b.name(), () -> opener.open(b.name()))));
        }
        List<Outcomes> trained = new ArrayList<>();
        for (PolicyModel m : c.models()) {
            trained.add(run.run(factory, plan, new Contender(m.name(), () -> opener.open(m.file().toString()))));
        }
        PrintWriter out = run.out();
        out.printf("%n%s: RL² %s protocol, %s, %d %s trials, seed %d%n", name(), table.paperTable(), table
                .describe(spec), trials, run.settings().tasksLabel(), run.settings().seed());
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"METHOD", "TOTAL REWARD (OURS, 95% CI)", "RL² PAPER"});
        for (Outcomes o : baselines) {
            cells.add(new String[]{o.label(), Cells.estimate(o.trialReturn(), 2), Cells.number(table.published(paper,
                    factory, o.label()), 1)});
        }
        for (int i = 0; i < trained.size(); i++) {
            Outcomes o = trained.get(i);
            String ours = run.selection(c.models().get(i).metadata()) == ActionSelection.GREEDY
                    ? " (RL², ours, greedy)"
                    : " (RL², ours)";
            cells.add(new String[]{o.label() + ours, Cells.estimate(o.trialReturn(), 2), Cells.number(table
                    .published(paper, factory, "rl2"), 1) + " (RL²)"});
        }
        for (String method : paperOnly(paper, spec, baselines)) {
            cells.add(new String[]{method + " (paper only)", Cells.NOT_AVAILABLE, Cells.number(table.published(paper,
                    spec, method), 1)});
        }
        Table.print(out, cells);
        compare(out, baselines, trained);
        run.plotFile(name() + "-" + table.slug(spec) + ".png").ifPresent(file -> {
            chart(spec, trials, run.settings().tasksLabel(), baselines, trained).writePng(file);
            plots.add(file);
        });
    }

    /** The paper's methods for this configuration that no baseline here implements (and not RL² itself). */
    private List<String> paperOnly(PublishedResults paper, EnvSpec spec, List<Outcomes> ours) {
        Set<String> implemented = new HashSet<>(Set.of("rl2"));
        ours.forEach(o -> implemented.add(o.label()));
        return paper.rows().stream().filter(r -> r.env().equals(table.plugin())).map(PublishedResults.Row::method)
                .distinct().filter(m -> !implemented.contains(m) && table.published(paper, spec, m).isPresent())
                .toList();
    }

    /**
     * Each trained policy against the best competing baseline (paired), against the table's target baseline when that
     * is another one (UCB1 for bandits, PSRL for MDPs), and the Bayes-optimal value where it ran.
     */
    private void compare(PrintWriter out, List<Outcomes> baselines, List<Outcomes> trained) {
        Outcomes best = baselines.stream().filter(o -> !REFERENCES.contains(o.label())).max(Comparator.comparingDouble(
                o -> o.trialReturn().mean())).orElse(null);
        Outcomes target = baselines.stream().filter(o -> o.label().equals(table.target()) && o != best).findFirst()
                .orElse(null);
        Outcomes optimum = baselines.stream().filter(o -> o.label().equals("bayes-optimal")).findFirst().orElse(null);
        for (Outcomes o : trained) {
            StringBuilder line = new StringBuilder(o.label());
            if (best != null) {
                line.append(" − ").append(best.label()).append(" (best baseline): ").append(Cells.signed(o
                        .trialReturnMinus(best), 2)).append(" per trial, paired on the same tasks and seeds");
            }
            if (target != null) {
                line.append("; − ").append(target.label()).append(": ").append(Cells.signed(o.trialReturnMinus(
                        target), 2));
            }
            if (optimum != null) {
                line.append("; ").append(Cells.number(100 * o.trialReturn().mean() / optimum.trialReturn().mean(), 1))
                        .append("% of bayes-optimal");
            }
            out.println(line);
        }
    }

    private Chart chart(EnvSpec spec, int trials, String tasks, List<Outcomes> baselines,
            List<Outcomes> trained) {
        List<Chart.Series> series = new ArrayList<>();
        List<Outcomes> all = new ArrayList<>(baselines);
        all.addAll(trained);
        int n = spec.episodesPerTrial();
        for (Outcomes o : all) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int e = 0; e < n; e++) {
                x[e] = e + 1;
                y[e] = o.cumulativeReturn(e).mean();
            }
            series.add(new Chart.Series(o.label(), x, y, null));
        }
        return new Chart(Chart.Kind.LINES, "Cumulative reward, " + table.describe(spec) + " (mean of " + trials
                + " " + tasks + " trials)", table.index(), "cumulative reward", series);
    }
}
