package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.bandit.mdp.TabularMdpConfig;
import dev.metapilot.bandit.mdp.TabularMdpFactory;
import dev.metapilot.env.Action;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import org.junit.jupiter.api.Test;

class BanditEnvironmentTest {

    private final BanditFactory factory = new BanditFactory(new BanditConfig(3, 10));

    @Test
    void privilegedFeaturesAreTheArmProbabilitiesAndUcb1sNextArm() {
        try (Environment env = factory.create()) {
            PrivilegedFeatures privileged = (PrivilegedFeatures) env;
            assertThat(privileged.privilegedFeatureCount()).isEqualTo(6);
            assertThat(privileged.expertActionOffset()).isEqualTo(3);
            assertThatThrownBy(() -> privileged.writePrivilegedFeatures(new float[6], 0)).isInstanceOf(
                    IllegalStateException.class);
            env.setTask(new BanditTask("fixed", new double[]{0.0, 0.3, 1.0}));
            float[] f = new float[7];
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).as("UCB1 pulls arm 0 first").containsExactly(0f, 0f, 0.3f, 1f, 1f, 0f, 0f);

            double c = factory.baselines().stream().filter(b -> b.name().equals("ucb1")).map(b -> ((Ucb1Baseline) b)
                    .c()).findFirst().orElseThrow();
            pull(env, 0); // pays 0
            pull(env, 2); // pays 1
            pull(env, 2);
            // t = 3 pulls: arm 0 (0 of 1), arm 1 (never), arm 2 (2 of 2)
            double[] index = {1 / 3.0 + c * Math.sqrt(2 * Math.log(3) / 3), 1 / 2.0 + c * Math.sqrt(2 * Math.log(3)
                    / 2), 3 / 4.0 + c * Math.sqrt(2 * Math.log(3) / 4)};
            int best = index[1] > index[2] ? 1 : 2;
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).containsExactly(0f, 0f, 0.3f, 1f, 0f, best == 1 ? 1f : 0f, best == 2 ? 1f : 0f);

            env.setTask(new BanditTask("other", new double[]{0.5, 0.5, 0.5}));
            privileged.writePrivilegedFeatures(f, 1);
            assertThat(f).as("a new trial forgets the counts").containsExactly(0f, 0.5f, 0.5f, 0.5f, 1f, 0f, 0f);
        }
    }

    static void pull(Environment env, int arm) {
        Action action = Action.of(env.spec().actionSpace());
        action.setIndex(arm);
        env.reset(0, new float[1]);
        env.step(action, new float[1], new StepResult());
    }

    @Test
    void payoutFrequencyOfEachArmIsItsProbability() {
        BanditTask task = new BanditTask("fixed", new double[]{0.0, 0.3, 1.0});
        try (Environment env = factory.create()) {
            env.setTask(task);
            float[] obs = new float[1];
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            for (int arm = 0; arm < 3; arm++) {
                action.setIndex(arm);
                int paid = 0;
                int pulls = 20_000;
                for (int i = 0; i < pulls; i++) {
                    env.reset(i, obs);
                    assertThat(obs[0]).isEqualTo(1f);
                    env.step(action, obs, result);
                    assertThat(result.truncated()).isTrue();
                    assertThat(result.terminated()).isFalse();
                    assertThat(result.reward()).isIn(0f, 1f);
                    paid += (int) result.reward();
                }
                double p = task.probability(arm);
                // five standard errors of a binomial proportion
                assertThat((double) paid / pulls).as("arm %d", arm)
                        .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / pulls) + 1e-12));
            }
        }
    }

    @Test
    void sameSeedSameRewardAndSeedsDiffer() {
        BanditTask task = new BanditTask("half", new double[]{0.5, 0.5, 0.5});
        try (Environment env = factory.create()) {
            env.setTask(task);
            float[] obs = new float[1];
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            float[] first = new float[200];
            for (int i = 0; i < first.length; i++) {
                env.reset(i, obs);
                env.step(action, obs, result);
                first[i] = result.reward();
            }
            float[] again = new float[200];
            for (int i = 0; i < again.length; i++) {
                env.reset(i, obs);
                env.step(action, obs, result);
                again[i] = result.reward();
            }
            assertThat(again).containsExactly(first);
            double mean = 0;
            for (float r : first) {
                mean += r / first.length;
            }
            assertThat(mean).isBetween(0.35, 0.65);
        }
    }

    @Test
    void misuseFailsLoudly() {
        try (Environment env = factory.create()) {
            float[] obs = new float[1];
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            assertThatThrownBy(() -> env.reset(0, obs)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("setTask");
            assertThatThrownBy(() -> env.setTask(new TabularMdpFactory(new TabularMdpConfig(2, 2, 1, 1)).tasks()
                    .sample(Split.TRAIN, 0))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bandit task");
            assertThatThrownBy(() -> env.setTask(new BanditTask("two", new double[]{0.1, 0.2})))
                    .hasMessageContaining("2 arms");
            env.setTask(factory.tasks().sample(Split.TRAIN, 0));
            assertThatThrownBy(() -> env.step(action, obs, result)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reset");
            env.reset(0, obs);
            env.step(action, obs, result);
            assertThatThrownBy(() -> env.step(action, obs, result)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void taskChecksItsProbabilities() {
        assertThatThrownBy(() -> new BanditTask("bad", new double[]{0.5, 1.5})).hasMessageContaining("arm 1");
        assertThatThrownBy(() -> new BanditTask("nan", new double[]{Double.NaN, 0.5})).hasMessageContaining("arm 0");
        assertThatThrownBy(() -> new BanditTask("one", new double[]{0.5})).hasMessageContaining("at least 2");
        BanditTask t = new BanditTask("ok", new double[]{0.2, 0.9});
        assertThat(t.bestProbability()).isEqualTo(0.9);
        assertThat(t.properties()).containsEntry("arms", 2);
    }
}
