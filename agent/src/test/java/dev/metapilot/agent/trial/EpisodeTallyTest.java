package dev.metapilot.agent.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import org.junit.jupiter.api.Test;

class EpisodeTallyTest {

    private final EnvSpec spec = new EnvSpec("t", new Discrete(2), new Discrete(3), 3, 2);
    private final StepInput input = new StepInput(spec);
    private final Action action = Action.of(spec.actionSpace());
    private final StepResult result = new StepResult();
    private final EpisodeTally tally = new EpisodeTally(spec.maxEpisodeSteps());

    @Test
    void theStepLimitEndsAnEpisodeTheEnvironmentDoesNotTruncate() {
        tally.begin(0);
        action.setIndex(2);
        result.set(0.5f, false, false, false);
        assertThat(tally.stepped(action, result, input)).isFalse();
        assertThat(input.previousDone()).isFalse();
        assertThat(tally.stepped(action, result, input)).isFalse();
        assertThat(tally.stepped(action, result, input)).isTrue();
        assertThat(input.previousDone()).isTrue();
        assertThat(input.previousAction().index()).isEqualTo(2);
        EpisodeRecord r = tally.finished("p", 4, 1, "task", 0);
        assertThat(r).isEqualTo(new EpisodeRecord("p", 4, 1, "task", 3, 1.5, false, 0, EpisodeRecord.End.TRUNCATED));
    }

    @Test
    void aTerminalStepEndsTheEpisodeTerminatedAndKeepsItsSuccess() {
        tally.begin(0);
        result.set(1f, true, false, true);
        assertThat(tally.stepped(action, result, input)).isTrue();
        assertThat(tally.finished("p", 0, 0, "task", 0).end()).isEqualTo(EpisodeRecord.End.TERMINATED);
        assertThat(tally.finished("p", 0, 0, "task", 0).success()).isTrue();
    }

    @Test
    void anEarlyEndCountsTheStepsSoFarAndOnlyThisEpisodesGuardFaults() {
        tally.begin(0);
        result.set(1f, false, false, true);
        tally.stepped(action, result, input);
        tally.begin(2);
        result.set(-1f, false, false, false);
        tally.stepped(action, result, input);
        EpisodeRecord r = tally.record("p", 0, 1, "task", 5, EpisodeRecord.End.FAULT_LIMIT);
        assertThat(r).isEqualTo(new EpisodeRecord("p", 0, 1, "task", 1, -1.0, false, 3,
                EpisodeRecord.End.FAULT_LIMIT));
    }

    @Test
    void aStepLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new EpisodeTally(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSteps");
    }
}
