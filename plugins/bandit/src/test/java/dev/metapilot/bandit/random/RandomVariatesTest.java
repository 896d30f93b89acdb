package dev.metapilot.bandit.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomVariatesTest {

    @ParameterizedTest(name = "Gamma({0})")
    @CsvSource({"0.3", "1", "2.5", "40"})
    void gammaHasItsMeanAndVariance(double shape) {
        SplitMix64 rng = new SplitMix64(7);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = RandomVariates.gamma(rng, shape);
            assertThat(x).isGreaterThanOrEqualTo(0);
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        // mean shape, variance shape; sd of the sample mean is sqrt(shape / n)
        assertThat(mean).isCloseTo(shape, within(6 * Math.sqrt(shape / n)));
        assertThat(variance).isCloseTo(shape, within(0.05 * shape + 0.01));
    }

    @ParameterizedTest(name = "Beta({0}, {1})")
    @CsvSource({"1,1", "3,1", "1,30", "12,7"})
    void betaHasItsMean(double a, double b) {
        SplitMix64 rng = new SplitMix64(11);
        int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = RandomVariates.beta(rng, a, b);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
        }
        double mean = a / (a + b);
        double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        assertThat(sum / n).isCloseTo(mean, within(6 * sd / Math.sqrt(n)));
    }

    @Property
    void dirichletIsAProbabilityVector(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int k,
            @ForAll @DoubleRange(min = 1e-4, max = 50) @Scale(6) double alpha) {
        double[] a = new double[k];
        java.util.Arrays.fill(a, alpha);
        double[] out = new double[k + 2];
        RandomVariates.dirichlet(new SplitMix64(seed), a, 0, k, out, 1);
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            assertThat(out[i]).isBetween(0.0, 1.0);
            sum += out[i];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        assertThat(out[0]).isZero();
        assertThat(out[k + 1]).isZero();
    }

    @Property(tries = 20)
    void refusesBadShapes(@ForAll @DoubleRange(min = -10, max = 0) double shape) {
        assertThatThrownBy(() -> RandomVariates.gamma(new SplitMix64(1), shape))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shape");
    }

    @Property
    void reseedRepeatsTheStream(@ForAll long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        long a = rng.nextLong();
        double b = rng.nextGaussian();
        rng.reseed(seed);
        assertThat(rng.nextLong()).isEqualTo(a);
        assertThat(rng.nextGaussian()).isEqualTo(b);
    }
}
