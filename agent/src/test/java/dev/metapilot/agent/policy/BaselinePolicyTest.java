package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinePolicyTest {

    static final Task TASK = () -> "t";

    static List<Integer> draws(Policy policy, long seed) {
        Action a = Action.of(new Discrete(10));
        policy.beginTrial(TASK, seed);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            assertThat(policy.act(null, a)).isTrue();
            out.add(a.index());
        }
        return out;
    }

    @Test
    void startsTheBaselineWithTheTrialsTaskAndSeed() {
        List<String> started = new ArrayList<>();
        Baseline recording = new Baseline() {
            @Override
            public String name() {
                return "oracle";
            }

            @Override
            public String description() {
                return "records";
            }

            @Override
            public Actor start(Task task, long seed) {
                started.add(task.id() + "/" + seed);
                return (input, out) -> out.setIndex((int) seed % 10);
            }
        };
        try (BaselinePolicy policy = new BaselinePolicy(recording)) {
            assertThat(policy.name()).isEqualTo("oracle");
            assertThat(draws(policy, 4)).containsOnly(4);
            assertThat(started).containsExactly("t/4");
        }
    }

    @Test
    void seededLikeTheBaselineItself() {
        BaselinePolicy policy = new BaselinePolicy(new RandomBaseline(new Discrete(10)));
        assertThat(draws(policy, 9)).isEqualTo(draws(policy, 9)).isNotEqualTo(draws(policy, 10));
    }

    @Test
    void actBeforeBeginTrialOrAfterCloseIsAnError() {
        BaselinePolicy policy = new BaselinePolicy(new RandomBaseline(new Discrete(2)));
        assertThatThrownBy(() -> policy.act(null, Action.of(new Discrete(2)))).isInstanceOf(
                IllegalStateException.class).hasMessageContaining("before beginTrial");
        policy.close();
        assertThatThrownBy(() -> policy.beginTrial(TASK, 1)).hasMessageContaining("is closed");
    }
}
