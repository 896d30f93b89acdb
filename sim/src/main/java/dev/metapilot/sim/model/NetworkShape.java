package dev.metapilot.sim.model;

import dev.metapilot.env.Box;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Space;
import java.util.Objects;

/**
 * The sizes of an RL² actor-critic: O observation features, the action space (A = its flat size), GRU hidden size H and
 * L stacked layers. The GRU input is {@code [normalised obs (O), prev_action (A), prev_reward, prev_done]}; the joint
 * head has A outputs (logits or the Box mean) and one value. A time-aware critic also reads F {@link TrialTime}
 * features (the actor never does). The first K units of every layer's hidden state may be episode-reset units: zeroed
 * at each episode start (where {@code prev_done} is 1), so that they restart like a memoryless policy's while the other
 * H - K carry over the trial. A privileged critic also reads P features of the hidden task and the true state from the
 * environment. The critic's features of a step are its F time features followed by its P privileged ones. Immutable;
 * made on the trainer's main thread.
 *
 * @param observationSize O
 * @param actionSpace the environment's action space
 * @param hidden H
 * @param layers L
 * @param timeFeatures F, the critic's time features: 0 for a critic that sees only the hidden state
 * @param episodeResetUnits K, the units of each layer zeroed at an episode start, 0 to H
 * @param privilegedFeatures P, the critic's privileged features: 0 for a critic that does not see the task
 * @param taskInference a training-only head predicts the P privileged features from the GRU output (needs P > 0)
 */
public record NetworkShape(int observationSize, Space actionSpace, int hidden, int layers, int timeFeatures,
        int episodeResetUnits, int privilegedFeatures, boolean taskInference) {

    public NetworkShape {
        Objects.requireNonNull(actionSpace, "actionSpace is null");
        if (observationSize < 1) {
            throw new IllegalArgumentException("observationSize must be >= 1, got " + observationSize);
        }
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1, got " + hidden);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be >= 1, got " + layers);
        }
        if (timeFeatures < 0) {
            throw new IllegalArgumentException("timeFeatures must be >= 0, got " + timeFeatures);
        }
        checkEpisodeResetUnits(episodeResetUnits, hidden);
        if (privilegedFeatures < 0) {
            throw new IllegalArgumentException("privilegedFeatures must be >= 0, got " + privilegedFeatures);
        }
        if (taskInference && privilegedFeatures == 0) {
            throw new IllegalArgumentException("task inference predicts the privileged features: it needs a "
                    + "privileged critic");
        }
    }

    /**
     * @throws IllegalArgumentException unless {@code 0 <= units <= hidden}
     */
    public static void checkEpisodeResetUnits(int units, int hidden) {
        if (units < 0 || units > hidden) {
            throw new IllegalArgumentException("episode reset units must be in [0, hidden = " + hidden + "], got "
                    + units);
        }
    }

    /** A shape whose critic sees only the hidden state and whose whole hidden state carries over the trial. */
    public NetworkShape(int observationSize, Space actionSpace, int hidden, int layers) {
        this(observationSize, actionSpace, hidden, layers, 0, 0, 0, false);
    }

    /** The shape of a network for environments of {@code spec}. */
    public static NetworkShape of(EnvSpec spec, int hidden, int layers) {
        return new NetworkShape(spec.observationSize(), spec.actionSpace(), hidden, layers);
    }

    /** This shape with a time-aware critic, reading the {@link TrialTime} features. */
    public NetworkShape withTimeAwareValue() {
        return new NetworkShape(observationSize, actionSpace, hidden, layers, TrialTime.FEATURES, episodeResetUnits,
                privilegedFeatures, taskInference);
    }

    /** This shape with the first {@code units} units of each layer reset at every episode start. */
    public NetworkShape withEpisodeResetUnits(int units) {
        return new NetworkShape(observationSize, actionSpace, hidden, layers, timeFeatures, units, privilegedFeatures,
                taskInference);
    }

    /** This shape with a privileged critic reading {@code features} privileged features. */
    public NetworkShape withPrivilegedValue(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("a privileged critic needs at least one feature, got " + features);
        }
        return new NetworkShape(observationSize, actionSpace, hidden, layers, timeFeatures, episodeResetUnits,
                features, taskInference);
    }

    /** This shape with a task-inference head that predicts the privileged features from the GRU output. */
    public NetworkShape withTaskInference() {
        return new NetworkShape(observationSize, actionSpace, hidden, layers, timeFeatures, episodeResetUnits,
                privilegedFeatures, true);
    }

    /** True when the critic reads {@link #privilegedFeatures()} privileged features. */
    public boolean privilegedValue() {
        return privilegedFeatures > 0;
    }

    /** F + P, the critic's features per step (time, then privileged); 0 for a critic that sees only the state. */
    public int criticFeatures() {
        return timeFeatures + privilegedFeatures;
    }

    /** True when the critic reads {@link #timeFeatures()} time features. */
    public boolean timeAwareValue() {
        return timeFeatures > 0;
    }

    /** A: logits for Discrete(n) (A = n), the mean's dimensions for a Box. */
    public int actionSize() {
        return actionSpace.flatSize();
    }

    /** O + A + 2, the width of one GRU input row. */
    public int inputSize() {
        return observationSize + actionSize() + 2;
    }

    /** A + 1: the action outputs followed by the value. */
    public int headSize() {
        return actionSize() + 1;
    }

    /** True for a Box action space: the policy is Gaussian with a state-independent {@code log_std}. */
    public boolean continuous() {
        return actionSpace instanceof Box;
    }

    /** L * H, the hidden-state floats of one batch row. */
    public int stateSize() {
        return layers * hidden;
    }
}
