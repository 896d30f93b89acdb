package dev.metapilot.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.EpisodeStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static String table(boolean goal) {
        EpisodeStats stats = new EpisodeStats();
        for (int trial = 0; trial < 4; trial++) {
            for (int episode = 0; episode < 2; episode++) {
                stats.episodeEnded(new EpisodeRecord("p", trial, episode, "t" + trial, 3, 1.0, false, 0,
                        EpisodeRecord.End.TRUNCATED));
            }
        }
        StringWriter text = new StringWriter();
        ResultTable.print(new PrintWriter(text, true), List.of(new ResultTable.Row("p", stats)), 2, goal);
        return text.toString();
    }

    @Test
    void anEnvironmentWithAGoalShowsItsMeasuredSuccessRate() {
        assertThat(table(true)).containsPattern("p +1 +3.00 ± 0.00 +1.00 ± 0.00 +0.00 ± \\d+\\.\\d\\d +0 +2.00");
    }

    @Test
    void anEnvironmentWithoutAGoalShowsNoSuccessRateRatherThanZero() {
        String text = table(false);
        assertThat(text).containsPattern("p +1 +3.00 ± 0.00 +1.00 ± 0.00 +- +0 +2.00");
    }
}
