package dev.metapilot.agent.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.policy.Policy;
import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.testing.ClasspathPlugin;
import dev.metapilot.env.Action;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialRunnerTest {

    private final EnvironmentFactory factory = new ClasspathPlugin().configureDefaults();

    /** Moves right, and records the RL² inputs it is shown at each step. */
    static final class Recorder implements Policy {
        final List<String> seen = new ArrayList<>();
        int nanAfter = Integer.MAX_VALUE;
        int calls;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void beginTrial(Task task, long seed) {
            seen.add("trial " + task.id());
        }

        @Override
        public boolean act(StepInput in, Action out) {
            seen.add("e" + in.episode() + " s" + in.step() + " prevA=" + in.previousAction().index() + " prevR="
                    + in.previousReward() + " prevDone=" + in.previousDone());
            out.setIndex(1);
            return ++calls <= nanAfter;
        }

        @Override
        public void close() {}
    }

    @Test
    void carriesPreviousInputsAcrossEpisodesAndResetsThemAtTrialStart() {
        Recorder policy = new Recorder();
        List<EpisodeRecord> records = new ArrayList<>();
        Task goalAt1 = factory.tasks().sample(Split.TEST, 0);
        new TrialRunner(factory, ActionGuard.Settings.DEFAULT).run(policy, new TrialPlan(List.of(goalAt1, goalAt1),
                2, 7), records::add);
        assertThat(policy.seen).containsExactly("trial TEST-0", "e0 s0 prevA=0 prevR=0.0 prevDone=false",
                "e1 s0 prevA=1 prevR=1.0 prevDone=true", "trial TEST-0", "e0 s0 prevA=0 prevR=0.0 prevDone=false",
                "e1 s0 prevA=1 prevR=1.0 prevDone=true");
        assertThat(records).extracting(EpisodeRecord::trial, EpisodeRecord::episode, EpisodeRecord::steps,
                EpisodeRecord::success).containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0, 1, true),
                        org.assertj.core.groups.Tuple.tuple(0, 1, 1, true), org.assertj.core.groups.Tuple.tuple(1, 0,
                                1, true),
                        org.assertj.core.groups.Tuple.tuple(1, 1, 1, true));
    }

    @Test
    void truncatesAtTheStepLimit() {
        Recorder policy = new Recorder();
        List<EpisodeRecord> records = new ArrayList<>();
        Task farGoal = factory.tasks().sample(Split.TEST, 2);
        Policy left = new Policy() {
            public String name() {
                return "left";
            }

            public void beginTrial(Task task, long seed) {}

            public boolean act(StepInput in, Action out) {
                out.setIndex(0);
                return true;
            }

            public void close() {}
        };
        new TrialRunner(factory, ActionGuard.Settings.DEFAULT).run(left, new TrialPlan(List.of(farGoal), 1, 0),
                records::add);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.steps()).isEqualTo(7);
            assertThat(r.end()).isEqualTo(EpisodeRecord.End.TRUNCATED);
            assertThat(r.totalReturn()).isCloseTo(-0.7, org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(policy.calls).isZero();
    }

    @Test
    void aPolicyThatEmitsNanIsContainedAndTheTrialStopsCleanly() {
        Recorder policy = new Recorder();
        policy.nanAfter = 2;
        List<EpisodeRecord> records = new ArrayList<>();
        Task farGoal = factory.tasks().sample(Split.TEST, 2);
        new TrialRunner(factory, new ActionGuard.Settings(2, 0f)).run(policy, new TrialPlan(List.of(farGoal,
                farGoal), 2, 0), records::add);
        // Steps 1-2 fine (moving right), step 3 a fault (safe action: stay), step 4 the second fault trips the guard.
        assertThat(records).hasSize(2);
        assertThat(records.get(0).trial()).isZero();
        assertThat(records.get(0).end()).isEqualTo(EpisodeRecord.End.FAULT_LIMIT);
        assertThat(records.get(0).steps()).isEqualTo(3);
        assertThat(records.get(0).faults()).isEqualTo(2);
        assertThat(records.get(1).trial()).isEqualTo(1);
        assertThat(records.get(1).end()).isEqualTo(EpisodeRecord.End.FAULT_LIMIT);
    }

    @Test
    void statisticsPerEpisodeIndex() {
        EpisodeStats stats = new EpisodeStats();
        stats.episodeEnded(new EpisodeRecord("p", 0, 0, "t", 10, 1.0, true, 0, EpisodeRecord.End.TERMINATED));
        stats.episodeEnded(new EpisodeRecord("p", 0, 1, "t", 4, 2.0, true, 0, EpisodeRecord.End.TERMINATED));
        stats.episodeEnded(new EpisodeRecord("p", 1, 0, "t", 20, 3.0, false, 1, EpisodeRecord.End.TRUNCATED));
        stats.episodeEnded(new EpisodeRecord("p", 1, 1, "t", 6, 4.0, true, 0, EpisodeRecord.End.TERMINATED));
        var rows = stats.rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).steps().mean()).isEqualTo(15.0);
        assertThat(rows.get(0).steps().halfWidth()).isCloseTo(1.959964 * Math.sqrt(50) / Math.sqrt(2),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rows.get(0).success().mean()).isEqualTo(0.5);
        assertThat(rows.get(0).faults()).isEqualTo(1);
        assertThat(rows.get(1).steps().mean()).isEqualTo(5.0);
        assertThat(stats.trialReturn().mean()).isEqualTo(5.0);
    }
}
