package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.metapilot.agent.policy.Rl2Encoder;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.ObservationNormalization;
import dev.metapilot.sim.model.Rl2Model;
import dev.metapilot.sim.model.TrialTime;
import dev.metapilot.sim.testing.Corridor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Rollouts on the corridor fixture follow the agent's trial semantics: trials of two episodes, episodes ended by the
 * environment (two paid steps in a row) or truncated by the trainer at three steps, {@code prev_done} on the first step
 * after an episode, all-zero previous inputs and hidden state at a trial start and nowhere else, and trial ends flagged
 * only where the second episode ends, episode ends flagged where either ends; the critic is fed where each step sits in
 * its trial, then the environment's privileged features of the step's state. The result does not depend on how many
 * workers step the environments.
 */
class RolloutCollectorTest {

    private static final int ENVS = 5;
    private static final int STEPS = 40;

    @Test
    void trialsEpisodesAndHiddenStateFollowTheTrialSemantics() {
        Rollout r = collect(2);
        NetworkShape shape = r.shape;
        int in = shape.inputSize();
        int hidden = shape.hidden();
        int trialEnds = 0;
        int expertSteps = 0;
        for (int i = 0; i < ENVS; i++) {
            int episode = 0;
            int steps = 0;
            int streak = 0;
            boolean trialStarts = true;
            boolean afterEpisode = false;
            boolean reachedEnd = false;
            for (int t = 0; t < STEPS; t++) {
                int k = t * ENVS + i;
                float[] x = Arrays.copyOfRange(r.inputs, k * in, (k + 1) * in); // [obs 2, action 2, reward, done]
                assertThat(r.trialStart[k]).as("trial start of env %d at %d", i, t).isEqualTo(trialStarts);
                if (trialStarts) {
                    assertThat(Arrays.copyOfRange(x, 2, 6)).containsOnly(0f);
                    for (int l = 0; l < shape.layers(); l++) {
                        int from = t * shape.layers() * ENVS * hidden + (l * ENVS + i) * hidden;
                        assertThat(Arrays.copyOfRange(r.states, from, from + hidden)).containsOnly(0f);
                    }
                } else {
                    assertThat(x[2] + x[3]).as("one-hot previous action").isEqualTo(1f);
                    assertThat(x[5]).as("prev_done of env %d at %d", i, t).isEqualTo(afterEpisode ? 1f : 0f);
                }
                assertThat(x[0]).as("observation: steps into the episode / 3").isEqualTo(steps / 3f);
                int f = shape.criticFeatures();
                float[] time = new float[TrialTime.FEATURES];
                TrialTime.write(episode, 2, steps, 3, time, 0);
                assertThat(Arrays.copyOfRange(r.critic, k * f, k * f + TrialTime.FEATURES)).as(
                        "time features of env %d at %d", i, t).isEqualTo(time);
                float paying = r.critic[k * f + TrialTime.FEATURES];
                assertThat(r.reward[k]).as("the privileged paying action of env %d at %d", i, t).isEqualTo(
                        r.actionIndex[k] == paying ? 1f : 0f);
                assertThat(r.critic[k * f + TrialTime.FEATURES + 1]).as("privileged streak of env %d at %d", i, t)
                        .isEqualTo(streak);
                float[] expert = reachedEnd ? new float[]{paying == 0 ? 1f : 0f, paying == 1 ? 1f : 0f} : new float[2];
                assertThat(Arrays.copyOfRange(r.critic, k * f + TrialTime.FEATURES + 2, k * f + TrialTime.FEATURES
                        + 4)).as("expert one-hot of env %d at %d", i, t).containsExactly(expert);
                expertSteps += reachedEnd ? 1 : 0;
                steps++;
                streak = r.reward[k] == 1f ? streak + 1 : 0;
                reachedEnd |= streak == 2;
                boolean episodeEnds = streak == 2 || steps == Corridor.SPEC.maxEpisodeSteps();
                afterEpisode = episodeEnds;
                assertThat(r.episodeEnd[k]).as("episode end of env %d at %d", i, t).isEqualTo(episodeEnds);
                trialStarts = false;
                if (episodeEnds) {
                    episode++;
                    steps = 0;
                    streak = 0;
                    if (episode == Corridor.SPEC.episodesPerTrial()) {
                        episode = 0;
                        trialStarts = true;
                        reachedEnd = false;
                    }
                }
                assertThat(r.trialEnd[k]).as("trial end of env %d at %d", i, t).isEqualTo(trialStarts);
                trialEnds += trialStarts ? 1 : 0;
            }
        }
        assertThat(trialEnds).isGreaterThan(ENVS * STEPS / 6 / 2);
        assertThat(r.finishedTrials()).isEqualTo(trialEnds);
        assertThat(expertSteps).as("steps after a trial's first success show the expert").isPositive();
    }

    @Test
    void theRolloutDoesNotDependOnTheNumberOfWorkers() {
        Rollout one = collect(1);
        Rollout three = collect(3);
        assertThat(three.inputs).isEqualTo(one.inputs);
        assertThat(three.critic).isEqualTo(one.critic);
        assertThat(three.value).isEqualTo(one.value);
        assertThat(three.actionIndex).isEqualTo(one.actionIndex);
        assertThat(three.logProb).isEqualTo(one.logProb);
        assertThat(three.reward).isEqualTo(one.reward);
        assertThat(three.states).isEqualTo(one.states);
        assertThat(three.bootstrapValue).isEqualTo(one.bootstrapValue);
    }

    private static Rollout collect(int workers) {
        Corridor corridor = new Corridor();
        NetworkShape shape = NetworkShape.of(Corridor.SPEC, 8, 2).withTimeAwareValue().withPrivilegedValue(4);
        TrialSeeds seeds = new TrialSeeds(11);
        try (Rl2Model model = Rl2Model.create(shape, Device.cpu(), 5, 0f);
                VectorTrials trials = new VectorTrials(corridor, seeds, ENVS, workers)) {
            for (int i = 0; i < ENVS; i++) {
                trials.slot(i).beginTrial();
            }
            RolloutCollector collector = new RolloutCollector(model, trials, new Rl2Encoder(Corridor.SPEC), STEPS);
            Rollout r = collector.collect(ObservationNormalization.identity(2, 10f));
            return r;
        }
    }
}
