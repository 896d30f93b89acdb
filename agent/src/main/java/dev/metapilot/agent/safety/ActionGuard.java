package dev.metapilot.agent.safety;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.EnvironmentFactory;
import java.util.Objects;

/**
 * Checks every action between the policy and the environment: a policy that reported non-finite outputs, or a Box
 * action with a NaN or infinite component, gets the plugin's safe action and a counted fault; Box actions are clamped
 * to the space and, when configured, rate-limited per step. After {@link Settings#maxFaults()} faults in a trial the
 * guard is {@link #tripped()} and the runner stops the trial.
 *
 * <p>
 * One guard per environment, on its trial thread; {@link #beginTrial()} at every trial start.
 */
public final class ActionGuard {

    /**
     * @param maxFaults faults in one trial after which the trial stops (at least 1)
     * @param maxDeltaPerStep largest change of a Box action component from one step to the next; 0 for no limit
     */
    public record Settings(int maxFaults, float maxDeltaPerStep) {

        /** At most 3 faults per trial, no rate limit. */
        public static final Settings DEFAULT = new Settings(3, 0f);

        public Settings {
            if (maxFaults < 1) {
                throw new IllegalArgumentException("maxFaults must be >= 1, got " + maxFaults);
            }
            if (!(maxDeltaPerStep >= 0f) || Float.isInfinite(maxDeltaPerStep)) {
                throw new IllegalArgumentException("maxDeltaPerStep must be a finite number >= 0, got "
                        + maxDeltaPerStep);
            }
        }
    }

    /** What the guard did to one action. */
    public enum Verdict {
        /** Passed unchanged. */
        OK,
        /** Clamped to the space or rate-limited. */
        ADJUSTED,
        /** Replaced by the safe action and counted as a fault. */
        FAULT
    }

    private final EnvironmentFactory factory;
    private final Settings settings;
    private final Action safe;
    private final Action previous;
    private int faults;
    private int adjustments;

    public ActionGuard(EnvironmentFactory factory, Settings settings) {
        this.factory = Objects.requireNonNull(factory, "factory is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.safe = Action.of(factory.spec().actionSpace());
        factory.writeSafeAction(safe);
        this.previous = Action.of(factory.spec().actionSpace());
        beginTrial();
    }

    /** Trial start: no faults, and the rate limit starts from the safe action. */
    public void beginTrial() {
        faults = 0;
        adjustments = 0;
        previous.copyFrom(safe);
    }

    /**
     * Checks {@code action} in place.
     *
     * @param policyOk what {@link dev.metapilot.agent.policy.Policy#act} returned
     */
    public Verdict check(boolean policyOk, Action action) {
        Verdict verdict = Verdict.OK;
        if (!policyOk || !finite(action)) {
            action.copyFrom(safe);
            faults++;
            verdict = Verdict.FAULT;
        } else if (action.space() instanceof Box box && adjust(box, action.values())) {
            adjustments++;
            verdict = Verdict.ADJUSTED;
        }
        previous.copyFrom(action);
        return verdict;
    }

    private boolean adjust(Box box, float[] v) {
        boolean changed = false;
        float limit = settings.maxDeltaPerStep();
        float[] last = previous.values();
        for (int i = 0; i < v.length; i++) {
            float x = Math.min(box.high(i), Math.max(box.low(i), v[i]));
            if (limit > 0f) {
                x = Math.min(last[i] + limit, Math.max(last[i] - limit, x));
            }
            changed |= x != v[i];
            v[i] = x;
        }
        return changed;
    }

    private static boolean finite(Action action) {
        for (float x : action.values()) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the safe action into {@code out}, for stops outside {@link #check}. */
    public void writeSafe(Action out) {
        out.copyFrom(safe);
    }

    /** Faults counted since the trial started. */
    public int faults() {
        return faults;
    }

    /** Actions clamped or rate-limited since the trial started. */
    public int adjustments() {
        return adjustments;
    }

    /** True once the trial has had {@link Settings#maxFaults()} faults. */
    public boolean tripped() {
        return faults >= settings.maxFaults();
    }
}
