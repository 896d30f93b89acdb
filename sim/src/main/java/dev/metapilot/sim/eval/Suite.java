package dev.metapilot.sim.eval;

import java.util.List;

/**
 * One evaluation protocol of {@code metapilot eval}: which plugin, tasks, policies and baselines, and how the table and
 * charts look. Run on the main thread (its trials on the run's trial threads).
 */
public interface Suite {

    /** The names {@code --suite} accepts, in the order the help lists them. */
    List<String> NAMES = List.of("snail", "rl2-bandits", "rl2-mdps", "locomotion");

    /** The {@code --suite} name. */
    String name();

    /** Evaluates, printing the tables to the run's output and writing the charts. */
    void run(EvalRun run);

    /**
     * The suite called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    static Suite named(String name) {
        return switch (name) {
            case "snail" -> new SnailSuite();
            case "rl2-bandits" -> new Rl2TableSuite(Rl2Table.BANDITS);
            case "rl2-mdps" -> new Rl2TableSuite(Rl2Table.MDPS);
            case "locomotion" -> new LocomotionSuite();
            default -> throw new IllegalArgumentException("unknown suite '" + name + "'; suites: " + String.join(
                    ", ", NAMES));
        };
    }
}
