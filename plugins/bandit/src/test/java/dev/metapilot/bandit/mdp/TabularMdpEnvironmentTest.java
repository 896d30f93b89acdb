package dev.metapilot.bandit.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.env.Action;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.StepResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TabularMdpEnvironmentTest {

    /** Two states, two actions: action 0 stays, action 1 moves to state 1 with probability 0.7. */
    private final TabularMdpTask task = new TabularMdpTask("two-state", 2, 2, new double[]{0.0, 2.0, -1.0, 3.0},
            new double[]{1, 0, 0.3, 0.7, 0, 1, 0.3, 0.7});
    private final TabularMdpFactory factory = new TabularMdpFactory(new TabularMdpConfig(2, 2, 5, 3));

    @Test
    void episodesStartInStateZeroAndTruncateAtTheHorizon() {
        try (Environment env = factory.create()) {
            env.setTask(task);
            float[] obs = new float[2];
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            env.reset(4, obs);
            assertThat(obs).containsExactly(1f, 0f);
            for (int t = 1; t <= 3; t++) {
                env.step(action, obs, result);
                assertThat(obs).containsExactly(1f, 0f); // action 0 in state 0 stays
                assertThat(result.truncated()).isEqualTo(t == 3);
                assertThat(result.terminated()).isFalse();
            }
            assertThatThrownBy(() -> env.step(action, obs, result)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void privilegedFeaturesAreTheStatesRewardMeansAndOptimalActionValues() {
        try (Environment env = factory.create()) {
            PrivilegedFeatures privileged = (PrivilegedFeatures) env;
            assertThat(privileged.privilegedFeatureCount()).isEqualTo(6);
            assertThatThrownBy(() -> privileged.writePrivilegedFeatures(new float[6], 0)).isInstanceOf(
                    IllegalStateException.class);
            env.setTask(task);
            float[] obs = new float[2];
            Action stay = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            float[] f = new float[6];
            env.reset(0, obs);
            privileged.writePrivilegedFeatures(f, 0);
            // by hand, horizon 3: Q2 = r; Q1(0,·) = (2, 4.7), Q1(1,·) = (2, 5.7); Q0(0,·) = (4.7, 7.4); divided by 3;
            // the greedy expert knows nothing yet: both actions tie
            assertThat(f).containsExactly(new float[]{0f, 2f, 4.7f / 3, 7.4f / 3, 0.5f, 0.5f}, within(1e-5f));
            env.step(stay, obs, result);
            privileged.writePrivilegedFeatures(f, 0);
            assertThat(Arrays.copyOf(f, 4)).containsExactly(new float[]{0f, 2f, 2f / 3, 4.7f / 3}, within(1e-5f));
            assertThat(Arrays.copyOfRange(f, 4, 6)).as("the expert replans only at an episode start").containsExactly(
                    0.5f, 0.5f);
            env.step(stay, obs, result);
            env.step(stay, obs, result);
            assertThat(result.truncated()).isTrue();
            privileged.writePrivilegedFeatures(f, 0);
            assertThat(Arrays.copyOf(f, 4)).as("nothing is left after the last step").containsExactly(0f, 2f, 0f, 0f);
        }
    }

    @Test
    void theExpertIsTheGreedyBaselinesPlanOnThisTrialsSteps() {
        try (Environment env = factory.create()) {
            PrivilegedFeatures privileged = (PrivilegedFeatures) env;
            assertThat(privileged.expertActionOffset()).isEqualTo(4);
            env.setTask(task);
            TabularMdpConfig config = new TabularMdpConfig(2, 2, 5, 3);
            MdpPosterior estimate = CertaintyEquivalenceBaseline.estimate(config);
            FiniteHorizonPlanner plan = new FiniteHorizonPlanner(2, 2, 3);
            double[] rewards = new double[4];
            double[] transitions = new double[8];
            float[] obs = new float[2];
            float[] f = new float[6];
            float[] expected = new float[2];
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
            int distinct = 0;
            for (int episode = 0; episode < 5; episode++) {
                env.reset(episode, obs);
                estimate.meanModel(rewards, transitions);
                plan.solve(rewards, transitions);
                for (int t = 0; t < 3; t++) {
                    int state = obs[0] > 0.5f ? 0 : 1;
                    privileged.writePrivilegedFeatures(f, 0);
                    plan.bestActions(t, state, expected, 0);
                    assertThat(Arrays.copyOfRange(f, 4, 6)).as("episode %d step %d", episode, t).containsExactly(
                            expected);
                    assertThat(f[4 + plan.bestAction(t, state, rng)]).as("the baseline's draw is in its support")
                            .isPositive();
                    distinct += f[4] != 0.5f ? 1 : 0;
                    action.setIndex(rng.nextInt(2));
                    env.step(action, obs, result);
                    int next = obs[0] > 0.5f ? 0 : 1;
                    estimate.update(state, action.index(), result.reward(), result.truncated() ? -1 : next);
                }
            }
            assertThat(distinct).as("the expert learns a preference").isPositive();
            env.setTask(task);
            env.reset(0, obs);
            privileged.writePrivilegedFeatures(f, 0);
            assertThat(Arrays.copyOfRange(f, 4, 6)).as("a new trial forgets").containsExactly(0.5f, 0.5f);
        }
    }

    @Test
    void rewardsAndTransitionsFollowTheTask() {
        try (Environment env = factory.create()) {
            env.setTask(task);
            float[] obs = new float[2];
            Action action = Action.of(env.spec().actionSpace());
            action.setIndex(1);
            StepResult result = new StepResult();
            int n = 40_000;
            double rewardSum = 0;
            double rewardSq = 0;
            int moved = 0;
            for (int i = 0; i < n; i++) {
                env.reset(i, obs);
                env.step(action, obs, result);
                rewardSum += result.reward();
                rewardSq += result.reward() * result.reward();
                moved += obs[1] == 1f ? 1 : 0;
            }
            double mean = rewardSum / n;
            assertThat(mean).isCloseTo(2.0, within(5 / Math.sqrt(n)));
            assertThat(rewardSq / n - mean * mean).isCloseTo(1.0, within(0.05));
            assertThat((double) moved / n).isCloseTo(0.7, within(5 * Math.sqrt(0.21 / n)));
        }
    }

    @Test
    void sameSeedRepeatsTheEpisode() {
        try (Environment env = factory.create()) {
            env.setTask(task);
            float[] obs = new float[2];
            Action action = Action.of(env.spec().actionSpace());
            action.setIndex(1);
            StepResult result = new StepResult();
            float[] first = new float[3];
            env.reset(99, obs);
            for (int t = 0; t < 3; t++) {
                env.step(action, obs, result);
                first[t] = result.reward();
            }
            env.reset(99, obs);
            for (int t = 0; t < 3; t++) {
                env.step(action, obs, result);
                assertThat(result.reward()).isEqualTo(first[t]);
            }
        }
    }

    @Test
    void refusesATaskOfAnotherShape() {
        try (Environment env = new TabularMdpFactory(new TabularMdpConfig(3, 2, 1, 1)).create()) {
            assertThatThrownBy(() -> env.setTask(task)).hasMessageContaining("2 states");
            assertThatThrownBy(() -> env.reset(0, new float[3])).hasMessageContaining("setTask");
        }
    }
}
