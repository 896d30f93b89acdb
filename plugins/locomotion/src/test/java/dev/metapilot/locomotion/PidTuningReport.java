package dev.metapilot.locomotion;

import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import dev.metapilot.locomotion.physics.RobotBody;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How {@link PidBaseline#TUNED} was chosen: on TRAIN tasks of the {@code both} family (speed and heading loops both
 * exercised), maximise the mean episode return over 500 tasks; first a grid of every gain at ½, 1 and 2 times a hand
 * start, then a pattern search (each gain times and divided by 2, √2, ⁴√2 while that helps). Not part of the normal
 * build; run with
 * {@code ./mvnw -B -o -pl plugins/locomotion test -Dtest=PidTuningReport -Dmetapilot.report=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "metapilot.report", matches = "true")
class PidTuningReport {

    private static final int TASKS = 500;
    private final TrialHarness harness = new TrialHarness(
            new LocomotionFactory(new LocomotionConfig(TargetFamily.BOTH, 1, 5, 20, 200, true)));

    @Test
    void tunePidOnTrainTasks() {
        double[] start = {3, 3, 1, 3, 0.1, 0.3};
        double[] best = start;
        double bestReturn = Double.NEGATIVE_INFINITY;
        double[] factors = {0.5, 1, 2};
        int[] index = new int[start.length];
        for (int combo = 0; combo < Math.pow(factors.length, start.length); combo++) {
            int c = combo;
            double[] g = new double[start.length];
            for (int i = 0; i < g.length; i++) {
                index[i] = c % factors.length;
                c /= factors.length;
                g[i] = start[i] * factors[index[i]];
            }
            double r = evaluate(g);
            if (r > bestReturn) {
                bestReturn = r;
                best = g;
            }
        }
        System.out.printf(Locale.ROOT, "grid: %s -> %.4f%n", Arrays.toString(best), bestReturn);
        for (double step : new double[]{2, Math.sqrt(2), Math.pow(2, 0.25)}) {
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int i = 0; i < best.length; i++) {
                    for (double m : new double[]{step, 1 / step}) {
                        double[] g = best.clone();
                        g[i] *= m;
                        double r = evaluate(g);
                        if (r > bestReturn + 1e-4) {
                            bestReturn = r;
                            best = g;
                            improved = true;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "pattern x%.3f: %s -> %.4f%n", step, Arrays.toString(best), bestReturn);
        }
        double[] rounded = Arrays.stream(best).map(PidTuningReport::twoDigits).toArray();
        System.out.printf(Locale.ROOT, "rounded: %s -> %.4f; fixed gains %s -> %.4f%n", Arrays.toString(rounded),
                evaluate(rounded), PidBaseline.TUNED, evaluate(new double[]{PidBaseline.TUNED.headingGain(),
                        PidBaseline.TUNED.maxTurnRate(), PidBaseline.TUNED.speedP(), PidBaseline.TUNED.speedI(),
                        PidBaseline.TUNED.yawP(), PidBaseline.TUNED.yawI()}));
    }

    private double evaluate(double[] g) {
        TwistController.Gains gains = new TwistController.Gains(g[0], g[1], g[2], g[3], g[4], g[5]);
        return harness.run(new PidBaseline(gains, 0.05, RobotBody.STANDARD), Split.TRAIN, TASKS, 1, 0)
                .meanTrialReturn();
    }

    private static double twoDigits(double v) {
        double scale = Math.pow(10, 1 - Math.floor(Math.log10(v)));
        return Math.round(v * scale) / scale;
    }
}
