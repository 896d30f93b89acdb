package dev.metapilot.bandit;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints our bandit baselines beside RL²'s published Table 1 (1000 TEST trials per cell) as the Markdown of the README.
 * Not part of the normal build; run with
 * {@code ./mvnw -B -o -pl plugins/bandit test -Dtest='Rl2Table*Report' -Dmetapilot.report=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "metapilot.report", matches = "true")
class Rl2Table1Report {

    private static final int TRIALS = 1000;
    private final PublishedResults published = PublishedResults.load();

    private static String cell(double[] r) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", Rl2Statistics.mean(r), Rl2Statistics.standardError(r));
    }

    private static String paper(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "–";
    }

    private static Baseline find(EnvironmentFactory f, String name) {
        return f.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void banditTable() {
        StringBuilder out = new StringBuilder();
        out.append(
                "| n, k | random | greedy | ε-greedy (ε) | UCB1 (c) | Thompson | Gittins | Bayes-optimal: simulated / DP"
                        + " |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        StringBuilder paper = new StringBuilder();
        paper.append("| n, k | Random | Gittins | TS | OTS | UCB1 | ε-Greedy | Greedy | RL² |\n");
        paper.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int n : new int[]{10, 100, 500}) {
            for (int k : new int[]{5, 10, 50}) {
                BanditFactory f = new BanditFactory(new BanditConfig(k, n));
                TrialHarness h = new TrialHarness(f);
                StringBuilder row = new StringBuilder("| " + n + ", " + k + " |");
                for (String name : List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins",
                        "bayes-optimal")) {
                    Baseline b = find(f, name);
                    if (b == null) {
                        row.append(" not offered |");
                        continue;
                    }
                    double[] r = Rl2Statistics.trialReturns(h.run(b, Split.TEST, TRIALS, n, 1));
                    row.append(' ').append(cell(r));
                    if (b instanceof EpsilonGreedyBaseline e) {
                        row.append(" (").append(e.epsilon()).append(')');
                    } else if (b instanceof Ucb1Baseline u) {
                        row.append(" (").append(u.c()).append(')');
                    } else if (b instanceof BayesOptimalBaseline bo) {
                        row.append(String.format(Locale.ROOT, " / %.3f", bo.table().rootValue()));
                    }
                    row.append(" |");
                }
                out.append(row).append('\n');
                paper.append("| ").append(n).append(", ").append(k).append(" |");
                for (String m : List.of("random", "gittins", "thompson", "ots", "ucb1", "epsilon-greedy", "greedy",
                        "rl2")) {
                    paper.append(' ').append(paper(published.bandit(n, k, m))).append(" |");
                }
                paper.append('\n');
            }
        }
        System.out.println("\n### Ours (1000 TEST trials, mean ± standard error)\n\n" + out);
        System.out.println("\n### RL² Table 1 (published)\n\n" + paper);
    }
}
