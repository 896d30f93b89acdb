package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BayesOptimalTest {

    /**
     * Independent reference: the same Bellman equation over labelled per-arm counts, without the symmetry reduction or
     * the bit-packed keys.
     */
    private static double bruteForce(int[] s, int[] f, int left, Map<String, Double> memo) {
        if (left == 0) {
            return 0;
        }
        String key = java.util.Arrays.toString(s) + java.util.Arrays.toString(f);
        Double known = memo.get(key);
        if (known != null) {
            return known;
        }
        double best = 0;
        for (int a = 0; a < s.length; a++) {
            double mu = (s[a] + 1.0) / (s[a] + f[a] + 2.0);
            s[a]++;
            double win = bruteForce(s, f, left - 1, memo);
            s[a]--;
            f[a]++;
            double lose = bruteForce(s, f, left - 1, memo);
            f[a]--;
            best = Math.max(best, mu * (1 + win) + (1 - mu) * lose);
        }
        memo.put(key, best);
        return best;
    }

    @Property(tries = 40)
    void rootValueEqualsTheUnreducedDynamicProgram(@ForAll @IntRange(min = 2, max = 4) int arms,
            @ForAll @IntRange(min = 1, max = 8) int pulls) {
        double expected = bruteForce(new int[arms], new int[arms], pulls, new HashMap<>());
        assertThat(BeliefValueTable.compute(arms, pulls).rootValue()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void smallCasesByHand() {
        assertThat(BeliefValueTable.compute(2, 1).rootValue()).isEqualTo(0.5);
        // pull once; after a success stay (2/3), after a failure switch (1/2): 1/2 (1 + 2/3) + 1/2 (1/2)
        assertThat(BeliefValueTable.compute(2, 2).rootValue()).isCloseTo(13.0 / 12.0, within(1e-15));
    }

    @Test
    void fitsEveryTenPullSettingButNoLongerOne() {
        for (int k : new int[]{5, 10, 50}) {
            assertThat(BeliefValueTable.fits(k, 10)).isTrue();
            assertThat(BeliefValueTable.fits(k, 100)).isFalse();
            assertThat(BeliefValueTable.fits(k, 500)).isFalse();
        }
        assertThat(BeliefValueTable.fits(5, 25)).isTrue();
        assertThatThrownBy(() -> BeliefValueTable.compute(5, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pulls=100").hasMessageContaining("bit");
        assertThatThrownBy(() -> BeliefValueTable.compute(5, 30)).hasMessageContaining("belief states");
        assertThatThrownBy(() -> new BayesOptimalBaseline(5, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableForTenArmsAndTenPullsIsSmallAndFast() {
        long start = System.nanoTime();
        BeliefValueTable table = BeliefValueTable.compute(10, 10);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(table.storedStates()).isLessThan(5_000);
        // with ten pulls, fifty arms are no better than ten: a fresh arm is always left
        assertThat(BeliefValueTable.compute(50, 10).rootValue()).isCloseTo(table.rootValue(), within(1e-12));
    }

    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {5, 10, 50})
    void simulatedMeanMatchesTheRootValue(int k) {
        BanditFactory factory = new BanditFactory(new BanditConfig(k, 10));
        BayesOptimalBaseline bo = (BayesOptimalBaseline) baseline(factory, "bayes-optimal");
        double[] returns = Rl2Statistics
                .trialReturns(new TrialHarness(factory).run(bo, Split.TEST, 20_000, 10, 3));
        assertThat(Rl2Statistics.mean(returns)).isCloseTo(bo.table().rootValue(),
                within(3 * Rl2Statistics.standardError(returns)));
    }

    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {5, 10, 50})
    void beatsEveryOtherBaselineOnTheSameTasks(int k) {
        BanditFactory factory = new BanditFactory(new BanditConfig(k, 10));
        TrialHarness harness = new TrialHarness(factory);
        double[] optimal = Rl2Statistics
                .trialReturns(harness.run(baseline(factory, "bayes-optimal"), Split.TEST, 5000, 10, 5));
        for (Baseline other : factory.baselines()) {
            if (other.name().equals("bayes-optimal")) {
                continue;
            }
            double[] returns = Rl2Statistics.trialReturns(harness.run(other, Split.TEST, 5000, 10, 5));
            double[] diff = Rl2Statistics.difference(optimal, returns);
            // paired on the same tasks and reward draws: the mean advantage is not significantly negative
            assertThat(Rl2Statistics.mean(diff)).as("bayes-optimal minus %s at k=%d", other.name(), k)
                    .isGreaterThan(-3 * Rl2Statistics.standardError(diff));
        }
    }

    private static Baseline baseline(BanditFactory factory, String name) {
        return factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }
}
