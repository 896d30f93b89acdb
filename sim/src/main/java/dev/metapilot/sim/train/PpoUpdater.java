package dev.metapilot.sim.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.metapilot.sim.model.NetworkShape;
import dev.metapilot.sim.model.Rl2Network;
import dev.metapilot.sim.model.Rl2Model;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The PPO update of one rollout: GAE over trials, advantages normalised over the rollout, then several epochs over
 * minibatches of whole environment sequences in a seeded random order; each minibatch recomputes its trial pieces from
 * their initial hidden states ({@link TrialSequences}), back-propagates {@link PpoLoss}, clips the global gradient norm
 * and takes an {@link AdamOptimizer} step. A critic-only update ({@code --value-warmup}) minimises the value loss alone
 * and steps only the critic's parameters: the output layer (whose action rows get no gradient from the value, so a
 * fresh optimiser leaves them as they are) and the critic's training-only terms; the GRU does not move. Main thread;
 * every native array of a minibatch is released when it is done.
 */
final class PpoUpdater {

    private final Rl2Model model;
    private final AdamOptimizer adam;
    private final TrainConfig config;
    private final NetworkShape shape;
    private final float[] advantages;
    private final float[] returns;
    /** The column of the expert's one-hot in a step's critic features, -1 for no imitation loss. */
    private final int expertColumn;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PpoUpdater.class);
    private static final int MAX_CONSECUTIVE_NON_FINITE = 8;
    /** The parameters a critic-only update trains. */
    private static final Predicate<String> CRITIC = name -> name.startsWith(Rl2Network.HEADS_PREFIX) || Rl2Network
            .isTrainingOnly(name);
    private static final Predicate<String> ALL_PARAMETERS = name -> true;
    private int consecutiveNonFinite;

    PpoUpdater(Rl2Model model, AdamOptimizer adam, TrainConfig config, int expertColumn) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.adam = Objects.requireNonNull(adam, "adam is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.shape = model.shape();
        this.advantages = new float[config.envs() * config.rollout()];
        this.returns = new float[advantages.length];
        if (expertColumn >= 0 && expertColumn + shape.actionSize() > shape.criticFeatures()) {
            throw new IllegalArgumentException("the expert's one-hot at column " + expertColumn + " does not fit the "
                    + shape.criticFeatures() + " critic features");
        }
        this.expertColumn = expertColumn;
    }

    /**
     * Updates the model from {@code rollout}; {@code order} draws the minibatch order; {@code criticOnly} for a
     * critic-only (warm-up) update.
     *
     * @throws TrainingException when gradients stay non-finite for several minibatches in a row (the run diverged)
     */
    UpdateStats update(Rollout rollout, SplitMix64 order, boolean criticOnly) {
        Gae.compute(rollout.reward, rollout.value, config.episodicReturns() ? rollout.episodeEnd : rollout.trialEnd,
                rollout.bootstrapValue, rollout.steps,
                rollout.envs, config.gamma(), config.gaeLambda(), advantages, returns);
        Gae.normalise(advantages);
        int[] envs = new int[rollout.envs];
        double[] sums = new double[8];
        int minibatches = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int i = 0; i < envs.length; i++) {
                envs[i] = i;
            }
            for (int i = envs.length - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                int swap = envs[i];
                envs[i] = envs[j];
                envs[j] = swap;
            }
            for (int b = 0; b < config.minibatches(); b++) {
                int from = envs.length * b / config.minibatches();
                int to = envs.length * (b + 1) / config.minibatches();
                int[] chosen = Arrays.copyOfRange(envs, from, to);
                Arrays.sort(chosen);
                double[] s = minibatch(TrialSequences.of(rollout, chosen, config.bptt(), advantages, returns),
                        criticOnly);
                for (int k = 0; k < sums.length; k++) {
                    sums[k] += s[k];
                }
                minibatches++;
            }
        }
        int n = minibatches;
        return new UpdateStats(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n, sums[6]
                / n, sums[7] / n);
    }

    private double[] minibatch(TrialSequences batch, boolean criticOnly) {
        try (NDScope scope = new NDScope(); NDManager manager = model.manager().newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray x = manager.create(batch.inputs, new Shape(batch.length, batch.count, shape.inputSize()));
            NDArray h0 = manager.create(batch.initialState, new Shape(shape.layers(), batch.count, shape.hidden()));
            NDArray critic = shape.criticFeatures() > 0
                    ? manager.create(batch.critic, new Shape(batch.length, batch.count, shape.criticFeatures()))
                    : null;
            PpoLoss.Terms terms;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = model.forward(x, h0, critic, true);
                terms = PpoLoss.compute(out.get(0), out.size() > 2 ? out.get(2) : null, critic, model.logStd(), batch,
                        shape, config, expertColumn, manager);
                collector.backward(criticOnly ? terms.value().mul((float) config.valueCoef()) : terms.total());
            }
            Predicate<String> trained = criticOnly ? CRITIC : ALL_PARAMETERS;
            double norm = adam.gradientNorm(trained);
            if (!Double.isFinite(norm)) {
                // A single non-finite gradient (a rare overflow in the GRU backward) skips this minibatch's step, as
                // loss-scaling trainers do; a run that keeps producing them has diverged.
                if (++consecutiveNonFinite >= MAX_CONSECUTIVE_NON_FINITE) {
                    throw new TrainingException("the gradient norm is " + norm + " (loss " + terms.total().getFloat()
                            + ") in " + consecutiveNonFinite + " minibatches in a row: training diverged; try a lower"
                            + " --lr or --max-grad-norm");
                }
                adam.discardGradients();
                log.warn("skipped a minibatch step: gradient norm {} (loss {})", norm, terms.total().getFloat());
                return stats(terms, 0);
            }
            consecutiveNonFinite = 0;
            adam.step(Math.min(1.0, config.maxGradNorm() / (norm + 1e-6)), trained);
            return stats(terms, norm);
        }
    }

    /** The minibatch's figures in {@link UpdateStats} order. */
    private static double[] stats(PpoLoss.Terms terms, double gradNorm) {
        return new double[]{terms.policy().getFloat(), terms.value().getFloat(), terms.entropy().getFloat(),
                terms.approxKl().getFloat(), terms.clipFraction().getFloat(), gradNorm, terms.taskInference()
                        .getFloat(),
                terms.expert().getFloat()};
    }
}
