package dev.metapilot.sim.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {

    private static final int SIZE = 4096;

    private NDManager manager;
    private NDArray parameter;
    private AdamOptimizer adam;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        parameter = manager.zeros(new Shape(SIZE));
        parameter.setRequiresGradient(true);
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        parameters.put("w", parameter);
        adam = new AdamOptimizer(parameters, manager, 0.1, 0.9, 0.999, 1e-8);
    }

    @AfterEach
    void tearDown() {
        adam.close();
        manager.close();
    }

    /** Back-propagates {@code sum(parameter * c)}, whose gradient is {@code c} everywhere. */
    private void backward(float c) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = parameter.mul(c).sum();
            loss.attach(scope);
            collector.backward(loss);
        }
    }

    private float[] gradient() {
        try (NDArray g = parameter.getGradient()) {
            return g.toFloatArray();
        }
    }

    @Test
    void aNewLearningRateScalesTheNextStep() {
        adam.learningRate(0.025);
        backward(3f);
        adam.step(1.0);
        assertThat(parameter.toFloatArray()[0]).isCloseTo(-0.025f, within(1e-6f));
        assertThatThrownBy(() -> adam.learningRate(Double.NaN)).hasMessageContaining("learning rate must be finite");
    }

    @Test
    void firstStepMovesEveryWeightByTheLearningRateAgainstTheGradientsSign() {
        backward(3f);
        assertThat(adam.gradientNorm()).isCloseTo(3 * Math.sqrt(SIZE), within(1e-3));

        adam.step(1.0);

        // Adam's first step is lr * g / (|g| + eps) after bias correction: -0.1 for every weight.
        float[] w = parameter.toFloatArray();
        assertThat(w[0]).isCloseTo(-0.1f, within(1e-6f));
        assertThat(w[SIZE - 1]).isCloseTo(-0.1f, within(1e-6f));
        assertThat(gradient()).containsOnly(0f);
    }

    @Test
    void theNormOfLargeFiniteGradientsIsFiniteSoTheyAreClippedNotDiscarded() {
        backward(1e20f); // each square overflows float32

        assertThat(adam.gradientNorm()).isFinite().isCloseTo(1e20 * Math.sqrt(SIZE), within(1e16 * Math.sqrt(SIZE)));
    }

    @Test
    void discardingInfiniteGradientsZeroesThemAndLaterBackwardPassesAccumulateAfresh() {
        backward(Float.POSITIVE_INFINITY);
        assertThat(adam.gradientNorm()).isInfinite();

        adam.discardGradients();

        assertThat(gradient()).containsOnly(0f);
        backward(2f);
        assertThat(gradient()).containsOnly(2f);
    }

    /**
     * Regression: the gradient must stay in PyTorch's memory after a discard. It once was zeroed with
     * {@code NDArray.set(float[])}, which made the gradient tensor point at a Java direct buffer; once the collector
     * freed that buffer, the next backward pass accumulated into freed heap and a run died in {@code malloc}. Here the
     * freed block is handed out again to buffers of a known pattern, and the next gradient must still be exact.
     */
    @Test
    void aDiscardedGradientDoesNotLiveInMemoryTheGarbageCollectorFrees() throws InterruptedException {
        backward(Float.NaN);
        adam.discardGradients();

        List<ByteBuffer> poison = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            System.gc();
            Thread.sleep(10);
            for (int i = 0; i < 8; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(SIZE * Float.BYTES);
                while (b.hasRemaining()) {
                    b.put((byte) 0x7f);
                }
                poison.add(b);
            }
        }
        backward(1f);

        float[] g = gradient();
        assertThat(g).as("gradient after discard, GC and re-use of freed memory (first values %s)",
                Arrays.toString(Arrays.copyOf(g, 4))).containsOnly(1f);
        for (ByteBuffer b : poison) {
            for (int i = 0; i < b.capacity(); i++) {
                assertThat(b.get(i)).as("a Java buffer was written by a backward pass").isEqualTo((byte) 0x7f);
            }
        }
    }
}
