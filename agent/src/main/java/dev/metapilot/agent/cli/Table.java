package dev.metapilot.agent.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows of cells as a left-aligned text table with a header rule; used by the commands that print tables. */
public final class Table {

    private Table() {}

    /** Prints {@code rows}; the first row is the header. */
    public static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c];
                line.append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(width[c] - cell.length() + 2));
                }
            }
            out.println(line);
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append("-".repeat(width[c])).append(c < columns - 1 ? "  " : "");
                }
                out.println(rule);
            }
        }
    }
}
