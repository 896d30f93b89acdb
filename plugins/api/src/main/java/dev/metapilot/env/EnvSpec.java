package dev.metapilot.env;

import java.util.Objects;

/**
 * What an environment looks like from the outside: its spaces and episode limits.
 *
 * <p>
 * Returned by {@link EnvironmentFactory#spec()}; read by the agent to check a policy before the first step and by the
 * trainer to size its network.
 *
 * @param id environment id, for example {@code maze-small}; also written into policy metadata
 * @param observationSpace what {@link Environment#reset} and {@link Environment#step} write into the observation buffer
 * @param actionSpace what {@link Environment#step} accepts
 * @param maxEpisodeSteps steps after which an episode is truncated
 * @param episodesPerTrial default number of episodes of one task in a trial (RL² trial length)
 * @param goal whether an episode has a goal that {@link StepResult#success()} reports (a maze's exit, a tracked
 *     velocity); false where reward is all there is (bandits, tabular MDPs), so that no success rate is shown
 */
public record EnvSpec(String id, Space observationSpace, Space actionSpace, int maxEpisodeSteps, int episodesPerTrial,
        boolean goal) {

    public EnvSpec {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(observationSpace, "observationSpace is null");
        Objects.requireNonNull(actionSpace, "actionSpace is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("maxEpisodeSteps must be >= 1, got " + maxEpisodeSteps);
        }
        if (episodesPerTrial < 1) {
            throw new IllegalArgumentException("episodesPerTrial must be >= 1, got " + episodesPerTrial);
        }
    }

    /** A spec whose episodes have a goal ({@code goal = true}), the common case. */
    public EnvSpec(String id, Space observationSpace, Space actionSpace, int maxEpisodeSteps, int episodesPerTrial) {
        this(id, observationSpace, actionSpace, maxEpisodeSteps, episodesPerTrial, true);
    }

    /** Length of the observation buffer the caller passes to {@link Environment#reset} and {@link Environment#step}. */
    public int observationSize() {
        return observationSpace.flatSize();
    }
}
