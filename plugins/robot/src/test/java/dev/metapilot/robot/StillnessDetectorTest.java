package dev.metapilot.robot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** At rest means: within the travel budget for a whole window. */
class StillnessDetectorTest {

    private static final long MS = 1_000_000L;

    private final StillnessDetector still = new StillnessDetector(0.01, 0.5);

    @Test
    void aRobotWithinTheBudgetForAWholeWindowIsAtRest() {
        assertThat(still.update(0, 0, 0)).isFalse();
        assertThat(still.update(0.004, -0.004, 250 * MS)).as("4 mm of a 5 mm budget, half a window").isFalse();
        assertThat(still.update(0.004, -0.004, 500 * MS)).isTrue();
    }

    @Test
    void travelBeyondTheBudgetRestartsTheWindow() {
        still.update(0, 0, 0);
        assertThat(still.update(0.006, 0, 400 * MS)).isFalse();
        assertThat(still.update(0.006, 0, 800 * MS)).as("only 400 ms since the restart").isFalse();
        assertThat(still.update(0.006, 0, 900 * MS)).isTrue();
        still.restart();
        assertThat(still.update(0.006, 0, 901 * MS)).isFalse();
    }
}
