package dev.metapilot.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActionAndStepInputTest {

    private final EnvSpec discrete = new EnvSpec("d", Box.uniform(2, 0f, 1f), new Discrete(3), 10, 2);

    @Test
    void discreteActionIsOneHotWhenFlattened() {
        Action a = Action.of(new Discrete(3));
        a.setIndex(2);
        float[] flat = {9f, 9f, 9f, 9f};
        a.writeFlat(flat, 1);
        assertThat(flat).containsExactly(9f, 0f, 0f, 1f);
        assertThatThrownBy(() -> a.setIndex(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void boxActionRejectsIndexAndCopiesVector() {
        Action a = Action.of(Box.uniform(2, -1f, 1f));
        assertThatThrownBy(() -> a.setIndex(0)).isInstanceOf(IllegalStateException.class);
        a.values()[1] = 0.5f;
        Action b = Action.of(Box.uniform(2, -1f, 1f));
        b.copyFrom(a);
        assertThat(b.values()).containsExactly(0f, 0.5f);
        assertThatThrownBy(() -> b.copyFrom(Action.of(new Discrete(2)))).hasMessageContaining("cannot copy");
    }

    @Test
    void previousInputsCarryAcrossEpisodesAndResetAtTrialStart() {
        StepInput in = new StepInput(discrete);
        in.beginTrial();
        assertThat(in.previousDone()).isFalse();
        Action a = Action.of(discrete.actionSpace());
        a.setIndex(1);
        in.record(a, 0.5f, false);
        a.setIndex(2);
        in.record(a, 1f, true);
        in.nextEpisode();
        assertThat(in.episode()).isEqualTo(1);
        assertThat(in.step()).isZero();
        assertThat(in.previousDone()).isTrue();
        assertThat(in.previousReward()).isEqualTo(1f);
        assertThat(in.previousAction().index()).isEqualTo(2);
        in.beginTrial();
        assertThat(in.previousAction().index()).isZero();
        assertThat(in.previousReward()).isZero();
        assertThat(in.previousDone()).isFalse();
        assertThat(in.episode()).isZero();
    }

    @Test
    void randomBaselineStaysInTheSpaceAndIsSeeded() {
        Box box = new Box(new float[]{-1f, 0f}, new float[]{1f, Float.POSITIVE_INFINITY});
        Action a = Action.of(box);
        Baseline.Actor actor = new RandomBaseline(box).start(() -> "t", 7);
        Baseline.Actor twin = new RandomBaseline(box).start(() -> "t", 7);
        Action b = Action.of(box);
        for (int i = 0; i < 100; i++) {
            actor.act(null, a);
            twin.act(null, b);
            assertThat(box.contains(a.values())).isTrue();
            assertThat(a.values()).containsExactly(b.values());
        }
    }
}
