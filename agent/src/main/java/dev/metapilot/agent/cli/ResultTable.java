package dev.metapilot.agent.cli;

import dev.metapilot.agent.trial.EpisodeStats;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the per-episode results of several policies as one table: steps, return and success rate with 95% confidence
 * half-widths per episode index, and the total return per trial. Long trials (bandits: one episode per pull) show a
 * selection of episode indices. Environments whose episodes have no goal ({@code EnvSpec.goal() == false}: bandits,
 * tabular MDPs) show "-" for the success rate, which would otherwise read as a measured 0%.
 */
final class ResultTable {

    /** One policy's statistics. */
    record Row(String policy, EpisodeStats stats) {}

    private ResultTable() {}

    /** No success rate: the environment's episodes have no goal. */
    static final String NO_GOAL = "-";

    static void print(PrintWriter out, List<Row> rows, int episodes, boolean goal) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[]{"POLICY", "EPISODE", "STEPS", "RETURN", "SUCCESS %", "FAULTS", "TRIAL RETURN"});
        for (Row row : rows) {
            List<EpisodeStats.Row> per = row.stats().rows();
            String trialReturn = format(row.stats().trialReturn(), 1);
            for (EpisodeStats.Row r : per) {
                if (!shown(r.episode(), per.size())) {
                    continue;
                }
                boolean first = r.episode() == 0;
                cells.add(new String[]{first ? row.policy() : "", Integer.toString(r.episode() + 1), format(r
                        .steps(), 1), format(r.totalReturn(), 1), goal ? format(r.success(), 100) : NO_GOAL,
                        Integer.toString(
                                r
                                        .faults()),
                        first ? trialReturn : ""});
            }
        }
        Table.print(out, cells);
    }

    /** All indices for short trials; for long ones 1, 2, 5, 10, 20, 50, ... and the last. */
    static boolean shown(int episode, int count) {
        if (count <= 10 || episode == count - 1) {
            return true;
        }
        int k = episode + 1;
        while (k % 10 == 0) {
            k /= 10;
        }
        return k == 1 || k == 2 || k == 5;
    }

    private static String format(EpisodeStats.Estimate e, double scale) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", e.mean() * scale, e.halfWidth() * scale);
    }
}
