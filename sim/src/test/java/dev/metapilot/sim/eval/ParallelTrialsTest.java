package dev.metapilot.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.policy.BaselinePolicy;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.sim.testing.Plugins;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Trials spread over threads give the same outcomes as one thread, and each thread gets its own policy. */
class ParallelTrialsTest {

    @Test
    void outcomesDoNotDependOnTheNumberOfThreads() {
        EnvironmentFactory factory = Plugins.bandit(3, 6);
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < 23; t++) {
            tasks.add(factory.tasks().sample(Split.TEST, t));
        }
        TrialPlan plan = new TrialPlan(tasks, 6, 5);
        Baseline thompson = factory.baselines().stream().filter(b -> b.name().equals("thompson")).findFirst()
                .orElseThrow();
        AtomicInteger opened = new AtomicInteger();
        Contender contender = new Contender("thompson", () -> {
            opened.incrementAndGet();
            return new BaselinePolicy(thompson);
        });
        Outcomes one = new ParallelTrials(factory, 1).run(contender, plan);
        Outcomes four = new ParallelTrials(factory, 4).run(contender, plan);
        assertThat(opened).hasValue(1 + 4);
        for (int e = 0; e < 6; e++) {
            assertThat(four.cumulativeReturn(e)).isEqualTo(one.cumulativeReturn(e));
            assertThat(four.episodeReturn(e)).isEqualTo(one.episodeReturn(e));
        }
        assertThat(one.trialReturn().n()).isEqualTo(23);
    }
}
