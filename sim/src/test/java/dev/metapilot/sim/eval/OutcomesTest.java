package dev.metapilot.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.agent.trial.EpisodeRecord;
import dev.metapilot.agent.trial.EpisodeRecord.End;
import dev.metapilot.agent.trial.EpisodeStats.Estimate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static EpisodeRecord episode(int trial, int episode, int steps, double ret) {
        return new EpisodeRecord("p", trial, episode, "task", steps, ret, steps < 10, 0, steps < 10
                ? End.TERMINATED
                : End.TRUNCATED);
    }

    @Test
    void perEpisodeCumulativeAndPairedFigures() {
        Outcomes o = new Outcomes("p", 3, 2);
        o.episodeEnded(episode(0, 0, 4, 1));
        o.episodeEnded(episode(0, 1, 2, 3));
        o.episodeEnded(episode(1, 0, 10, 0));
        o.episodeEnded(episode(1, 1, 6, 2));
        o.episodeEnded(episode(2, 0, 8, 2));
        o.episodeEnded(episode(2, 1, 4, 4));
        assertThat(o.steps(0).mean()).isCloseTo(22 / 3.0, Offset.offset(1e-12));
        assertThat(o.success(0).mean()).isCloseTo(2 / 3.0, Offset.offset(1e-12));
        assertThat(o.cumulativeReturn(1).mean()).isCloseTo(4, Offset.offset(1e-12));
        assertThat(o.trialReturn()).isEqualTo(o.cumulativeReturn(1));
        Estimate change = o.returnChange(0, 1);
        assertThat(change.mean()).isCloseTo(2, Offset.offset(1e-12));
        assertThat(change.halfWidth()).isZero();
        assertThat(change.n()).isEqualTo(3);
    }

    @Test
    void episodesATrialNeverReachedAreLeftOut() {
        Outcomes o = new Outcomes("p", 2, 2);
        o.episodeEnded(episode(0, 0, 4, 1));
        o.episodeEnded(episode(0, 1, 2, 3));
        o.episodeEnded(episode(1, 0, 10, 0));
        assertThat(o.steps(1).n()).isEqualTo(1);
        assertThat(o.episodeReturn(1).mean()).isEqualTo(3);
        assertThat(o.trialReturn().n()).isEqualTo(1);
        assertThat(o.cumulativeReturn(0).n()).isEqualTo(2);
    }

    @Test
    void pairedDifferencesBetweenTwoContenders() {
        Outcomes a = new Outcomes("a", 2, 1);
        Outcomes b = new Outcomes("b", 2, 1);
        a.episodeEnded(episode(0, 0, 1, 5));
        a.episodeEnded(episode(1, 0, 1, 7));
        b.episodeEnded(episode(0, 0, 1, 4));
        b.episodeEnded(episode(1, 0, 1, 6));
        assertThat(a.trialReturnMinus(b).mean()).isEqualTo(1);
        assertThat(a.trialReturnMinus(b).halfWidth()).isZero();
        assertThat(a.episodeReturnMinus(b, 0).mean()).isEqualTo(1);
    }
}
