package dev.metapilot.sim.eval;

import dev.metapilot.env.CommentedCsv;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The maze figures the SNAIL paper published (Table 5), as far as we could source them, read from the resource
 * {@code snail-published.csv}, whose header carries the citation, the provenance and what is not available. Loaded by
 * the snail suite on the main thread; immutable.
 */
public final class SnailPublished {

    /** Where the figures come from. */
    public static final String CITATION = "Mishra, Rohaninejad, Chen, Abbeel. A Simple Neural Attentive "
            + "Meta-Learner. ICLR 2018, arXiv:1707.03141. Table 5.";

    static final String RESOURCE = "snail-published.csv";

    /**
     * One published row; an empty value was not available to us.
     *
     * @param size {@code small} or {@code large}
     * @param method {@code snail} or {@code lstm}
     * @param episode1 mean steps to the goal in episode 1
     * @param episode2 mean steps to the goal in episode 2
     * @param ratio episode 2 / episode 1, as published or from the two step counts
     */
    public record Row(String size, String method, OptionalDouble episode1, OptionalDouble episode2,
            OptionalDouble ratio) {

        public Row {
            Objects.requireNonNull(size, "size is null");
            Objects.requireNonNull(method, "method is null");
        }

        /** The table's label of this row's method. */
        public String label() {
            return switch (method) {
                case "snail" -> "SNAIL (paper)";
                case "lstm" -> "LSTM RL² (paper)";
                default -> method + " (paper)";
            };
        }
    }

    private final List<Row> rows;

    private SnailPublished(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads the bundled table.
     *
     * @throws IllegalStateException when the resource is missing or malformed, naming the line
     */
    public static SnailPublished load() {
        return new SnailPublished(CommentedCsv.read(SnailPublished.class, RESOURCE, SnailPublished::parse));
    }

    private static Row parse(List<String> f) {
        OptionalDouble e1 = value(f.get(2));
        OptionalDouble e2 = value(f.get(3));
        OptionalDouble ratio = value(f.get(4));
        if (ratio.isEmpty() && e1.isPresent() && e2.isPresent()) {
            ratio = OptionalDouble.of(e2.getAsDouble() / e1.getAsDouble());
        }
        return new Row(f.get(0), f.get(1), e1, e2, ratio);
    }

    private static OptionalDouble value(String cell) {
        return cell.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cell));
    }

    public List<Row> rows() {
        return rows;
    }

    /** The published rows for maze size {@code size}. */
    public List<Row> forSize(String size) {
        return rows.stream().filter(r -> r.size().equals(size)).toList();
    }
}
