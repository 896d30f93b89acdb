package dev.metapilot.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.Space;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A GRU widened from H0 to H units computes what it computed: on the same inputs the action outputs, the value and the
 * old units' states match the smaller network's step for step (stacked layers, Box and Discrete heads, episode-reset
 * units), while the new units carry signal of their own.
 */
class HiddenWideningTest {

    private static final int FROM = 6;
    private static final int TO = 10;

    @Test
    void theWidenedNetworkComputesWhatTheSmallerOneComputed() {
        assertPreserved(new Discrete(4), 2, 0);
        assertPreserved(Box.uniform(2, -1f, 1f), 1, 0);
        assertPreserved(new Discrete(3), 2, 3);
    }

    private static void assertPreserved(Space actions, int layers, int resetUnits) {
        NetworkShape small = new NetworkShape(5, actions, FROM, layers).withEpisodeResetUnits(resetUnits);
        NetworkShape wide = new NetworkShape(5, actions, TO, layers).withEpisodeResetUnits(resetUnits);
        try (Rl2Model before = Rl2Model.create(small, Device.cpu(), 11, -0.3f);
                Rl2Model after = Rl2Model.create(wide, Device.cpu(), 12, 0f)) {
            after.load(HiddenWidening.widen(before.values(), FROM, wide, after.values()));
            assertThat(HiddenWidening.hiddenOf(after.values())).isEqualTo(TO);

            SplittableRandom random = new SplittableRandom(3);
            float[] hSmall = new float[layers * FROM];
            float[] hWide = new float[layers * TO];
            float[] outSmall = new float[small.headSize()];
            float[] outWide = new float[wide.headSize()];
            float[] nextSmall = new float[hSmall.length];
            float[] nextWide = new float[hWide.length];
            double newUnits = 0;
            for (int t = 0; t < 30; t++) {
                float[] x = new float[small.inputSize()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (random.nextDouble() * 2 - 1);
                }
                x[x.length - 1] = t % 7 == 6 ? 1f : 0f; // prev_done: an episode boundary now and then
                before.step(x, hSmall, null, 1, outSmall, nextSmall);
                after.step(x, hWide, null, 1, outWide, nextWide);
                for (int i = 0; i < outSmall.length; i++) {
                    assertThat(outWide[i]).as("%s step %d output %d", actions, t, i).isCloseTo(outSmall[i], within(
                            1e-5f));
                }
                for (int l = 0; l < layers; l++) {
                    for (int u = 0; u < TO; u++) {
                        if (u < FROM) {
                            assertThat(nextWide[l * TO + u]).as("layer %d unit %d", l, u).isCloseTo(nextSmall[l
                                    * FROM + u], within(1e-5f));
                        } else {
                            newUnits += Math.abs(nextWide[l * TO + u]);
                        }
                    }
                }
                System.arraycopy(nextSmall, 0, hSmall, 0, hSmall.length);
                System.arraycopy(nextWide, 0, hWide, 0, hWide.length);
            }
            assertThat(newUnits).as("the new units move").isGreaterThan(0.1);
        }
    }

    @Test
    void narrowingAndMissingOrMisSizedParametersAreRefused() {
        NetworkShape wide = new NetworkShape(5, new Discrete(4), TO, 1);
        NetworkShape small = new NetworkShape(5, new Discrete(4), FROM, 1);
        try (Rl2Model a = Rl2Model.create(wide, Device.cpu(), 1, 0f);
                Rl2Model b = Rl2Model.create(small, Device.cpu(), 1, 0f)) {
            assertThatThrownBy(() -> HiddenWidening.widen(a.values(), TO, small, b.values())).hasMessageContaining(
                    "cannot narrow a GRU of 10 units to 6");
            assertThatThrownBy(() -> HiddenWidening.widen(b.values(), FROM, wide.withEpisodeResetUnits(8), a
                    .values())).hasMessageContaining("8 episode-reset units do not fit the 6 units");
            Map<String, float[]> broken = b.values();
            broken.put("heads_weight", new float[3]);
            assertThatThrownBy(() -> HiddenWidening.widen(broken, FROM, wide, a.values())).hasMessageContaining(
                    "parameter heads_weight has 3 values, the widening expects 30");
            assertThatThrownBy(() -> HiddenWidening.hiddenOf(Map.of("heads_weight", new float[3])))
                    .hasMessageContaining("no GRU parameters");
        }
    }
}
