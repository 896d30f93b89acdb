package dev.metapilot.locomotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import dev.metapilot.locomotion.physics.RobotBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final int TRIALS = 200;

    private static LocomotionFactory factory(TargetFamily family) {
        return new LocomotionFactory(new LocomotionConfig(family, 2, 5, 20, 200, true));
    }

    private static Baseline baseline(LocomotionFactory f, String name) {
        return f.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    private static double meanEpisodeReturn(TrialHarness.Results r) {
        return r.meanTrialReturn() / r.returns()[0].length;
    }

    @ParameterizedTest
    @EnumSource(TargetFamily.class)
    void pidBeatsRandomAndZeroByAWideMarginOnTestTasks(TargetFamily family) {
        LocomotionFactory f = factory(family);
        TrialHarness h = new TrialHarness(f);
        TrialHarness.Results pid = h.run(baseline(f, "pid"), Split.TEST, TRIALS, 2, 0);
        TrialHarness.Results random = h.run(baseline(f, "random"), Split.TEST, TRIALS, 2, 0);
        TrialHarness.Results zero = h.run(baseline(f, "zero"), Split.TEST, TRIALS, 2, 0);
        double p = meanEpisodeReturn(pid);
        assertThat(p).isGreaterThan(meanEpisodeReturn(random) + 5).isGreaterThan(meanEpisodeReturn(zero) + 4)
                .isGreaterThan(-2);
        assertThat(meanEpisodeReturn(random)).isLessThan(-5);
        assertThat(pid.successRate(1)).isGreaterThan(0.8);
        assertThat(random.successRate(1)).isLessThan(0.02);
    }

    @Test
    void pidTracksWorseOnOutOfRangeTestDynamicsThanOnTrainDynamics() {
        LocomotionFactory f = factory(TargetFamily.BOTH);
        TrialHarness h = new TrialHarness(f);
        Baseline pid = baseline(f, "pid");
        double train = meanEpisodeReturn(h.run(pid, Split.TRAIN, TRIALS, 1, 0));
        TrialHarness.Results test = h.run(pid, Split.TEST, 2 * TRIALS, 1, 0);
        double inRange = 0;
        double outOfRange = 0;
        int in = 0;
        int out = 0;
        for (int t = 0; t < test.returns().length; t++) {
            if (f.tasks().sample(Split.TEST, t).regime().equals("in-range")) {
                inRange += test.returns()[t][0];
                in++;
            } else {
                outOfRange += test.returns()[t][0];
                out++;
            }
        }
        inRange /= in;
        outOfRange /= out;
        assertThat(outOfRange).as("out-of-range TEST vs TRAIN").isLessThan(train - 0.2);
        assertThat(outOfRange).as("out-of-range vs in-range TEST").isLessThan(inRange - 0.2);
        assertThat(Math.abs(inRange - train)).as("in-range TEST is like TRAIN").isLessThan(0.1);
    }

    @Test
    void pidKeepsNothingBetweenEpisodesSoItsCurveIsFlat() {
        LocomotionFactory f = factory(TargetFamily.VELOCITY);
        TrialHarness.Results r = new TrialHarness(f).run(baseline(f, "pid"), Split.TEST, TRIALS, 2, 0);
        double first = 0;
        double second = 0;
        for (double[] trial : r.returns()) {
            first += trial[0] / TRIALS;
            second += trial[1] / TRIALS;
        }
        assertThat(Math.abs(first - second)).isLessThan(0.01);
    }

    @Test
    void theTunedGainsAreALocalOptimumOnTrainTasks() {
        TrialHarness h = new TrialHarness(factory(TargetFamily.BOTH));
        TwistController.Gains t = PidBaseline.TUNED;
        double[] g = {t.headingGain(), t.maxTurnRate(), t.speedP(), t.speedI(), t.yawP(), t.yawI()};
        double tuned = trainReturn(h, g);
        for (int i = 0; i < g.length; i++) {
            for (double factor : new double[]{0.5, 2}) {
                double[] changed = g.clone();
                changed[i] *= factor;
                assertThat(trainReturn(h, changed)).as("gain %d times %s", i, factor).isLessThan(tuned);
            }
        }
    }

    private static double trainReturn(TrialHarness h, double[] g) {
        TwistController.Gains gains = new TwistController.Gains(g[0], g[1], g[2], g[3], g[4], g[5]);
        return h.run(new PidBaseline(gains, 0.05, RobotBody.STANDARD), Split.TRAIN, TRIALS, 1, 0).meanTrialReturn();
    }

    @Test
    void pidNeedsALocomotionTaskAndValidGains() {
        Baseline pid = baseline(factory(TargetFamily.VELOCITY), "pid");
        assertThatThrownBy(() -> pid.start(() -> "maze-3", 0))
                .hasMessageContaining("pid needs a task with a drive target, got maze-3");
        assertThatThrownBy(() -> new TwistController.Gains(1, 1, -1, 1, 1, 1))
                .hasMessageContaining("gains must be finite and >= 0")
                .hasMessageContaining("[1.0, 1.0, -1.0, 1.0, 1.0, 1.0]");
        assertThatThrownBy(() -> new PidBaseline(PidBaseline.TUNED, 0, RobotBody.STANDARD))
                .hasMessageContaining("controlPeriod");
    }
}
