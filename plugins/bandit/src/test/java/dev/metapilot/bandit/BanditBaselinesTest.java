package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.bandit.tuning.TunedParameter;
import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import org.junit.jupiter.api.Test;

/** Unit checks of the bandit baselines' decision rules, fed hand-made RL² inputs. */
class BanditBaselinesTest {

    private static final int ARMS = 3;
    private final EnvSpec spec = new EnvSpec("bandit", new Discrete(1), new Discrete(ARMS), 1, 100);
    private final BanditTask task = new BanditTask("t", new double[]{0.5, 0.5, 0.5});

    /** Feeds {@code history} (arm, reward pairs) to the actor and returns its next choice. */
    private int next(Baseline baseline, int... history) {
        Baseline.Actor actor = baseline.start(task, 1);
        StepInput input = new StepInput(spec);
        input.beginTrial();
        input.observation()[0] = 1;
        Action action = Action.of(spec.actionSpace());
        Action forced = Action.of(spec.actionSpace());
        for (int i = 0; i < history.length; i += 2) {
            actor.act(input, action);
            forced.setIndex(history[i]);
            input.record(forced, history[i + 1], true);
            input.nextEpisode();
        }
        actor.act(input, action);
        return action.index();
    }

    @Test
    void greedyFollowsThePosteriorMeanWithTiesToTheLowestArm() {
        GreedyBaseline greedy = new GreedyBaseline(ARMS);
        assertThat(next(greedy)).isZero();
        assertThat(next(greedy, 0, 1)).isZero(); // 2/3 beats 1/2
        assertThat(next(greedy, 0, 0)).isEqualTo(1); // 1/3 loses to the unpulled 1/2
        assertThat(next(greedy, 0, 0, 1, 0, 2, 1, 2, 0)).isEqualTo(2); // 2/4 beats 1/3 and 1/3
        assertThat(next(greedy, 0, 1, 0, 0)).isZero(); // 2/4 ties the unpulled arms, lowest index wins
    }

    @Test
    void epsilonZeroIsGreedyAndEpsilonOneIsUniform() {
        EpsilonGreedyBaseline zero = new EpsilonGreedyBaseline(ARMS, TunedParameter.fixed(0));
        assertThat(next(zero, 0, 1, 0, 1)).isZero();
        EpsilonGreedyBaseline one = new EpsilonGreedyBaseline(ARMS, TunedParameter.fixed(1));
        int[] counts = new int[ARMS];
        for (int seed = 0; seed < 3000; seed++) {
            Baseline.Actor actor = one.start(task, seed);
            StepInput input = new StepInput(spec);
            input.beginTrial();
            Action action = Action.of(spec.actionSpace());
            actor.act(input, action);
            counts[action.index()]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(850, 1150);
        }
    }

    @Test
    void ucbStartsWithArmZeroThenPrefersTheLessTriedArm() {
        Ucb1Baseline ucb = new Ucb1Baseline(ARMS, TunedParameter.fixed(1));
        assertThat(next(ucb)).isZero();
        // arm 0: 3 successes in 4 pulls -> mean 4/6 = .667, bonus sqrt(2 ln 4 / 6) = .68;
        // arm 1 unpulled -> mean .5, bonus sqrt(2 ln 4 / 2) = 1.18: the unexplored arm wins
        assertThat(next(ucb, 0, 1, 0, 1, 0, 1, 0, 0)).isEqualTo(1);
        // with c = 0 it is greedy
        assertThat(next(new Ucb1Baseline(ARMS, TunedParameter.fixed(0)), 0, 1, 0, 1, 0, 1, 0, 0)).isZero();
    }

    @Test
    void thompsonConcentratesOnTheArmWithOverwhelmingEvidence() {
        ThompsonSamplingBaseline ts = new ThompsonSamplingBaseline(ARMS);
        int[] history = new int[2 * 60];
        for (int i = 0; i < 30; i++) {
            history[2 * i] = 1;
            history[2 * i + 1] = 1; // arm 1: 30 successes
            history[2 * (30 + i)] = 2;
            history[2 * (30 + i) + 1] = 0; // arm 2: 30 failures
        }
        int chosenOne = 0;
        for (int seed = 0; seed < 200; seed++) {
            Baseline.Actor actor = ts.start(task, seed);
            StepInput input = new StepInput(spec);
            input.beginTrial();
            Action action = Action.of(spec.actionSpace());
            Action forced = Action.of(spec.actionSpace());
            for (int i = 0; i < history.length; i += 2) {
                actor.act(input, action);
                forced.setIndex(history[i]);
                input.record(forced, history[i + 1], true);
                input.nextEpisode();
            }
            actor.act(input, action);
            assertThat(action.index()).isNotEqualTo(2);
            chosenOne += action.index() == 1 ? 1 : 0;
        }
        // arm 0 (Beta(1,1)) beats Beta(31,1) with probability 1/32
        assertThat(chosenOne).isGreaterThan(180);
    }

    @Test
    void bayesOptimalTakesTheSureArmAtTheLastPull() {
        BayesOptimalBaseline bo = new BayesOptimalBaseline(ARMS, 3);
        // two pulls made: arm 2 paid once (mean 2/3) beats fresh arms (1/2) at the last pull
        assertThat(next(bo, 0, 0, 2, 1)).isEqualTo(2);
        // beyond the horizon it falls back to greedy instead of failing
        assertThat(next(bo, 0, 0, 2, 1, 2, 1, 1, 1)).isEqualTo(2);
    }
}
