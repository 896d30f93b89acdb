package dev.metapilot.agent.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.testing.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The loop's deadline and period accounting on a hand-driven clock: absolute deadlines (no drift), lateness and period
 * error, deadline misses without a burst of catch-up ticks, consecutive-miss runs, re-anchoring after a pause.
 */
class FixedRateLoopTest {

    private static final long MS = 1_000_000L;

    private final ManualClock clock = new ManualClock();
    private final FixedRateLoop loop = new FixedRateLoop(clock, 10 * MS);

    @Test
    void onTimeTicksHaveNoErrorAndNoMiss() {
        loop.start();
        for (int i = 0; i < 100; i++) {
            clock.advance(3 * MS);
            assertThat(loop.awaitNextTick()).isZero();
        }
        assertThat(loop.ticks()).isEqualTo(101);
        assertThat(loop.misses()).isZero();
        assertThat(loop.periodErrors().count()).isEqualTo(100);
        assertThat(loop.periodErrors().maxMicros()).isZero();
        assertThat(loop.lateness().maxMicros()).isZero();
    }

    @Test
    void deadlinesAreAbsoluteSoOversleepingDoesNotDrift() {
        clock.oversleep(2 * MS);
        loop.start();
        long origin = clock.nanoTime();
        for (int k = 1; k <= 50; k++) {
            clock.advance(1 * MS);
            loop.awaitNextTick();
            assertThat(loop.tickStartNanos()).isEqualTo(origin + k * 10 * MS + 2 * MS);
        }
        // every tick is 2 ms late, but only the first period is 2 ms long: the phase holds
        assertThat(loop.lateness().quantileMicros(0.5)).isEqualTo(2000);
        assertThat(loop.periodErrors().quantileMicros(0.5)).isZero();
        assertThat(loop.periodErrors().maxMicros()).isEqualTo(2000);
        assertThat(loop.misses()).isZero();
    }

    @Test
    void anOverrunCountsTheDeadlinesItMissedAndStartsTheLatestTickLateWithoutABurst() {
        loop.start();
        long origin = clock.nanoTime();
        clock.advance(25 * MS); // the work of tick 0 ran past the deadlines of ticks 1 and 2
        assertThat(loop.awaitNextTick()).isEqualTo(2);
        assertThat(clock.sleeps()).isZero();
        assertThat(loop.tickStartNanos()).isEqualTo(origin + 25 * MS);
        assertThat(loop.latenessNanos()).isEqualTo(5 * MS);
        assertThat(loop.consecutiveMisses()).isEqualTo(2);
        clock.advance(1 * MS);
        assertThat(loop.awaitNextTick()).isZero(); // tick 3, on time: no tick 1 or 2 is run afterwards
        assertThat(loop.tickStartNanos()).isEqualTo(origin + 30 * MS);
        assertThat(loop.consecutiveMisses()).isZero();
        assertThat(loop.misses()).isEqualTo(2);
        assertThat(loop.longestMissRun()).isEqualTo(2);
        assertThat(loop.periodErrors().maxMicros()).isEqualTo(15_000); // 25 ms instead of 10
    }

    @Test
    void lateTicksInARowAddUpAndAnOnTimeTickEndsTheRun() {
        loop.start();
        for (int i = 0; i < 3; i++) {
            clock.advance(12 * MS);
            assertThat(loop.awaitNextTick()).isEqualTo(1);
        }
        assertThat(loop.consecutiveMisses()).isEqualTo(3);
        clock.advance(1 * MS);
        loop.awaitNextTick();
        assertThat(loop.consecutiveMisses()).isZero();
        assertThat(loop.longestMissRun()).isEqualTo(3);
        assertThat(loop.report().misses()).isEqualTo(3);
    }

    @Test
    void startReanchorsTheDeadlinesAfterAPauseAndClearsTheAccounting() {
        loop.start();
        clock.advance(25 * MS);
        loop.awaitNextTick();
        clock.advance(5_000 * MS); // an episode reset that waits for the robot to stand still
        loop.start();
        long origin = clock.nanoTime();
        assertThat(loop.awaitNextTick()).isZero();
        assertThat(loop.tickStartNanos()).isEqualTo(origin + 10 * MS);
        assertThat(loop.misses()).isZero();
        assertThat(loop.longestMissRun()).isZero();
        assertThat(loop.periodErrors().count()).isEqualTo(1);
    }

    @Test
    void refusesToWaitBeforeStartAndNonsenseRates() {
        assertThatThrownBy(loop::awaitNextTick).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FixedRateLoop.atRate(clock, 0)).hasMessageContaining("rate");
        assertThat(FixedRateLoop.atRate(clock, 200).periodNanos()).isEqualTo(5 * MS);
    }

    @Test
    void theHistogramGivesPercentilesToTheMicrosecondAndAnExactMaximum() {
        JitterHistogram h = new JitterHistogram();
        for (int us = 1; us <= 100; us++) {
            h.record(-us * 1000L - 400); // magnitudes count, not signs
        }
        h.record(123_456_789L);
        assertThat(h.count()).isEqualTo(101);
        assertThat(h.quantileMicros(0.5)).isEqualTo(51);
        assertThat(h.quantileMicros(0.99)).isEqualTo(100);
        assertThat(h.quantileMicros(1.0)).isEqualTo(123_456.789);
        assertThat(h.maxMicros()).isEqualTo(123_456.789);
        JitterHistogram sum = new JitterHistogram();
        sum.addAll(h);
        sum.addAll(h);
        assertThat(sum.count()).isEqualTo(202);
        h.clear();
        assertThat(h.quantileMicros(0.99)).isZero();
    }
}
