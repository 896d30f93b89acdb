package dev.metapilot.bandit;

import dev.metapilot.env.CommentedCsv;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The figures the RL² paper published for its bandit (Table 1) and tabular-MDP (Table 2) experiments, read from the
 * resource {@code dev/metapilot/bandit/rl2-published.csv}, which carries the citation and provenance in its header.
 *
 * <p>
 * Loaded by evaluation code and tests to print our rows beside the paper's; immutable once loaded.
 */
public final class PublishedResults {

    /** Where the figures come from. */
    public static final String CITATION = "Duan, Schulman, Chen, Bartlett, Sutskever, Abbeel. RL²: Fast Reinforcement"
            + " Learning via Slow Reinforcement Learning. arXiv:1611.02779, 2016. Tables 1 and 2.";

    static final String RESOURCE = "rl2-published.csv";

    /**
     * One published cell.
     *
     * @param env {@code bandit} or {@code tabular-mdp}
     * @param n pulls (bandit) or episodes (MDP) per trial
     * @param arms number of arms for bandits, empty for MDPs
     * @param method baseline name where one corresponds ({@code thompson}, {@code ucb1}, {@code gittins}, ...), else
     *     the paper's ({@code ots}, {@code opsrl}, {@code ucrl2}, {@code beb}, {@code rl2})
     * @param value mean total reward per trial, as printed (one decimal)
     */
    public record Row(String env, int n, OptionalInt arms, String method, double value) {

        public Row {
            Objects.requireNonNull(env, "env is null");
            Objects.requireNonNull(arms, "arms is null");
            Objects.requireNonNull(method, "method is null");
        }
    }

    private final List<Row> rows;

    private PublishedResults(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads the bundled table.
     *
     * @throws IllegalStateException when the resource is missing or malformed, naming the line
     */
    public static PublishedResults load() {
        return new PublishedResults(CommentedCsv.read(PublishedResults.class, RESOURCE, PublishedResults::parse));
    }

    private static Row parse(List<String> f) {
        OptionalInt arms = f.get(2).isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f.get(2)));
        return new Row(f.get(0), Integer.parseInt(f.get(1)), arms, f.get(3), Double.parseDouble(f.get(4)));
    }

    public List<Row> rows() {
        return rows;
    }

    /** The published bandit figure for {@code n} pulls, {@code k} arms and {@code method}, if the paper has one. */
    public OptionalDouble bandit(int n, int k, String method) {
        return rows.stream()
                .filter(r -> r.env().equals("bandit") && r.n() == n && r.arms().equals(OptionalInt.of(k))
                        && r.method().equals(method))
                .mapToDouble(Row::value).findFirst();
    }

    /** The published tabular-MDP figure for {@code n} episodes and {@code method}, if the paper has one. */
    public OptionalDouble tabularMdp(int n, String method) {
        return rows.stream().filter(r -> r.env().equals("tabular-mdp") && r.n() == n && r.method().equals(method))
                .mapToDouble(Row::value).findFirst();
    }
}
