package dev.metapilot.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.sim.testing.RandomWeights;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Episode-reset units: after a step whose {@code prev_done} is 1 the network's output does not depend on the first K
 * units of the state it was given, but does on the others; the sequence forward of the update (the GRU in chunks
 * between episode starts) computes what the step-by-step forward of the rollouts computes.
 */
class EpisodeResetUnitsTest {

    private static final EnvSpec SPEC = new EnvSpec("resets", Box.uniform(3, -1f, 1f), new Discrete(4), 50, 3);
    private static final int HIDDEN = 12;
    private static final int RESET = 8;
    private static final int LAYERS = 2;

    @Test
    void anEpisodeStartForgetsTheResetUnitsOnly() {
        NetworkShape shape = NetworkShape.of(SPEC, HIDDEN, LAYERS).withEpisodeResetUnits(RESET);
        try (Rl2Model model = randomModel(shape, 1)) {
            SplittableRandom random = new SplittableRandom(2);
            float[] x = input(shape, random, 1f);
            float[] h = state(shape, random);
            float[] reference = next(model, x, h);

            float[] resetChanged = h.clone();
            float[] carriedChanged = h.clone();
            for (int l = 0; l < LAYERS; l++) {
                resetChanged[l * HIDDEN] += 0.7f; // unit 0 of layer l: an episode-reset unit
                carriedChanged[l * HIDDEN + HIDDEN - 1] += 0.7f; // the last unit carries over
            }
            assertThat(next(model, x, resetChanged)).containsExactly(reference, within(0f));
            assertThat(next(model, x, carriedChanged)).isNotEqualTo(reference);

            float[] within = input(shape, random, 0f); // inside an episode every unit counts
            assertThat(next(model, within, resetChanged)).isNotEqualTo(next(model, within, h));
        }
    }

    @Test
    void theChunkedSequenceForwardEqualsTheStepByStepForward() {
        NetworkShape shape = NetworkShape.of(SPEC, HIDDEN, LAYERS).withEpisodeResetUnits(RESET);
        int steps = 40;
        int batch = 3;
        int in = shape.inputSize();
        SplittableRandom random = new SplittableRandom(3);
        try (Rl2Model model = randomModel(shape, 4); NDManager manager = model.manager().newSubManager()) {
            float[] xs = new float[steps * batch * in];
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    float done = t > 0 && random.nextInt(7) == 0 ? 1f : 0f; // episode starts at different steps
                    System.arraycopy(input(shape, random, done), 0, xs, (t * batch + b) * in, in);
                }
            }
            float[] h0 = new float[LAYERS * batch * HIDDEN];
            for (int i = 0; i < h0.length; i++) {
                h0[i] = (float) (random.nextDouble() - 0.5);
            }
            NDList out = model.forward(manager.create(xs, new Shape(steps, batch, in)), manager.create(h0, new Shape(
                    LAYERS, batch, HIDDEN)), null, false);
            float[] sequenceHeads = out.get(0).toFloatArray();
            float[] sequenceFinal = out.get(1).toFloatArray();

            float[] h = h0.clone();
            float[] heads = new float[batch * shape.headSize()];
            float[] next = new float[h.length];
            for (int t = 0; t < steps; t++) {
                model.step(Arrays.copyOfRange(xs, t * batch * in, (t + 1) * batch * in), h, null, batch, heads, next);
                float[] expected = Arrays.copyOfRange(sequenceHeads, t * heads.length, (t + 1) * heads.length);
                assertThat(heads).as("step %d", t).containsExactly(expected, within(1e-5f));
                System.arraycopy(next, 0, h, 0, h.length);
            }
            assertThat(h).containsExactly(sequenceFinal, within(1e-5f));
        }
    }

    @Test
    void moreResetUnitsThanTheHiddenSizeAreRefused() {
        assertThatThrownBy(() -> NetworkShape.of(SPEC, HIDDEN, 1).withEpisodeResetUnits(HIDDEN + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("episode reset units");
    }

    private static Rl2Model randomModel(NetworkShape shape, long seed) {
        Rl2Model model = Rl2Model.create(shape, Device.cpu(), seed, 0f);
        model.load(RandomWeights.of(model, new SplittableRandom(seed)));
        return model;
    }

    /** A random input row whose {@code prev_done} is {@code done}. */
    private static float[] input(NetworkShape shape, SplittableRandom random, float done) {
        float[] x = new float[shape.inputSize()];
        for (int i = 0; i < x.length - 1; i++) {
            x[i] = (float) random.nextGaussian();
        }
        x[x.length - 1] = done;
        return x;
    }

    private static float[] state(NetworkShape shape, SplittableRandom random) {
        float[] h = new float[shape.layers() * shape.hidden()];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) (random.nextDouble() - 0.5);
        }
        return h;
    }

    /** The heads and next state of one step of a batch of one. */
    private static float[] next(Rl2Model model, float[] x, float[] h) {
        NetworkShape shape = model.shape();
        float[] heads = new float[shape.headSize()];
        float[] next = new float[h.length];
        model.step(x, h, null, 1, heads, next);
        float[] out = Arrays.copyOf(heads, heads.length + next.length);
        System.arraycopy(next, 0, out, heads.length, next.length);
        return out;
    }
}
