package dev.metapilot.sim.train;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a training run needs to continue exactly where it stopped, taken between two updates: the configuration it
 * belongs to, the counters, the parameters, the optimiser's state, the observation statistics, the minibatch-order
 * stream, and for every environment slot its trial number, sampling stream and the actions of its running trial (to
 * replay), plus the carried hidden state. Made and consumed by the trainer on its main thread; written by
 * {@link CheckpointFile}.
 *
 * @param config {@link TrainConfig#properties()} of the run
 * @param update updates done
 * @param envSteps environment steps done
 * @param trials trials finished
 * @param wallSeconds training time so far (reporting only)
 * @param parameters the model's parameters by name
 * @param adamSteps Adam's step count
 * @param adamFirst Adam's first moments by parameter name
 * @param adamSecond Adam's second moments by parameter name
 * @param observationCount rows in the observation statistics
 * @param observationMean their per-feature mean
 * @param observationM2 their per-feature sum of squared deviations
 * @param shuffleState the minibatch-order stream
 * @param slots one entry per environment slot
 * @param hiddenState the carried hidden state {@code [L, N, H]}
 */
record Checkpoint(Map<String, String> config, int update, long envSteps, long trials, double wallSeconds,
        Map<String, float[]> parameters, long adamSteps, Map<String, float[]> adamFirst,
        Map<String, float[]> adamSecond, long observationCount, double[] observationMean, double[] observationM2,
        long shuffleState, List<Slot> slots, float[] hiddenState) {

    Checkpoint {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(parameters, "parameters is null");
        Objects.requireNonNull(adamFirst, "adamFirst is null");
        Objects.requireNonNull(adamSecond, "adamSecond is null");
        Objects.requireNonNull(observationMean, "observationMean is null");
        Objects.requireNonNull(observationM2, "observationM2 is null");
        slots = List.copyOf(Objects.requireNonNull(slots, "slots is null"));
        Objects.requireNonNull(hiddenState, "hiddenState is null");
    }

    /**
     * One environment slot.
     *
     * @param trial the number of its running trial
     * @param samplingState its action-sampling stream
     * @param actions the actions of its running trial, flat
     */
    record Slot(long trial, long samplingState, float[] actions) {

        Slot {
            Objects.requireNonNull(actions, "actions is null");
        }
    }
}
