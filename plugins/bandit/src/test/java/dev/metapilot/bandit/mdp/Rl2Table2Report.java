package dev.metapilot.bandit.mdp;

import dev.metapilot.bandit.PublishedResults;
import dev.metapilot.bandit.Rl2Statistics;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints our tabular-MDP baselines beside RL²'s published Table 2 (1000 TEST trials per cell) as the Markdown of the
 * README. Not part of the normal build; run with
 * {@code ./mvnw -B -o -pl plugins/bandit test -Dtest='Rl2Table*Report' -Dmetapilot.report=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "metapilot.report", matches = "true")
class Rl2Table2Report {

    private static final int TRIALS = 1000;

    private static String cell(double[] r) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", Rl2Statistics.mean(r), Rl2Statistics.standardError(r));
    }

    private static String paper(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "–";
    }

    @Test
    void tabularMdpTable() {
        PublishedResults published = PublishedResults.load();
        StringBuilder out = new StringBuilder();
        out.append(
                "| n | random | oracle | psrl | psrl, N(1,1) prior | greedy | ε-greedy (ε) | bayes-ucb (c) | bayes-ucb-commit (m) | optimistic-vi (c) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder paper = new StringBuilder();
        paper.append("| n | Random | PSRL | OPSRL | UCRL2 | BEB | ε-Greedy | Greedy | RL² |\n");
        paper.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int n : new int[]{10, 25, 50, 75, 100}) {
            TabularMdpConfig config = new TabularMdpConfig(10, 5, n, 10);
            TabularMdpFactory f = new TabularMdpFactory(config);
            TrialHarness h = new TrialHarness(f);
            StringBuilder row = new StringBuilder("| " + n + " |");
            for (String name : List.of("random", "oracle", "psrl", "psrl-matched", "greedy", "epsilon-greedy",
                    BayesUcbBaseline.NAME, BayesUcbBaseline.COMMIT_NAME, OptimisticPlanningBaseline.NAME)) {
                Baseline b = name.equals("psrl-matched")
                        ? new PosteriorSamplingBaseline(config, TabularMdpTasks.REWARD_PRIOR_MEAN)
                        : f.baselines().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
                row.append(' ').append(cell(Rl2Statistics.trialReturns(h.run(b, Split.TEST, TRIALS, n, 1))));
                if (b instanceof CertaintyEquivalenceBaseline ce && name.equals("epsilon-greedy")) {
                    row.append(" (").append(ce.epsilon()).append(')');
                }
                if (b instanceof BayesUcbBaseline ucb) {
                    row.append(" (").append(name.equals(BayesUcbBaseline.NAME)
                            ? Double.toString(ucb.c())
                            : Integer.toString(ucb.commitEpisodes())).append(')');
                }
                if (b instanceof OptimisticPlanningBaseline vi) {
                    row.append(" (").append(vi.c()).append(')');
                }
                row.append(" |");
            }
            out.append(row).append('\n');
            paper.append("| ").append(n).append(" |");
            for (String m : List.of("random", "psrl", "opsrl", "ucrl2", "beb", "epsilon-greedy", "greedy", "rl2")) {
                paper.append(' ').append(paper(published.tabularMdp(n, m))).append(" |");
            }
            paper.append('\n');
        }
        System.out.println("\n### Tabular MDPs, ours (1000 TEST trials, mean ± standard error)\n\n" + out);
        System.out.println("\n### RL² Table 2 (published)\n\n" + paper);
    }
}
