package dev.metapilot.bandit.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.bandit.PublishedResults;
import dev.metapilot.bandit.Rl2Statistics;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tabular-MDP baselines on the RL² Table 2 protocol (10 states, 5 actions, horizon 10, n = 10 episodes), 1000 TEST
 * trials each: the ordering oracle > psrl > random, the oracle's simulated return against its value-iteration value,
 * and psrl, greedy and ε-greedy against the published figures.
 */
class Rl2Table2Test {

    private static final int TRIALS = 1000;
    private final TabularMdpFactory factory = new TabularMdpFactory(new TabularMdpConfig(10, 5, 10, 10));
    private final TrialHarness harness = new TrialHarness(factory);

    private double[] returns(String name) {
        Baseline b = factory.baselines().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return Rl2Statistics.trialReturns(harness.run(b, Split.TEST, TRIALS, 10, 1));
    }

    @Test
    void oracleBeatsPsrlBeatsRandomWithMargins() {
        double oracle = Rl2Statistics.mean(returns("oracle"));
        double psrl = Rl2Statistics.mean(returns("psrl"));
        double random = Rl2Statistics.mean(returns("random"));
        assertThat(random).isCloseTo(100, within(3.0)); // mean reward 1 per step, 100 steps
        assertThat(psrl).isGreaterThan(random + 25);
        assertThat(oracle).isGreaterThan(psrl + 50);
    }

    @Test
    void oracleEarnsItsValueIterationValue() {
        double[] r = returns("oracle");
        double expected = 0;
        for (int t = 0; t < TRIALS; t++) {
            TabularMdpTask task = (TabularMdpTask) factory.tasks().sample(Split.TEST, t);
            expected += 10 * OracleBaseline.solve(task, 10).value(0, 0) / TRIALS;
        }
        // the tasks are the same, so only the reward and transition noise separates the two
        assertThat(Rl2Statistics.mean(r)).isCloseTo(expected, within(4 * Rl2Statistics.standardError(r)));
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {10, 25})
    void psrlGreedyAndEpsilonGreedyMatchThePublishedTable(int n) {
        TabularMdpFactory f = new TabularMdpFactory(new TabularMdpConfig(10, 5, n, 10));
        TrialHarness h = new TrialHarness(f);
        PublishedResults published = PublishedResults.load();
        for (String name : new String[]{"random", "psrl", "greedy", "epsilon-greedy"}) {
            Baseline b = f.baselines().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            double[] r = Rl2Statistics.trialReturns(h.run(b, Split.TEST, TRIALS, n, 1));
            double paper = published.tabularMdp(n, name).orElseThrow();
            assertThat(Rl2Statistics.mean(r)).as("%s at n=%d: ours %.1f ± %.1f vs RL² %.1f", name, n,
                    Rl2Statistics.mean(r), Rl2Statistics.standardError(r), paper)
                    .isCloseTo(paper, within(Rl2Statistics.tolerance(r)));
        }
    }
}
