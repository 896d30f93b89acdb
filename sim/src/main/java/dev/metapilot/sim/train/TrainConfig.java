package dev.metapilot.sim.train;

import dev.metapilot.sim.model.NetworkShape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything that decides what a training run computes: environment, seed, network size, rollout shape and the PPO
 * hyperparameters. Two runs with equal configurations and seeds produce bitwise the same parameters on the CPU; a
 * checkpoint is only resumed under an equal configuration ({@link #properties()} is what is compared). How long to
 * train, where to write and how to report are {@link RunOptions}, not part of it. Built on the main thread by
 * {@code metapilot train} or a test through {@link #builder}; immutable.
 *
 * @param env environment plugin name
 * @param envConfig the plugin's resolved settings, {@code key=value,...}
 * @param seed seeds the initial weights, tasks, resets, sampling and minibatch order
 * @param hidden GRU hidden size H
 * @param layers GRU layers L
 * @param envs environments stepped in parallel (N)
 * @param rollout steps per environment per update (T)
 * @param bptt the update's back-propagation-through-time length: sequences are also cut every this many steps, each
 *     piece starting from the hidden state the rollout stored (bigger batches, faster on CPUs); 0 for no cuts but the
 *     trial starts
 * @param epochs passes over each rollout
 * @param minibatches minibatches per epoch, each a share of the environments' whole sequences
 * @param learningRate Adam step size
 * @param gamma discount over the steps of a trial
 * @param gaeLambda GAE λ
 * @param clipRange PPO ratio clip ε
 * @param valueClipRange clip of the value change around the rollout's value, 0 for an unclipped value loss
 * @param valueCoef weight of the value loss
 * @param entropyCoef weight of the entropy bonus
 * @param maxGradNorm global gradient-norm clip
 * @param adamEpsilon Adam's ε
 * @param observationClip bound of the normalised observation
 * @param initLogStd initial {@code log_std} of a Box policy
 * @param initFrom the checkpoint whose parameters and observation statistics a fresh run starts from (fine-tuning, a
 *     curriculum), as given on the command line; empty for the seeded initial weights
 * @param timeAwareValue the critic also reads where the step sits in its trial ({@code TrialTime}); the actor does not
 * @param episodeResetUnits the first this many units of each GRU layer restart from zero at every episode start; the
 *     others carry over the trial (0: all carry over, as in plain RL²)
 * @param episodicReturns every episode end is terminal in the advantages (an action is credited with its own episode's
 *     return only), while the hidden state still carries over the trial; false: only a trial end is (RL²)
 * @param privilegedValue the critic also reads the environment's {@code PrivilegedFeatures} (the hidden task and the
 *     true state: an asymmetric actor-critic); the actor and the exported graph do not
 * @param taskInferenceCoef weight of an auxiliary loss: a head on the GRU output predicts the privileged features
 *     (needs {@code privilegedValue}); 0 for none
 * @param expertCoef weight of an auxiliary loss: the policy's cross-entropy with the expert's action that the
 *     environment's privileged features hold, on the steps where they show one (needs {@code privilegedValue}); 0 for
 *     none
 * @param valueWarmup the run's first this many updates train the critic alone (the value loss only; the GRU and the
 *     action outputs keep their parameters), then the optimiser restarts: a fine-tune that changes what the value means
 *     ({@code --gamma}, the critic's inputs) lets the critic catch up before its advantages move the policy; 0 for none
 * @param finalLearningRate the learning rate the run anneals to, linearly over its updates from {@code learningRate}
 *     (PPO's schedule for Atari); {@code NaN} for a constant rate
 */
public record TrainConfig(String env, String envConfig, long seed, int hidden, int layers, int envs, int rollout,
        int bptt, int epochs, int minibatches, double learningRate, double gamma, double gaeLambda, double clipRange,
        double valueClipRange, double valueCoef, double entropyCoef, double maxGradNorm, double adamEpsilon,
        float observationClip, float initLogStd, String initFrom, boolean timeAwareValue, int episodeResetUnits,
        boolean episodicReturns, boolean privilegedValue, double taskInferenceCoef, double expertCoef,
        int valueWarmup, double finalLearningRate) {

    /** Adam's β1. */
    public static final double ADAM_BETA1 = 0.9;
    /** Adam's β2. */
    public static final double ADAM_BETA2 = 0.999;
    /** Added to the observation variance before the square root. */
    public static final double OBSERVATION_EPSILON = 1e-8;

    public TrainConfig {
        Objects.requireNonNull(env, "env is null");
        Objects.requireNonNull(envConfig, "envConfig is null");
        Objects.requireNonNull(initFrom, "initFrom is null");
        positive("hidden", hidden);
        positive("layers", layers);
        positive("envs", envs);
        positive("rollout", rollout);
        nonNegative("bptt", bptt);
        NetworkShape.checkEpisodeResetUnits(episodeResetUnits, hidden);
        if (!(taskInferenceCoef >= 0) || Double.isInfinite(taskInferenceCoef)) {
            throw new IllegalArgumentException("task inference coefficient must be finite and >= 0, got "
                    + taskInferenceCoef);
        }
        if (taskInferenceCoef > 0 && !privilegedValue) {
            throw new IllegalArgumentException("--task-inference-coef predicts the privileged features: it needs "
                    + "--privileged-value");
        }
        nonNegative("expert coefficient", expertCoef);
        if (expertCoef > 0 && !privilegedValue) {
            throw new IllegalArgumentException("--expert-coef reads the expert's action from the privileged features: "
                    + "it needs --privileged-value");
        }
        nonNegative("value warm-up", valueWarmup);
        positive("epochs", epochs);
        positive("minibatches", minibatches);
        if (minibatches > envs) {
            throw new IllegalArgumentException("minibatches (" + minibatches + ") must not exceed envs (" + envs
                    + "): a minibatch holds the whole sequences of at least one environment");
        }
        positive("learning rate", learningRate);
        if (!Double.isNaN(finalLearningRate)) {
            nonNegative("final learning rate", finalLearningRate);
        }
        unit("gamma", gamma);
        unit("gae lambda", gaeLambda);
        positive("clip range", clipRange);
        nonNegative("value clip range", valueClipRange);
        nonNegative("value coefficient", valueCoef);
        nonNegative("entropy coefficient", entropyCoef);
        positive("max grad norm", maxGradNorm);
        positive("adam epsilon", adamEpsilon);
        positive("observation clip", observationClip);
        if (!Float.isFinite(initLogStd)) {
            throw new IllegalArgumentException("init log std must be finite, got " + initLogStd);
        }
    }

    /** A builder with the defaults, for environment plugin {@code env}. */
    public static Builder builder(String env) {
        return new Builder(env);
    }

    /** Whether the learning rate anneals ({@code finalLearningRate} is set). */
    public boolean annealed() {
        return !Double.isNaN(finalLearningRate);
    }

    /**
     * The learning rate of update {@code update} (0-based) of a run of {@code updates}: {@code learningRate} when
     * constant, else linear from {@code learningRate} at the first update to {@code finalLearningRate} after the last.
     * A function of the update index alone, so that a resumed run continues the same schedule.
     */
    public double learningRateAt(long update, long updates) {
        if (!annealed() || updates <= 0) {
            return learningRate;
        }
        double done = Math.min(1.0, Math.max(0.0, (double) update / updates));
        return learningRate + (finalLearningRate - learningRate) * done;
    }

    /** Environment steps per update, N * T. */
    public long stepsPerUpdate() {
        return (long) envs * rollout;
    }

    /**
     * Every field by name, in declaration order: what checkpoints store and compare. {@code init_from},
     * {@code time_aware_value}, {@code episode_reset_units}, {@code episodic_returns}, {@code privileged_value},
     * {@code task_inference_coef}, {@code expert_coef}, {@code value_warmup} and {@code lr_final} only when set, so
     * that checkpoints of runs from before those options still resume.
     */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("env", env);
        p.put("env_config", envConfig);
        p.put("seed", Long.toString(seed));
        p.put("hidden", Integer.toString(hidden));
        p.put("layers", Integer.toString(layers));
        p.put("envs", Integer.toString(envs));
        p.put("rollout", Integer.toString(rollout));
        p.put("bptt", Integer.toString(bptt));
        p.put("epochs", Integer.toString(epochs));
        p.put("minibatches", Integer.toString(minibatches));
        p.put("lr", Double.toString(learningRate));
        p.put("gamma", Double.toString(gamma));
        p.put("gae_lambda", Double.toString(gaeLambda));
        p.put("clip", Double.toString(clipRange));
        p.put("value_clip", Double.toString(valueClipRange));
        p.put("value_coef", Double.toString(valueCoef));
        p.put("entropy_coef", Double.toString(entropyCoef));
        p.put("max_grad_norm", Double.toString(maxGradNorm));
        p.put("adam_eps", Double.toString(adamEpsilon));
        p.put("obs_clip", Float.toString(observationClip));
        p.put("init_log_std", Float.toString(initLogStd));
        if (!initFrom.isEmpty()) {
            p.put("init_from", initFrom);
        }
        if (timeAwareValue) {
            p.put("time_aware_value", "true");
        }
        if (episodeResetUnits > 0) {
            p.put("episode_reset_units", Integer.toString(episodeResetUnits));
        }
        if (episodicReturns) {
            p.put("episodic_returns", "true");
        }
        if (privilegedValue) {
            p.put("privileged_value", "true");
        }
        if (taskInferenceCoef > 0) {
            p.put("task_inference_coef", Double.toString(taskInferenceCoef));
        }
        if (expertCoef > 0) {
            p.put("expert_coef", Double.toString(expertCoef));
        }
        if (valueWarmup > 0) {
            p.put("value_warmup", Integer.toString(valueWarmup));
        }
        if (annealed()) {
            p.put("lr_final", Double.toString(finalLearningRate));
        }
        return p;
    }

    /** {@code key=value} pairs joined by spaces; the policy metadata's {@code training_config}. */
    public String describe() {
        return properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(
                " "));
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    private static void unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    /** Collects settings; {@link #build()} validates them. One thread. */
    public static final class Builder {

        private final String env;
        private String envConfig = "";
        private long seed;
        private int hidden = 128;
        private int layers = 1;
        private int envs = 256;
        private int rollout = 64;
        private int bptt;
        private int epochs = 4;
        private int minibatches = 2;
        private double learningRate = 5e-4;
        private double gamma = 0.99;
        private double gaeLambda = 0.95;
        private double clipRange = 0.2;
        private double valueClipRange = 0.2;
        private double valueCoef = 0.5;
        private double entropyCoef = 0.01;
        private double maxGradNorm = 0.5;
        private double adamEpsilon = 1e-5;
        private float observationClip = 10f;
        private float initLogStd = -0.5f;
        private String initFrom = "";
        private double finalLearningRate = Double.NaN;
        private boolean timeAwareValue;
        private int episodeResetUnits;
        private boolean episodicReturns;
        private boolean privilegedValue;
        private double taskInferenceCoef;
        private double expertCoef;
        private int valueWarmup;

        private Builder(String env) {
            this.env = Objects.requireNonNull(env, "env is null");
        }

        public Builder envConfig(String v) {
            envConfig = Objects.requireNonNull(v, "envConfig is null");
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder hidden(int v) {
            hidden = v;
            return this;
        }

        public Builder layers(int v) {
            layers = v;
            return this;
        }

        public Builder envs(int v) {
            envs = v;
            return this;
        }

        public Builder rollout(int v) {
            rollout = v;
            return this;
        }

        public Builder bptt(int v) {
            bptt = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder minibatches(int v) {
            minibatches = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /** The rate to anneal to linearly over the run; {@code NaN} (the default) for a constant rate. */
        public Builder finalLearningRate(double v) {
            finalLearningRate = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder gaeLambda(double v) {
            gaeLambda = v;
            return this;
        }

        public Builder clipRange(double v) {
            clipRange = v;
            return this;
        }

        public Builder valueClipRange(double v) {
            valueClipRange = v;
            return this;
        }

        public Builder valueCoef(double v) {
            valueCoef = v;
            return this;
        }

        public Builder entropyCoef(double v) {
            entropyCoef = v;
            return this;
        }

        public Builder maxGradNorm(double v) {
            maxGradNorm = v;
            return this;
        }

        public Builder adamEpsilon(double v) {
            adamEpsilon = v;
            return this;
        }

        public Builder observationClip(float v) {
            observationClip = v;
            return this;
        }

        public Builder initLogStd(float v) {
            initLogStd = v;
            return this;
        }

        public Builder initFrom(String v) {
            initFrom = Objects.requireNonNull(v, "initFrom is null");
            return this;
        }

        public Builder timeAwareValue(boolean v) {
            timeAwareValue = v;
            return this;
        }

        public Builder episodeResetUnits(int v) {
            episodeResetUnits = v;
            return this;
        }

        public Builder episodicReturns(boolean v) {
            episodicReturns = v;
            return this;
        }

        public Builder privilegedValue(boolean v) {
            privilegedValue = v;
            return this;
        }

        public Builder taskInferenceCoef(double v) {
            taskInferenceCoef = v;
            return this;
        }

        public Builder expertCoef(double v) {
            expertCoef = v;
            return this;
        }

        public Builder valueWarmup(int v) {
            valueWarmup = v;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first setting out of range
         */
        public TrainConfig build() {
            return new TrainConfig(env, envConfig, seed, hidden, layers, envs, rollout, bptt, epochs, minibatches,
                    learningRate, gamma, gaeLambda, clipRange, valueClipRange, valueCoef, entropyCoef, maxGradNorm,
                    adamEpsilon, observationClip, initLogStd, initFrom, timeAwareValue,
                    episodeResetUnits, episodicReturns, privilegedValue, taskInferenceCoef, expertCoef,
                    valueWarmup, finalLearningRate);
        }
    }
}
