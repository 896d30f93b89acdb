package dev.metapilot.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PublishedResultsTest {

    private final PublishedResults published = PublishedResults.load();

    @Test
    void coversNineBanditSettingsAndFiveMdpSettings() {
        assertThat(published.rows()).filteredOn(r -> r.env().equals("bandit")).hasSize(9 * 8);
        assertThat(published.rows()).filteredOn(r -> r.env().equals("tabular-mdp")).hasSize(5 * 8);
        for (int n : new int[]{10, 100, 500}) {
            for (int k : new int[]{5, 10, 50}) {
                for (String m : new String[]{"random", "gittins", "thompson", "ots", "ucb1", "epsilon-greedy",
                        "greedy", "rl2"}) {
                    assertThat(published.bandit(n, k, m)).as("n=%d k=%d %s", n, k, m).isPresent();
                }
            }
        }
        for (int n : new int[]{10, 25, 50, 75, 100}) {
            for (String m : new String[]{"random", "psrl", "opsrl", "ucrl2", "beb", "epsilon-greedy", "greedy",
                    "rl2"}) {
                assertThat(published.tabularMdp(n, m)).as("n=%d %s", n, m).isPresent();
            }
        }
    }

    @Test
    void knownCellsAndRandomRowsAreConsistent() {
        assertThat(published.bandit(10, 5, "ucb1")).isEqualTo(OptionalDouble.of(6.7));
        assertThat(published.bandit(100, 5, "gittins")).isEqualTo(OptionalDouble.of(78.3));
        assertThat(published.tabularMdp(10, "psrl")).isEqualTo(OptionalDouble.of(138.1));
        assertThat(published.bandit(10, 5, "bayes-optimal")).isEmpty();
        // random earns n/2 on a bandit and 10 per episode on the MDP (mean reward 1, horizon 10) in expectation
        published.rows().stream().filter(r -> r.method().equals("random")).forEach(r -> assertThat(r.value())
                .as("random %s n=%d", r.env(), r.n())
                .isCloseTo(r.env().equals("bandit") ? r.n() / 2.0 : 10.0 * r.n(),
                        org.assertj.core.data.Percentage.withPercentage(3)));
    }
}
