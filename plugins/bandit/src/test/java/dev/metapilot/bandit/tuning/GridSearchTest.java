package dev.metapilot.bandit.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.bandit.BanditConfig;
import dev.metapilot.bandit.BanditFactory;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private final BanditFactory factory = new BanditFactory(new BanditConfig(2, 20));

    /** Always pulls {@code arm}: on bandits with i.i.d. arms every fixed arm earns the same in expectation. */
    private static Baseline fixedArm(int arm, AtomicInteger trials) {
        return new Baseline() {
            @Override
            public String name() {
                return "arm-" + arm;
            }

            @Override
            public String description() {
                return "always arm " + arm;
            }

            @Override
            public Actor start(Task task, long seed) {
                trials.incrementAndGet();
                return (input, out) -> out.setIndex(arm);
            }
        };
    }

    @Test
    void picksTheValueWithTheHighestTrainReturnAndRunsOnce() {
        AtomicInteger trials = new AtomicInteger();
        // a baseline that never pulls anything useful scores 0; one that pulls arm 0 scores about n/2
        TunedParameter p = TunedParameter.tuned(factory, new double[]{0, 1}, v -> v == 0
                ? fixedArm(0, trials)
                : new Baseline() {
                    @Override
                    public String name() {
                        return "worst-arm";
                    }

                    @Override
                    public String description() {
                        return "pulls the worse arm, knowing the task";
                    }

                    @Override
                    public Actor start(Task task, long seed) {
                        trials.incrementAndGet();
                        var bandit = (dev.metapilot.bandit.BanditTask) task;
                        int worse = bandit.probability(0) < bandit.probability(1) ? 0 : 1;
                        return (input, out) -> out.setIndex(worse);
                    }
                });
        assertThat(p.isTuned()).isTrue();
        assertThat(p.value()).isEqualTo(0);
        assertThat(p.value()).isEqualTo(0);
        assertThat(trials.get()).isEqualTo(2 * GridSearch.TRIALS);
        assertThat(p.toString()).contains("0.0 from");
    }

    @Test
    void trialRunnerSumsEveryEpisode() {
        double[] returns = new TrialRunner(factory).run(fixedArm(1, new AtomicInteger()),
                dev.metapilot.env.Split.TRAIN, 400, 3);
        assertThat(returns).hasSize(400);
        for (double r : returns) {
            assertThat(r).isBetween(0.0, 20.0);
        }
        assertThat(TrialRunner.mean(returns)).isBetween(8.0, 12.0);
    }

    @Test
    void gridsAndArgumentsAreChecked() {
        assertThat(GridSearch.linear(0, 1, 0.1)).hasSize(11).startsWith(0.0, 0.1, 0.2).endsWith(1.0);
        assertThat(GridSearch.linear(0.1, 1, 0.1)).hasSize(10).startsWith(0.1).endsWith(1.0);
        assertThat(TunedParameter.fixed(0.3).value()).isEqualTo(0.3);
        assertThat(TunedParameter.fixed(0.3).isTuned()).isFalse();
        assertThatThrownBy(() -> TunedParameter.tuned(factory, new double[0], v -> null))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new TrialRunner(factory).run(fixedArm(0, new AtomicInteger()),
                dev.metapilot.env.Split.TRAIN, 0, 1)).hasMessageContaining("trials");
    }
}
