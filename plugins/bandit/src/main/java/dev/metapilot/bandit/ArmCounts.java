package dev.metapilot.bandit;

import dev.metapilot.env.StepInput;
import java.util.Arrays;

/**
 * What a bandit learner knows in one trial: successes and failures per arm, learned one step late from the RL² inputs
 * (the previous action and reward), so the reward of a trial's last pull is never needed.
 *
 * <p>
 * Owned by one baseline actor on the trial thread; {@link #observe} is called once at the start of every {@code act}.
 */
final class ArmCounts {

    private final int[] successes;
    private final int[] failures;
    private int pulls;

    ArmCounts(int arms) {
        this.successes = new int[arms];
        this.failures = new int[arms];
    }

    int arms() {
        return successes.length;
    }

    /** Counts the previous pull, if there was one in this trial (not on the trial's first step). */
    void observe(StepInput input) {
        if (input.episode() == 0 && input.step() == 0) {
            return;
        }
        record(input.previousAction().index(), input.previousReward() > 0.5f);
    }

    /** Counts one pull of {@code arm}. */
    void record(int arm, boolean success) {
        if (success) {
            successes[arm]++;
        } else {
            failures[arm]++;
        }
        pulls++;
    }

    /** Forgets every pull (a new trial). */
    void clear() {
        Arrays.fill(successes, 0);
        Arrays.fill(failures, 0);
        pulls = 0;
    }

    int successes(int arm) {
        return successes[arm];
    }

    int failures(int arm) {
        return failures[arm];
    }

    int[] successes() {
        return successes;
    }

    int[] failures() {
        return failures;
    }

    /** Pulls counted so far in this trial. */
    int pulls() {
        return pulls;
    }

    /** Mean of the Beta(1,1) posterior of {@code arm}: {@code (s + 1) / (s + f + 2)}. */
    double posteriorMean(int arm) {
        return (successes[arm] + 1.0) / (successes[arm] + failures[arm] + 2.0);
    }

    /** The arm with the highest posterior mean; ties go to the lowest index, as numpy's argmax in the RL² code. */
    int greedyArm() {
        int best = 0;
        double bestMean = posteriorMean(0);
        for (int a = 1; a < successes.length; a++) {
            double m = posteriorMean(a);
            if (m > bestMean) {
                best = a;
                bestMean = m;
            }
        }
        return best;
    }
}
