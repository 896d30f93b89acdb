package dev.metapilot.agent.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RunningMeanTest {

    @Test
    void meanAndHalfWidthOfKnownValues() {
        RunningMean m = new RunningMean();
        for (double x : new double[]{2, 4, 4, 4, 5, 5, 7, 9}) {
            m.add(x);
        }
        // mean 5, sample sd sqrt(32 / 7), half-width 1.959964 * sd / sqrt(8)
        EpisodeStats.Estimate e = m.estimate();
        assertThat(e.mean()).isEqualTo(5.0);
        assertThat(e.halfWidth()).isCloseTo(1.959964 * Math.sqrt(32.0 / 7) / Math.sqrt(8), within(1e-12));
        assertThat(e.n()).isEqualTo(8);
    }

    @Test
    void noValuesIsAnUnknownMeanAndOneValueHasNoSpread() {
        RunningMean m = new RunningMean();
        assertThat(m.estimate().mean()).isNaN();
        m.add(3);
        assertThat(m.estimate()).isEqualTo(new EpisodeStats.Estimate(3, 0, 1));
    }

    @Property(tries = 200)
    void agreesWithTheTwoPassFormula(
            @ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = -1e6, max = 1e6) Double> xs) {
        RunningMean m = new RunningMean();
        xs.forEach(m::add);
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double half = 1.959964 * Math.sqrt(ss / (xs.size() - 1)) / Math.sqrt(xs.size());
        assertThat(m.estimate().mean()).isCloseTo(mean, within(1e-6));
        assertThat(m.estimate().halfWidth()).isCloseTo(half, within(1e-6 + 1e-9 * half));
    }
}
