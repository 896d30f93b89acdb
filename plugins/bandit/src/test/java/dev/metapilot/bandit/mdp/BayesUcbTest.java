package dev.metapilot.bandit.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.bandit.Rl2Statistics;
import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.testing.TrialHarness;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@code bayes-ucb} tabular-MDP baseline and expert: the upper-bound rule, its result against PSRL on the RL² Table
 * 2 protocol, and the expert's one-hot against the rule on the trial's own steps.
 */
class BayesUcbTest {

    private static Baseline named(TabularMdpFactory factory, String name) {
        return factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRuleTakesTheHighestUpperBoundAndTheLowestIndexAmongTies() {
        MdpPosterior belief = BayesUcbBaseline.posterior(new TabularMdpConfig(2, 3, 1, 5));
        assertThat(belief.upperBoundAction(0, 1.0)).as("the prior ties every action").isZero();
        belief.update(0, 1, 4.0, 0); // action 1 paid well once: mean (1 + 4) / 2 = 2.5, sd 1/√2
        assertThat(belief.upperBoundAction(0, 0.0)).isEqualTo(1);
        assertThat(belief.upperBoundAction(0, 1.0)).isEqualTo(1);
        belief.update(0, 1, -2.0, 0); // then badly: mean (1 + 4 - 2) / 3 = 1, sd 1/√3
        assertThat(belief.upperBoundAction(0, 0.0)).as("tie at the prior mean: the lowest index").isZero();
        assertThat(belief.upperBoundAction(0, 1.0)).as("an untried action is more uncertain").isZero();
        assertThat(belief.upperBoundAction(1, 1.0)).as("another state's belief is untouched").isZero();
    }

    @Test
    void beatsPsrlAndTheGreedyPlannerOnTheRl2Protocol() {
        TabularMdpFactory factory = new TabularMdpFactory(new TabularMdpConfig(10, 5, 10, 10));
        TrialHarness harness = new TrialHarness(factory);
        double[] ucb = Rl2Statistics.trialReturns(harness.run(named(factory, "bayes-ucb"), Split.TEST, 500, 10, 1));
        double[] psrl = Rl2Statistics.trialReturns(harness.run(named(factory, "psrl"), Split.TEST, 500, 10, 1));
        double[] greedy = Rl2Statistics.trialReturns(harness.run(named(factory, "greedy"), Split.TEST, 500, 10, 1));
        // measured on 1000 TEST trials: 163.2 against PSRL's 139.3 and greedy's 136.6
        assertThat(Rl2Statistics.mean(ucb)).isGreaterThan(Rl2Statistics.mean(psrl) + 15).isGreaterThan(Rl2Statistics
                .mean(greedy) + 15);
        double width = ((BayesUcbBaseline) named(factory, "bayes-ucb")).c();
        assertThat(TabularMdpFactory.WIDTH_GRID).contains(width);
    }

    @Test
    void theCommittingVariantDropsTheWidthToZeroInTheLastEpisodesOnly() {
        TabularMdpConfig config = new TabularMdpConfig(4, 3, 6, 5);
        TabularMdpFactory factory = new TabularMdpFactory(config);
        double c = 1.5;
        int commit = 2;
        Baseline variant = BayesUcbBaseline.committing(config, TunedParameter.fixed(c), TunedParameter.fixed(commit));
        assertThat(variant.name()).isEqualTo("bayes-ucb-commit");
        assertThat(variant.description()).contains("last m episodes, m = 2");
        int switched = 0;
        for (long seed = 0; seed < 20; seed++) {
            MdpPosterior belief = BayesUcbBaseline.posterior(config);
            Baseline.Actor actor = variant.start(null, seed);
            StepInput input = new StepInput(factory.spec());
            Action action = Action.of(factory.spec().actionSpace());
            StepResult result = new StepResult();
            try (Environment env = factory.create()) {
                env.setTask(factory.tasks().sample(Split.TRAIN, seed));
                input.beginTrial();
                for (int episode = 0; episode < config.episodes(); episode++) {
                    if (episode > 0) {
                        input.nextEpisode();
                    }
                    env.reset(episode, input.observation());
                    for (int t = 0; t < config.horizon(); t++) {
                        int state = stateOf(input.observation());
                        actor.act(input, action);
                        boolean exploiting = episode >= config.episodes() - commit;
                        assertThat(action.index()).as("trial %d episode %d step %d", seed, episode, t).isEqualTo(
                                belief.upperBoundAction(state, exploiting ? 0 : c));
                        switched += exploiting && action.index() != belief.upperBoundAction(state, c) ? 1 : 0;
                        env.step(action, input.observation(), result);
                        input.record(action, result.reward(), t == config.horizon() - 1);
                        belief.update(state, action.index(), result.reward(), t == config.horizon() - 1
                                ? -1
                                : stateOf(input.observation()));
                    }
                }
            }
        }
        assertThat(switched).as("steps where exploiting changed the choice").isPositive();
    }

    @Test
    void committingToTheBestActionAtTheEndOfLongTrialsEarnsMore() {
        TabularMdpFactory factory = new TabularMdpFactory(new TabularMdpConfig(10, 5, 25, 10));
        TrialHarness harness = new TrialHarness(factory);
        BayesUcbBaseline variant = (BayesUcbBaseline) named(factory, "bayes-ucb-commit");
        assertThat(variant.commitEpisodes()).as("tuned on TRAIN").isBetween(1, 12);
        double[] ours = Rl2Statistics.trialReturns(harness.run(variant, Split.TEST, 1000, 25, 1));
        double[] plain = Rl2Statistics.trialReturns(harness.run(named(factory, "bayes-ucb"), Split.TEST, 1000, 25, 1));
        double[] d = new double[ours.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = ours[i] - plain[i];
        }
        // measured: +1.1 ± 0.2 (TRAIN, 2000 trials, 6 final episodes); the same tasks and seeds, so the difference is
        // the last episodes' choices alone
        assertThat(Rl2Statistics.mean(d)).isGreaterThan(0);
    }

    @Test
    void theExpertIsTheRulesChoiceOnThisTrialsSteps() {
        TabularMdpConfig config = new TabularMdpConfig(3, 4, 4, 6, "bayes-ucb");
        TabularMdpFactory factory = new TabularMdpFactory(config);
        double width = ((BayesUcbBaseline) named(factory, "bayes-ucb")).c();
        try (Environment env = factory.create()) {
            MdpPosterior belief = BayesUcbBaseline.posterior(config);
            env.setTask(factory.tasks().sample(Split.TRAIN, 3));
            int[] changes = {0};
            int[] last = {-1};
            walkTrial(env, config, belief, 5, (episode, t, state, expert) -> {
                int choice = belief.upperBoundAction(state, width);
                float[] expected = new float[4];
                expected[choice] = 1f;
                assertThat(expert).as("episode %d step %d", episode, t).containsExactly(expected);
                changes[0] += last[0] >= 0 && choice != last[0] ? 1 : 0;
                last[0] = choice;
            });
            assertThat(changes[0]).as("the expert's choice follows the rewards").isPositive();
            PrivilegedFeatures privileged = (PrivilegedFeatures) env;
            float[] f = new float[privileged.privilegedFeatureCount()];
            env.setTask(factory.tasks().sample(Split.TRAIN, 4));
            env.reset(0, new float[3]);
            privileged.writePrivilegedFeatures(f, 0);
            assertThat(f[privileged.expertActionOffset()]).as("a new task forgets the last one's steps").isEqualTo(1f);
        }
    }

    @Test
    void theCommittingExpertIsTheVariantsChoiceWithWidthZeroInTheLastEpisodes() {
        TabularMdpConfig config = new TabularMdpConfig(3, 4, 6, 6, "bayes-ucb-commit");
        TabularMdpFactory factory = new TabularMdpFactory(config);
        double width = 1.5;
        int commit = 2;
        try (Environment env = new TabularMdpEnvironment(factory.spec(), config, width, commit)) {
            int[] differs = {0};
            for (long trial = 0; trial < 5; trial++) {
                MdpPosterior belief = BayesUcbBaseline.posterior(config);
                env.setTask(factory.tasks().sample(Split.TRAIN, trial));
                walkTrial(env, config, belief, trial, (episode, t, state, expert) -> {
                    boolean exploiting = episode >= config.episodes() - commit;
                    int choice = belief.upperBoundAction(state, exploiting ? 0 : width);
                    float[] expected = new float[4];
                    expected[choice] = 1f;
                    assertThat(expert).as("episode %d step %d", episode, t).containsExactly(expected);
                    differs[0] += exploiting && choice != belief.upperBoundAction(state, width) ? 1 : 0;
                });
            }
            assertThat(differs[0]).as("steps where committing changed the expert's choice").isPositive();
        }
        assertThat(((TabularMdpFactory) new TabularMdpPlugin().configure(Map.of("expert", "bayes-ucb-commit")))
                .config().expert()).isEqualTo("bayes-ucb-commit");
    }

    @Test
    void withATemperatureTheExpertIsTheSoftmaxOfTheUpperBoundsWhoseArgmaxIsTheRulesChoice() {
        double temperature = 0.1;
        TabularMdpConfig config = new TabularMdpConfig(3, 4, 3, 6, "bayes-ucb", temperature);
        TabularMdpFactory factory = new TabularMdpFactory(config);
        double width = ((BayesUcbBaseline) named(factory, "bayes-ucb")).c();
        try (Environment env = factory.create()) {
            MdpPosterior belief = BayesUcbBaseline.posterior(config);
            env.setTask(factory.tasks().sample(Split.TRAIN, 5));
            double[] bounds = new double[4];
            int[] sharp = {0};
            walkTrial(env, config, belief, 9, (episode, t, state, expert) -> {
                belief.upperBounds(state, width, bounds);
                double sum = 0;
                for (double b : bounds) {
                    sum += Math.exp(b / temperature);
                }
                float total = 0;
                for (int a = 0; a < 4; a++) {
                    assertThat((double) expert[a]).as("episode %d step %d action %d", episode, t, a).isCloseTo(Math
                            .exp(bounds[a] / temperature) / sum, within(1e-6));
                    total += expert[a];
                }
                assertThat(total).isCloseTo(1f, within(1e-5f));
                int choice = belief.upperBoundAction(state, width);
                for (int a = 0; a < 4; a++) {
                    assertThat(expert[a]).isLessThanOrEqualTo(expert[choice]);
                }
                sharp[0] += expert[choice] > 0.9f ? 1 : 0;
            });
            assertThat(sharp[0]).as("clear choices give nearly one-hot targets").isPositive();
        }
    }

    /** What a test checks at one step of {@link #walkTrial}: the expert's features over the actions, before acting. */
    private interface ExpertStep {
        void check(int episode, int t, int state, float[] expert);
    }

    /**
     * Plays one trial of {@code env}'s task with uniformly random actions (seeded by {@code seed}), showing
     * {@code check} every step's expert features, and credits each step to {@code belief} afterwards, as the rule would
     * see it.
     */
    private static void walkTrial(Environment env, TabularMdpConfig config, MdpPosterior belief, long seed,
            ExpertStep check) {
        PrivilegedFeatures privileged = (PrivilegedFeatures) env;
        float[] obs = new float[config.states()];
        float[] f = new float[privileged.privilegedFeatureCount()];
        int at = privileged.expertActionOffset();
        Action action = Action.of(env.spec().actionSpace());
        StepResult result = new StepResult();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int episode = 0; episode < config.episodes(); episode++) {
            env.reset(episode, obs);
            for (int t = 0; t < config.horizon(); t++) {
                int state = stateOf(obs);
                privileged.writePrivilegedFeatures(f, 0);
                check.check(episode, t, state, Arrays.copyOfRange(f, at, at + config.actions()));
                action.setIndex(rng.nextInt(config.actions()));
                env.step(action, obs, result);
                belief.update(state, action.index(), result.reward(), result.truncated() ? -1 : stateOf(obs));
            }
        }
    }

    @Test
    void theExpertOptionIsChecked() {
        TabularMdpPlugin plugin = new TabularMdpPlugin();
        assertThat(plugin.options()).anySatisfy(o -> {
            assertThat(o.key()).isEqualTo("expert");
            assertThat(o.defaultValue()).isEqualTo("greedy");
        });
        assertThatThrownBy(() -> plugin.configure(Map.of("expert", "psrl"))).hasMessageContaining("expert")
                .hasMessageContaining("bayes-ucb").hasMessageContaining("bayes-ucb-commit");
        assertThatThrownBy(() -> new TabularMdpConfig(2, 2, 1, 1, "ucb1")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("greedy");
        assertThat(plugin.configure(Map.of("expert",
                "bayes-ucb")).baselines()).extracting(Baseline::name).contains("bayes-ucb", "psrl");
        assertThat(((TabularMdpFactory) plugin.configure(Map.of("expert", "bayes-ucb", "expert-temperature", "0.1")))
                .config().expertTemperature()).isEqualTo(0.1);
        assertThatThrownBy(() -> plugin.configure(Map.of("expert-temperature", "0.1"))).hasMessageContaining(
                "expert-temperature").hasMessageContaining("bayes-ucb");
        assertThatThrownBy(() -> plugin.configure(Map.of("expert", "bayes-ucb", "expert-temperature", "-1")))
                .hasMessageContaining("expert-temperature").hasMessageContaining("0..10");
        assertThatThrownBy(() -> new TabularMdpConfig(2, 2, 1, 1, "greedy", 0.5)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("bayes-ucb expert only");
    }

    private static int stateOf(float[] obs) {
        for (int s = 0; s < obs.length; s++) {
            if (obs[s] > 0.5f) {
                return s;
            }
        }
        throw new AssertionError("not one-hot: " + Arrays.toString(obs));
    }
}
