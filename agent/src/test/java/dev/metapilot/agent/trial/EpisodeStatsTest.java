package dev.metapilot.agent.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EpisodeStatsTest {

    private static EpisodeStats.Estimate proportion(int successes, int n) {
        return EpisodeStats.proportion(successes, n);
    }

    @Test
    void aPerfectSuccessRateStillHasAnInterval() {
        // Wilson, 1000 of 1000: [0.99617, 1]; the normal approximation would say ± 0
        EpisodeStats.Estimate e = proportion(1000, 1000);
        assertThat(e.mean()).isEqualTo(1.0);
        assertThat(e.halfWidth()).isCloseTo(0.00383, within(1e-5));
        assertThat(proportion(0, 50).halfWidth()).as("none of 50: [0, 0.0714]").isCloseTo(0.07135, within(1e-4));
    }

    @Test
    void midRangeRatesAgreeWithTheNormalApproximation() {
        // 500 of 1000: Wilson [0.4691, 0.5309]; normal ± 1.96 · sqrt(0.25 / 1000) = 0.0310
        assertThat(proportion(500, 1000).halfWidth()).isCloseTo(0.0309, within(2e-4));
        // 990 of 1000: Wilson [0.98170, 0.99457]: the wider side is below the mean
        assertThat(proportion(990, 1000).halfWidth()).isCloseTo(0.99 - 0.98170, within(2e-4));
        assertThat(proportion(0, 0).halfWidth()).isZero();
    }
}
