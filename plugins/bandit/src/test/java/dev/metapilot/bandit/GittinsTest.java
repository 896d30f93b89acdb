package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GittinsTest {

    private static final GittinsIndexTable TABLE_20 = GittinsIndexTable.compute(20);

    @Test
    void withOnePullLeftTheIndexIsThePosteriorMean() {
        for (int s = 0; s < 20; s++) {
            for (int f = 0; s + f < 20; f++) {
                assertThat(TABLE_20.index(s, f, 1)).isCloseTo((s + 1.0) / (s + f + 2.0), within(1e-6));
            }
        }
    }

    @Test
    void theIndexIsAtLeastTheMeanAndGrowsWithThePullsLeft() {
        for (int s = 0; s < 20; s++) {
            for (int f = 0; s + f < 20; f++) {
                double previous = TABLE_20.index(s, f, 1);
                for (int left = 2; s + f + left <= 20; left++) {
                    double index = TABLE_20.index(s, f, left);
                    assertThat(index).as("s=%d f=%d left=%d", s, f, left).isGreaterThanOrEqualTo(previous - 1e-4);
                    previous = index;
                }
            }
        }
        assertThat(TABLE_20.index(0, 0, 20)).as("a fresh arm with 20 pulls left is worth exploring").isGreaterThan(
                0.6);
    }

    @Test
    void matchesAnIndependentCalibrationByBisection() {
        int[][] states = {{0, 0, 20}, {0, 0, 10}, {1, 0, 5}, {0, 1, 12}, {3, 2, 8}, {0, 4, 16}, {5, 0, 15}, {2, 2, 2}};
        for (int[] st : states) {
            double exact = bisect(st[0], st[1], st[2]);
            assertThat(TABLE_20.index(st[0], st[1], st[2])).as("s=%d f=%d left=%d", st[0], st[1], st[2])
                    .isCloseTo(exact, within(1.5 / GittinsIndexTable.GRID));
        }
    }

    /** The calibration value by bisection on λ, each λ by plain recursion over the arm's future (s, f). */
    private static double bisect(int s, int f, int left) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double lambda = (lo + hi) / 2;
            if (continueValue(s, f, left, lambda, new HashMap<>()) > lambda * left) {
                lo = lambda;
            } else {
                hi = lambda;
            }
        }
        return (lo + hi) / 2;
    }

    private static double continueValue(int s, int f, int left, double lambda, Map<Long, Double> memo) {
        double mu = (s + 1.0) / (s + f + 2.0);
        return mu * (1 + stopValue(s + 1, f, left - 1, lambda, memo)) + (1 - mu) * stopValue(s, f + 1, left - 1,
                lambda, memo);
    }

    private static double stopValue(int s, int f, int left, double lambda, Map<Long, Double> memo) {
        if (left == 0) {
            return 0;
        }
        long key = ((long) s << 40) | ((long) f << 20) | left;
        Double known = memo.get(key);
        if (known != null) {
            return known;
        }
        double v = Math.max(lambda * left, continueValue(s, f, left, lambda, memo));
        memo.put(key, v);
        return v;
    }

    @Test
    void rejectsStatesOutsideTheTableAndHorizonsItDoesNotCompute() {
        assertThatThrownBy(() -> TABLE_20.index(10, 10, 1)).hasMessageContaining("s=10, f=10, 1 pulls left");
        assertThatThrownBy(() -> TABLE_20.index(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GittinsIndexTable.compute(GittinsIndexTable.MAX_PULLS + 1)).hasMessageContaining(
                "1.." + GittinsIndexTable.MAX_PULLS);
        BanditFactory longTrials = new BanditFactory(new BanditConfig(5, 500));
        assertThat(longTrials.baselines()).extracting(Baseline::name).doesNotContain("gittins");
    }

    @Test
    void pullsTheArmOfHighestIndexWithTiesToTheLowest() {
        assertThat(TABLE_20.bestArm(new int[3], new int[3], 0)).isZero();
        // after arm 0 failed once, a fresh arm has the higher index
        assertThat(TABLE_20.bestArm(new int[]{0, 0, 0}, new int[]{1, 0, 0}, 1)).isEqualTo(1);
        // with one pull left, the highest posterior mean: 2/3 (1 of 1) beats 1/2
        assertThat(TABLE_20.bestArm(new int[]{0, 1, 9}, new int[]{0, 0, 9}, 19)).isEqualTo(1);
        // past the horizon, the highest posterior mean
        assertThat(TABLE_20.bestArm(new int[]{0, 1, 12}, new int[]{0, 0, 8}, 21)).isEqualTo(1);
    }

    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {5, 10})
    void comesWithinOnePercentOfBayesOptimalOverTenPulls(int k) {
        BanditFactory factory = new BanditFactory(new BanditConfig(k, 10));
        BayesOptimalBaseline optimal = (BayesOptimalBaseline) baseline(factory, "bayes-optimal");
        double[] returns = Rl2Statistics.trialReturns(new TrialHarness(factory).run(baseline(factory, "gittins"),
                Split.TEST, 20_000, 10, 3));
        assertThat(Rl2Statistics.mean(returns) + 3 * Rl2Statistics.standardError(returns)).isGreaterThan(0.99
                * optimal.table().rootValue());
    }

    @Test
    void isNotWorseThanTunedUcb1OverAHundredPulls() {
        BanditFactory factory = new BanditFactory(new BanditConfig(10, 100));
        TrialHarness harness = new TrialHarness(factory);
        double[] gittins = Rl2Statistics.trialReturns(harness.run(baseline(factory, "gittins"), Split.TEST, 2000,
                100, 7));
        double[] ucb1 = Rl2Statistics.trialReturns(harness.run(baseline(factory, "ucb1"), Split.TEST, 2000, 100, 7));
        double[] diff = Rl2Statistics.difference(gittins, ucb1);
        assertThat(Rl2Statistics.mean(diff)).as("gittins minus ucb1, paired").isGreaterThan(-3 * Rl2Statistics
                .standardError(diff));
    }

    @Test
    void theExpertOptionPutsGittinsNextArmInThePrivilegedFeatures() {
        BanditFactory factory = new BanditFactory(BanditConfig.from(config(Map.of("arms", "3", "pulls", "20",
                "expert", "gittins"))));
        GittinsBaseline gittins = (GittinsBaseline) baseline(factory, "gittins");
        try (Environment env = factory.create()) {
            PrivilegedFeatures privileged = (PrivilegedFeatures) env;
            env.setTask(new BanditTask("fixed", new double[]{0.0, 0.0, 1.0}));
            float[] f = new float[6];
            int[] arms = {0, 1, 2, 2, 0};
            ArmCounts counts = new ArmCounts(3);
            for (int arm : arms) {
                privileged.writePrivilegedFeatures(f, 0);
                int expected = gittins.nextArm(counts);
                for (int a = 0; a < 3; a++) {
                    assertThat(f[3 + a]).isEqualTo(a == expected ? 1f : 0f);
                }
                BanditEnvironmentTest.pull(env, arm);
                counts.record(arm, arm == 2);
            }
            assertThat(counts.pulls()).isEqualTo(5);
        }
    }

    @Test
    void theExpertOptionIsChecked() {
        assertThatThrownBy(() -> BanditConfig.from(config(Map.of("expert", "oracle")))).hasMessageContaining(
                "expert").hasMessageContaining("oracle").hasMessageContaining("ucb1, gittins");
        assertThatThrownBy(() -> BanditConfig.from(config(Map.of("pulls", "500", "expert", "gittins"))))
                .hasMessageContaining("expert").hasMessageContaining("pulls <= 200");
        assertThat(BanditConfig.from(config(Map.of())).expert()).isEqualTo("ucb1");
    }

    private static EnvConfig config(Map<String, String> values) {
        return EnvConfig.resolve("bandit", BanditConfig.OPTIONS, values);
    }

    private static Baseline baseline(BanditFactory factory, String name) {
        return factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }
}
