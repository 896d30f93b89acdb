package dev.metapilot.agent.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.agent.policy.BaselinePolicy;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.testing.ClasspathPlugin;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan split into trial ranges, one runner and policy per range, gives the records of one run over the whole. */
class TrialRunnerRangeTest {

    private final EnvironmentFactory factory = new ClasspathPlugin().configureDefaults();

    @Test
    void rangesReproduceTheWholeRun() {
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < 9; t++) {
            tasks.add(factory.tasks().sample(Split.TEST, t));
        }
        TrialPlan plan = new TrialPlan(tasks, 2, 11);
        TrialRunner runner = new TrialRunner(factory, ActionGuard.Settings.DEFAULT);
        List<EpisodeRecord> whole = new ArrayList<>();
        runner.run(new BaselinePolicy(factory.baselines().get(0)), plan, whole::add);

        List<EpisodeRecord> split = new ArrayList<>();
        runner.run(new BaselinePolicy(factory.baselines().get(0)), plan, 0, 4, split::add);
        runner.run(new BaselinePolicy(factory.baselines().get(0)), plan, 4, 9, split::add);

        assertThat(split).isEqualTo(whole);
        assertThat(whole).extracting(EpisodeRecord::steps).doesNotContainNull().hasSize(18);
    }

    @Test
    void aRangeOutsideThePlanIsRefused() {
        TrialPlan plan = new TrialPlan(List.of(factory.tasks().sample(Split.TEST, 0)), 2, 0);
        assertThatThrownBy(() -> new TrialRunner(factory, ActionGuard.Settings.DEFAULT).run(new BaselinePolicy(factory
                .baselines().get(0)), plan, 0, 2, r -> {})).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
