package dev.metapilot.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import dev.metapilot.sim.emulate.SoakBenchmark;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code metapilot soak} scaled down (three "minutes" of one second at 200 Hz, episodes of one second): a line per
 * minute and the summary with its verdict. The 30-minute figures are for the README, measured by hand.
 */
class SoakCommandTest {

    @Test
    void printsALinePerMinuteAndASummaryWithAVerdict() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[]{"soak", "--minutes", "3", "--minute-seconds", "1", "--episode-seconds",
                "1", "--rate", "200"}, new PrintWriter(out, true), new PrintWriter(err, true));
        String text = out.toString();
        assertThat(text).as(text + "\n" + err).contains("soak: robot plugin over the bridge", "MINUTE", "HEAP KiB")
                .containsPattern("(?m)^1 +\\d+ +[\\d.]+ +200 +\\d+ +0 +0 +0$").containsPattern(
                        "(?m)^3 +\\d+ +[\\d.]+ +600 +\\d+ +0 +0 +0$")
                .containsPattern(
                        "summary: 3 minutes, 600 steps, \\d+ deadline misses .*, 0 faults; .*slope "
                                + "n/a \\(too few minutes\\) over minutes 3\\.\\.3; flat");
        assertThat(rc).isZero();
    }

    @Test
    void theSlopeIsTheLeastSquaresGrowthAfterTheWarmUp() {
        SoakBenchmark.Faults none = new SoakBenchmark.Faults(0, 0, 0, 0);
        List<SoakBenchmark.Minute> m = List.of(new SoakBenchmark.Minute(1, 9_000_000, 0, 0, none, 0),
                new SoakBenchmark.Minute(2, 5_000_000, 0, 0, none, 0), new SoakBenchmark.Minute(3, 1_000, 0, 0, none,
                        0),
                new SoakBenchmark.Minute(4, 2_000, 0, 0, none, 0), new SoakBenchmark.Minute(5, 3_000, 0, 0, none, 0));
        assertThat(SoakBenchmark.slope(m, 2)).isEqualTo(1_000.0);
        assertThat(SoakBenchmark.slope(m, 4)).isNaN();
    }
}
