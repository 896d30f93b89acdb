package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.metapilot.sim.model.ObservationNormalization;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The running statistics equal the two-pass mean and variance of everything added, however it was batched. */
class ObservationStatsTest {

    @Test
    void batchedUpdatesMatchTheTwoPassStatistics() {
        SplittableRandom random = new SplittableRandom(3);
        int rows = 1000;
        float[] all = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            all[2 * r] = (float) (3 + 2 * random.nextGaussian());
            all[2 * r + 1] = 7f;
        }
        ObservationStats stats = new ObservationStats(2);
        int done = 0;
        for (int batch : new int[]{1, 10, 300, 689}) {
            float[] part = java.util.Arrays.copyOfRange(all, done * 2, (done + batch) * 2);
            stats.add(part, batch);
            done += batch;
        }
        double mean = 0;
        for (int r = 0; r < rows; r++) {
            mean += all[2 * r] / (double) rows;
        }
        double var = 0;
        for (int r = 0; r < rows; r++) {
            var += (all[2 * r] - mean) * (all[2 * r] - mean) / rows;
        }
        assertThat(stats.count()).isEqualTo(rows);
        assertThat(stats.mean()[0]).isCloseTo(mean, within(1e-9));
        assertThat(stats.m2()[0] / rows).isCloseTo(var, within(1e-9));
        ObservationNormalization n = stats.normalization(10f);
        assertThat(n.mean()[0]).isEqualTo((float) mean);
        assertThat(n.invStd()[0]).isEqualTo((float) (1 / Math.sqrt(var + TrainConfig.OBSERVATION_EPSILON)));
        float[] out = new float[2];
        n.apply(new float[]{(float) mean, 7f}, 0, out, 0);
        assertThat(out).containsExactly(0f, 0f);
        n.apply(new float[]{1e9f, 8f}, 0, out, 0);
        assertThat(out).containsExactly(10f, 10f); // a constant feature that moves is clipped, not infinite
    }

    @Test
    void beforeAnyObservationTheNormalisationIsTheIdentityWithClipping() {
        ObservationNormalization n = new ObservationStats(3).normalization(5f);
        float[] out = new float[3];
        n.apply(new float[]{1f, -2f, 99f}, 0, out, 0);
        assertThat(out).containsExactly(1f, -2f, 5f);
    }
}
