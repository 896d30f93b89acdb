package dev.metapilot.locomotion;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.testing.TrialHarness;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the README's baseline tables: return per episode (mean ± 95% CI) and success rate on 1000 TEST trials of 4
 * episodes for each target family and baseline, with the trial loop of the API's {@code TrialHarness} (seed 0), and the
 * PID's return on TRAIN, in-range TEST and out-of-range TEST tasks. Not part of the normal build; run with
 * {@code ./mvnw -B -o -pl plugins/locomotion test -Dtest=BaselinesReport -Dmetapilot.report=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "metapilot.report", matches = "true")
class BaselinesReport {

    private static final int TRIALS = 1000;
    private static final int EPISODES = 4;

    @Test
    void returnsPerEpisodeOnTestTasks() {
        StringBuilder out = new StringBuilder();
        out.append("| target | baseline | episode 1 | episode 2 | episode 3 | episode 4 | success 1 | success 4 |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (TargetFamily family : TargetFamily.values()) {
            LocomotionFactory f = new LocomotionFactory(new LocomotionConfig(family, EPISODES, 5, 20, 200, true));
            TrialHarness h = new TrialHarness(f);
            for (Baseline b : f.baselines()) {
                TrialHarness.Results r = h.run(b, Split.TEST, TRIALS, EPISODES, 0);
                out.append("| ").append(family.optionValue()).append(" | ").append(b.name()).append(" |");
                for (int e = 0; e < EPISODES; e++) {
                    double[] column = new double[TRIALS];
                    for (int t = 0; t < TRIALS; t++) {
                        column[t] = r.returns()[t][e];
                    }
                    out.append(' ').append(cell(column)).append(" |");
                }
                out.append(String.format(Locale.ROOT, " %.1f%% | %.1f%% |%n", 100 * r.successRate(0),
                        100 * r.successRate(EPISODES - 1)));
            }
        }
        out.append("\n| target | PID on TRAIN | TEST in-range | TEST out-of-range |\n|---|---|---|---|\n");
        for (TargetFamily family : TargetFamily.values()) {
            LocomotionFactory f = new LocomotionFactory(new LocomotionConfig(family, 1, 5, 20, 200, true));
            TrialHarness h = new TrialHarness(f);
            Baseline pid = f.baselines().get(1);
            double[] train = firstEpisodes(h.run(pid, Split.TRAIN, TRIALS, 1, 0));
            double[] test = firstEpisodes(h.run(pid, Split.TEST, TRIALS, 1, 0));
            int in = 0;
            for (int t = 0; t < TRIALS; t++) {
                in += f.tasks().sample(Split.TEST, t).regime().equals("in-range") ? 1 : 0;
            }
            double[] inRange = new double[in];
            double[] outOfRange = new double[TRIALS - in];
            for (int t = 0, i = 0, o = 0; t < TRIALS; t++) {
                if (f.tasks().sample(Split.TEST, t).regime().equals("in-range")) {
                    inRange[i++] = test[t];
                } else {
                    outOfRange[o++] = test[t];
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s (%d) | %s (%d) |%n", family.optionValue(), cell(
                    train), cell(inRange), in, cell(outOfRange), TRIALS - in));
        }
        System.out.print(out);
    }

    private static double[] firstEpisodes(TrialHarness.Results r) {
        double[] out = new double[r.returns().length];
        for (int t = 0; t < out.length; t++) {
            out[t] = r.returns()[t][0];
        }
        return out;
    }

    private static String cell(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean) / (values.length - 1);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", mean, 1.96 * Math.sqrt(var / values.length));
    }
}
