package dev.metapilot.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code metapilot bench-loop} as a smoke run (one second at one rate, one link cut): it prints its table and the
 * link-loss lines. The figures themselves are for the README, measured with longer runs.
 */
class BenchLoopCommandTest {

    @Test
    void printsTheTimingTableAndTheLinkLossFigures() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[]{"bench-loop", "--rates", "50", "--seconds", "1", "--cuts", "1"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(rc).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("real-time loop against the emulator on loopback", "PERIOD ERROR "
                + "p50/p99/max µs", "link cut at 20 Hz (command TTL 150 ms), 1 cuts:",
                "cut to motors stopped (MCU TTL watchdog):", "cut to the agent's safe stop:").containsPattern(
                        "50 Hz +50 +\\d+ ");
    }
}
