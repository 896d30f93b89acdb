package dev.metapilot.bandit;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;

/**
 * The {@code gittins} bandit baseline: the finite-horizon Gittins index policy for Beta(1,1) arms, which pulls the arm
 * whose {@link GittinsIndexTable index} for its counts and the pulls left in the trial is highest (ties to the lowest
 * arm, so the first pull is arm 0).
 *
 * <p>
 * Offered by {@link BanditFactory} where the table {@link GittinsIndexTable#fits fits} ({@code n <= 200}: every
 * {@code n = 10} and {@code n = 100} setting). The table is computed once, on first use, and shared by all trials and
 * by the environment's privileged features (the {@code expert=gittins} option); {@code start} is called on the trial
 * thread.
 */
final class GittinsBaseline implements Baseline, BanditExpert {

    private final int arms;
    private final int pulls;
    private volatile GittinsIndexTable table;

    GittinsBaseline(int arms, int pulls) {
        if (!GittinsIndexTable.fits(pulls)) {
            throw new IllegalArgumentException("no Gittins index table for pulls=" + pulls + " (computed for 1.."
                    + GittinsIndexTable.MAX_PULLS + ")");
        }
        this.arms = arms;
        this.pulls = pulls;
    }

    @Override
    public String name() {
        return "gittins";
    }

    @Override
    public String description() {
        return "finite-horizon Gittins index of Beta(1,1) arms for the pulls left of " + pulls
                + " (calibration by backward induction)";
    }

    /** The table, computed on first use. */
    GittinsIndexTable table() {
        GittinsIndexTable t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = GittinsIndexTable.compute(pulls);
                    table = t;
                }
            }
        }
        return t;
    }

    @Override
    public int nextArm(ArmCounts counts) {
        return table().bestArm(counts.successes(), counts.failures(), counts.pulls());
    }

    @Override
    public Actor start(Task task, long seed) {
        GittinsIndexTable indices = table();
        ArmCounts counts = new ArmCounts(arms);
        return (input, out) -> {
            counts.observe(input);
            out.setIndex(indices.bestArm(counts.successes(), counts.failures(), counts.pulls()));
        };
    }
}
