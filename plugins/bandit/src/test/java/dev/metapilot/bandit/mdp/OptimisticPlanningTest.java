package dev.metapilot.bandit.mdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bandit.Rl2Statistics;
import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.testing.TrialHarness;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The {@code optimistic-vi} tabular-MDP baseline: it plans where {@code bayes-ucb} is myopic, uses the step of the
 * episode, and is a strong rule on the RL² Table 2 protocol.
 */
class OptimisticPlanningTest {

    private static final TabularMdpConfig CONFIG = new TabularMdpConfig(3, 2, 30, 3);

    @Test
    void takesTheActionWhoseSuccessorPaysWhereBayesUcbTakesTheOneThatPaysNow() {
        // history: in state 0, action 0 pays 1.0 and stays; action 1 pays 0.8 and leads to state 1, where action 0
        // pays 3.0 and stays; 20 episodes of each path, so every visited pair is known to about 0.15
        OptimisticPlanningBaseline vi = new OptimisticPlanningBaseline(CONFIG, TunedParameter.fixed(1.0));
        Baseline ucb = new BayesUcbBaseline(CONFIG, TunedParameter.fixed(1.0));
        Script script = new Script(vi.start(null, 1), ucb.start(null, 1));
        for (int e = 0; e < 20; e++) {
            script.episode(new int[]{0, 0, 0}, new int[]{0, 0, 0}, new float[]{1.0f, 1.0f, 1.0f});
            script.episode(new int[]{0, 1, 1}, new int[]{1, 0, 0}, new float[]{0.8f, 3.0f, 3.0f});
        }
        int[] first = script.act(0);
        assertThat(first[1]).as("bayes-ucb: the higher reward now").isZero();
        assertThat(first[0]).as("optimistic-vi at step 0: 0.8 + 3 + 3 beats 1 + 1 + 1").isEqualTo(1);
        script.record(0, 1.0f, 0);
        script.take(0, 0, 1.0f, 0);
        int[] last = script.act(0);
        assertThat(last[0]).as("optimistic-vi at the last step: no successor left to reach").isZero();
    }

    @Test
    void beatsPsrlAndTheGreedyPlannerOnTheRl2Protocol() {
        TabularMdpFactory factory = new TabularMdpFactory(new TabularMdpConfig(10, 5, 10, 10));
        TrialHarness harness = new TrialHarness(factory);
        Baseline vi = factory.baselines().stream().filter(b -> b.name().equals(OptimisticPlanningBaseline.NAME))
                .findFirst().orElseThrow();
        double[] ours = Rl2Statistics.trialReturns(harness.run(vi, Split.TEST, 500, 10, 1));
        double[] psrl = Rl2Statistics.trialReturns(harness.run(named(factory, "psrl"), Split.TEST, 500, 10, 1));
        double[] greedy = Rl2Statistics.trialReturns(harness.run(named(factory, "greedy"), Split.TEST, 500, 10, 1));
        // measured on 1000 TEST trials: 162.9 against PSRL's 139.3 and greedy's 136.6 (bayes-ucb 163.2)
        assertThat(Rl2Statistics.mean(ours)).isGreaterThan(Rl2Statistics.mean(psrl) + 15).isGreaterThan(
                Rl2Statistics.mean(greedy) + 15);
        assertThat(TabularMdpFactory.WIDTH_GRID).contains(((OptimisticPlanningBaseline) vi).c());
    }

    private static Baseline named(TabularMdpFactory factory, String name) {
        return factory.baselines().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    /** Feeds two actors the same scripted trial, step by step, whatever they choose. */
    private static final class Script {

        private final Baseline.Actor[] actors;
        private final StepInput input = new StepInput(new TabularMdpFactory(CONFIG).spec());
        private final Action out = Action.of(new TabularMdpFactory(CONFIG).spec().actionSpace());
        private final Action taken = Action.of(new TabularMdpFactory(CONFIG).spec().actionSpace());

        Script(Baseline.Actor... actors) {
            this.actors = actors;
            input.beginTrial();
        }

        /** One whole episode: the states it visits, the actions taken in them and their rewards. */
        void episode(int[] states, int[] actions, float[] rewards) {
            for (int t = 0; t < states.length; t++) {
                take(states[t], actions[t], rewards[t], t + 1 < states.length
                        ? states[t + 1]
                        : -1);
            }
        }

        /** One step in {@code state}: every actor acts (and learns from the step before), then the script's action. */
        void take(int state, int action, float reward, int next) {
            act(state);
            record(action, reward, next);
        }

        /** Each actor's choice in {@code state} at the running step; each learns from the step before it. */
        int[] act(int state) {
            Arrays.fill(input.observation(), 0f);
            input.observation()[state] = 1f;
            int[] choices = new int[actors.length];
            for (int i = 0; i < actors.length; i++) {
                actors[i].act(input, out);
                choices[i] = out.index();
            }
            return choices;
        }

        /** The script's action after {@link #act}: its reward and next state, -1 when the episode ends with it. */
        void record(int action, float reward, int next) {
            taken.setIndex(action);
            input.record(taken, reward, next < 0);
            if (next < 0) {
                input.nextEpisode();
            }
        }
    }
}
