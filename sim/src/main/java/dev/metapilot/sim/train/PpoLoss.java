package dev.metapilot.sim.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.metapilot.sim.model.NetworkShape;

/**
 * The PPO objective of one recurrent minibatch, as DJL arrays: the clipped surrogate, the (optionally clipped) value
 * loss, the entropy bonus, the auxiliary losses (task inference, imitation of an expert), and the diagnostics
 * (approximate KL, clip fraction), each a mean over the minibatch's real samples (padding masked out). Called inside
 * the update's gradient collector on the trainer's main thread.
 */
final class PpoLoss {

    private static final float HALF_LOG_TWO_PI = (float) (0.5 * Math.log(2 * Math.PI));

    /** The total loss to minimise and its parts (scalars). */
    record Terms(NDArray total, NDArray policy, NDArray value, NDArray entropy, NDArray approxKl,
            NDArray clipFraction, NDArray taskInference, NDArray expert) {}

    private PpoLoss() {}

    /**
     * @param heads the network's {@code [T, P, A+1]} output for the minibatch
     * @param belief the task-inference head's {@code [T, P, F]} prediction of the privileged features, null without
     * @param critic the minibatch's critic features {@code [T, P, time + F]} (the forward's input), null without
     * @param logStd the Box policy's {@code log_std} parameter, null for a Discrete policy
     * @param expertColumn where the expert's one-hot over the A actions starts in a step's critic features (all zeros
     *     where the expert is silent); -1 for no imitation loss
     * @param batch the minibatch's arrays
     * @param manager where the minibatch's constant arrays are made
     */
    static Terms compute(NDArray heads, NDArray belief, NDArray critic, NDArray logStd, TrialSequences batch,
            NetworkShape shape, TrainConfig config, int expertColumn, NDManager manager) {
        int a = shape.actionSize();
        Shape steps = new Shape(batch.length, batch.count);
        NDArray mask = manager.create(batch.mask, steps);
        NDArray actions = manager.create(batch.actions, new Shape(batch.length, batch.count, a));
        NDArray oldLogProb = manager.create(batch.oldLogProb, steps);
        NDArray advantages = manager.create(batch.advantages, steps);
        NDArray returns = manager.create(batch.returns, steps);
        NDArray oldValues = manager.create(batch.oldValues, steps);
        float count = batch.samples;

        NDArray actionHeads = heads.get(new NDIndex(":, :, 0:" + a));
        NDArray value = heads.get(new NDIndex(":, :, " + a));
        NDArray logProb;
        NDArray entropy;
        NDArray logSoftmax = null;
        if (shape.continuous()) {
            NDArray z = actions.sub(actionHeads).div(logStd.exp());
            logProb = z.square().mul(-0.5f).sub(logStd).sub(HALF_LOG_TWO_PI).sum(new int[]{-1});
            entropy = logStd.add(0.5f + HALF_LOG_TWO_PI).sum();
        } else {
            logSoftmax = actionHeads.logSoftmax(-1);
            logProb = logSoftmax.mul(actions).sum(new int[]{-1});
            entropy = maskedMean(logSoftmax.exp().mul(logSoftmax).sum(new int[]{-1}).neg(), mask, count);
        }
        NDArray logRatio = logProb.sub(oldLogProb);
        NDArray ratio = logRatio.exp();
        float eps = (float) config.clipRange();
        NDArray surrogate = ratio.mul(advantages).minimum(ratio.clip(1f - eps, 1f + eps).mul(advantages));
        NDArray policy = maskedMean(surrogate, mask, count).neg();
        NDArray valueError = value.sub(returns).square();
        if (config.valueClipRange() > 0) {
            float v = (float) config.valueClipRange();
            NDArray clipped = oldValues.add(value.sub(oldValues).clip(-v, v));
            valueError = valueError.maximum(clipped.sub(returns).square());
        }
        NDArray valueLoss = maskedMean(valueError, mask, count).mul(0.5f);
        NDArray total = policy.add(valueLoss.mul((float) config.valueCoef()))
                .sub(entropy.mul((float) config.entropyCoef()));
        NDArray taskInference = manager.zeros(new Shape());
        if (belief != null) {
            // the privileged features follow the time features in each step's critic features
            NDArray target = critic.get(new NDIndex(":, :, " + shape.timeFeatures() + ":"));
            taskInference = maskedMean(belief.sub(target).square().mean(new int[]{-1}), mask, count);
            total = total.add(taskInference.mul((float) config.taskInferenceCoef()));
        }
        NDArray expert = manager.zeros(new Shape());
        if (expertColumn >= 0) {
            // cross-entropy with the expert's action, averaged over the real steps where the expert shows one
            NDArray oneHot = critic.get(new NDIndex(":, :, " + expertColumn + ":" + (expertColumn + a)));
            NDArray shown = oneHot.sum(new int[]{-1}).mul(mask);
            expert = logSoftmax.mul(oneHot).sum(new int[]{-1}).mul(mask).sum().neg().div(shown.sum().maximum(1f));
            total = total.add(expert.mul((float) config.expertCoef()));
        }
        NDArray approxKl = maskedMean(ratio.sub(1f).sub(logRatio), mask, count);
        NDArray clipFraction = maskedMean(ratio.sub(1f).abs().gt(eps).toType(DataType.FLOAT32, false), mask, count);
        return new Terms(total, policy, valueLoss, entropy, approxKl, clipFraction, taskInference, expert);
    }

    private static NDArray maskedMean(NDArray x, NDArray mask, float count) {
        return x.mul(mask).sum().div(count);
    }
}
