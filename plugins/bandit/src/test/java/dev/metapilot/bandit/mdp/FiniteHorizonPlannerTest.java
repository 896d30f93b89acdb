package dev.metapilot.bandit.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FiniteHorizonPlannerTest {

    @Test
    void solvesATwoStateChainByHand() {
        // state 0: action 0 pays 1 and stays; action 1 pays 0 and moves to state 1; state 1 pays 3 for either action
        // and stays. Horizon 3 from state 0: move first (0 + 3 + 3 = 6) beats staying (1 + 1 + 1 = 3 or 1 + 0 + 3).
        double[] r = {1, 0, 3, 3};
        double[] p = {1, 0, 0, 1, 0, 1, 0, 1};
        FiniteHorizonPlanner planner = new FiniteHorizonPlanner(2, 2, 3);
        planner.solve(r, p);
        assertThat(planner.value(0, 0)).isCloseTo(6, within(1e-12));
        assertThat(planner.value(2, 0)).isCloseTo(1, within(1e-12)); // last step: take the 1
        assertThat(planner.q(1, 0, 1)).isCloseTo(3, within(1e-12));
        SplittableRandom rng = new SplittableRandom(1);
        assertThat(planner.bestAction(0, 0, rng)).isEqualTo(1);
        assertThat(planner.bestAction(2, 0, rng)).isEqualTo(0);
        // state 1: both actions tie; ties are broken at random, both get picked
        boolean[] seen = new boolean[2];
        for (int i = 0; i < 100; i++) {
            seen[planner.bestAction(0, 1, rng)] = true;
        }
        assertThat(seen).containsExactly(true, true);
    }
}
