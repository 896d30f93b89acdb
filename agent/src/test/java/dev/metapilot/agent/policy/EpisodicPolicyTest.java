package dev.metapilot.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.safety.ActionGuard;
import dev.metapilot.agent.testing.ClasspathPlugin;
import dev.metapilot.agent.trial.TrialPlan;
import dev.metapilot.agent.trial.TrialRunner;
import dev.metapilot.env.Action;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodicPolicyTest {

    private final EnvironmentFactory factory = new ClasspathPlugin().configureDefaults();

    /** Moves right and records every reset (with its seed) and the RL² inputs of every step. */
    static final class Recorder implements Policy {
        final List<String> seen = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();
        boolean closed;

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public void beginTrial(Task task, long seed) {
            seen.add("reset " + task.id());
            seeds.add(seed);
        }

        @Override
        public boolean act(StepInput in, Action out) {
            seen.add("e" + in.episode() + " s" + in.step() + (in.isTrialStart() ? " start" : "") + " prevA=" + in
                    .previousAction().index() + " prevR=" + in.previousReward() + " prevDone=" + in.previousDone()
                    + " obs0=" + in.observation()[0]);
            out.setIndex(1);
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Goal at cell 2: two steps right, rewards -0.1 then +1; two episodes per trial. */
    private final Task goalAt2 = factory.tasks().sample(Split.TEST, 1);

    @Test
    void everyEpisodeStartsWithFreshMemoryAndZeroPreviousInputs() {
        Recorder inner = new Recorder();
        try (EpisodicPolicy policy = new EpisodicPolicy(inner, factory.spec())) {
            new TrialRunner(factory, ActionGuard.Settings.DEFAULT).run(policy, new TrialPlan(List.of(goalAt2), 2, 3),
                    r -> {});
        }
        assertThat(inner.seen).containsExactly("reset TEST-1",
                "e0 s0 start prevA=0 prevR=0.0 prevDone=false obs0=0.0",
                "e0 s1 prevA=1 prevR=-0.1 prevDone=false obs0=0.33333334", "reset TEST-1",
                "e0 s0 start prevA=0 prevR=0.0 prevDone=false obs0=0.0",
                "e0 s1 prevA=1 prevR=-0.1 prevDone=false obs0=0.33333334");
        assertThat(inner.seeds).hasSize(2).doesNotHaveDuplicates();
        assertThat(inner.closed).isTrue();
    }

    @Test
    void withoutTheWrapperTheSecondEpisodeSeesTheFirstOnesEnd() {
        Recorder plain = new Recorder();
        new TrialRunner(factory, ActionGuard.Settings.DEFAULT).run(plain, new TrialPlan(List.of(goalAt2), 2, 3),
                r -> {});
        assertThat(plain.seen).filteredOn(s -> s.startsWith("reset")).hasSize(1);
        assertThat(plain.seen).contains("e1 s0 prevA=1 prevR=1.0 prevDone=true obs0=0.0");
    }

    @Test
    void episodeSeedsAreDeterministicAndTheFirstIsTheTrialSeed() {
        assertThat(EpisodicPolicy.episodeSeed(42, 0)).isEqualTo(42);
        assertThat(EpisodicPolicy.episodeSeed(42, 3)).isEqualTo(EpisodicPolicy.episodeSeed(42, 3)).isNotEqualTo(
                EpisodicPolicy.episodeSeed(42, 2)).isNotEqualTo(EpisodicPolicy.episodeSeed(43, 3));
    }
}
