package dev.metapilot.sim.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.metapilot.sim.model.Rl2Model;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Adam (Kingma and Ba) over the model's parameter arrays, written out here rather than taken from DJL so that its state
 * (step count, first and second moments) can be saved in checkpoints and restored exactly; DJL's optimisers keep that
 * state private. Also measures and applies the global gradient-norm clip. The moments live on the model's device;
 * everything runs on the trainer's main thread, outside any gradient collector.
 */
final class AdamOptimizer implements AutoCloseable {

    private static final NDIndex ALL = new NDIndex("...");

    private final Map<String, NDArray> parameters;
    private final NDManager manager;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private long steps;

    AdamOptimizer(Map<String, NDArray> parameters, NDManager parent, double learningRate, double beta1, double beta2,
            double epsilon) {
        this.parameters = Objects.requireNonNull(parameters, "parameters is null");
        this.manager = parent.newSubManager();
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        parameters.forEach((name, p) -> {
            first.put(name, manager.zeros(p.getShape()));
            second.put(name, manager.zeros(p.getShape()));
        });
    }

    /** The step size of the next {@link #step} calls (a schedule sets it before each update). */
    void learningRate(double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + rate);
        }
        learningRate = rate;
    }

    double learningRate() {
        return learningRate;
    }

    /**
     * The L2 norm of all parameters' gradients together, summed in double precision: a float32 sum of squares overflows
     * to infinity once one gradient element passes about 1.8e19, and then a large but finite gradient would be
     * discarded instead of clipped.
     */
    double gradientNorm() {
        return gradientNorm(name -> true);
    }

    /** {@link #gradientNorm()} over the parameters {@code trained} accepts by name. */
    double gradientNorm(Predicate<String> trained) {
        double sum = 0;
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            if (!trained.test(e.getKey())) {
                continue;
            }
            try (NDArray g = e.getValue().getGradient();
                    NDArray wide = g.toType(DataType.FLOAT64, false);
                    NDArray square = wide.square();
                    NDArray s = square.sum()) {
                sum += s.getDouble();
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * One Adam step with every gradient multiplied by {@code gradientScale} (the clip factor), then the gradients are
     * zeroed for the next minibatch.
     */
    void step(double gradientScale) {
        step(gradientScale, name -> true);
    }

    /**
     * {@link #step(double)} for the parameters {@code trained} accepts by name; the others keep their values and
     * moments, and their gradients are zeroed too.
     */
    void step(double gradientScale, Predicate<String> trained) {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        try (NDManager scope = manager.newSubManager()) {
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray p = e.getValue();
                if (!trained.test(e.getKey())) {
                    zeroGradient(p);
                    continue;
                }
                NDArray m = first.get(e.getKey());
                NDArray v = second.get(e.getKey());
                NDArray raw = p.getGradient();
                raw.attach(scope);
                NDArray g = raw.mul((float) gradientScale);
                m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
                v.muli((float) beta2).addi(g.square().mul((float) (1 - beta2)));
                NDArray mHat = m.div((float) correction1);
                mHat.attach(scope);
                NDArray vHat = v.div((float) correction2);
                vHat.attach(scope);
                p.subi(mHat.div(vHat.sqrt().add((float) epsilon)).mul((float) learningRate));
                raw.subi(raw);
            }
        }
    }

    /**
     * Zeroes every gradient without a step, also gradients holding NaN or infinity (which {@code g - g} would not), by
     * an indexed fill that writes into the gradient's own PyTorch memory. Not {@code NDArray.set(Buffer)}: in DJL's
     * PyTorch engine that re-points the tensor's storage at the Java direct buffer, so the parameter's gradient would
     * live in memory that the garbage collector frees once the temporary handle is closed, and the next backward pass
     * would accumulate into freed heap (a training run died with SIGSEGV in {@code malloc} that way).
     */
    void discardGradients() {
        parameters.values().forEach(AdamOptimizer::zeroGradient);
    }

    /** Zeroes {@code p}'s gradient in place (see {@link #discardGradients()} for why not {@code set(Buffer)}). */
    private static void zeroGradient(NDArray p) {
        try (NDArray g = p.getGradient()) {
            g.set(ALL, 0f);
        }
    }

    /** Back to the state of a new optimiser: no steps, zero moments. */
    void reset() {
        first.values().forEach(m -> m.set(ALL, 0f));
        second.values().forEach(v -> v.set(ALL, 0f));
        steps = 0;
    }

    long steps() {
        return steps;
    }

    /** Copies of the first moments by parameter name. */
    Map<String, float[]> firstMoments() {
        return copy(first);
    }

    /** Copies of the second moments by parameter name. */
    Map<String, float[]> secondMoments() {
        return copy(second);
    }

    /** Restores saved state; names and sizes must be this model's. */
    void load(long savedSteps, Map<String, float[]> savedFirst, Map<String, float[]> savedSecond) {
        if (!savedFirst.keySet().equals(first.keySet()) || !savedSecond.keySet().equals(second.keySet())) {
            throw new IllegalArgumentException("optimiser state for " + savedFirst.keySet() + ", the model has "
                    + first.keySet());
        }
        first.forEach((name, m) -> Rl2Model.assign(m, savedFirst.get(name)));
        second.forEach((name, v) -> Rl2Model.assign(v, savedSecond.get(name)));
        steps = savedSteps;
    }

    private static Map<String, float[]> copy(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((name, a) -> out.put(name, a.toFloatArray()));
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
