package dev.metapilot.agent.policy;

import dev.metapilot.env.Action;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.StepInput;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A trial with synthetic observations and rewards, for measuring a policy's step latency without an environment: each
 * {@link #next()} records the previous step into the {@link StepInput} (ending an episode every {@code episodeSteps}
 * steps, so {@code prev_done} toggles as in a real trial) and writes the next observation, allocation-free. Used by
 * {@code metapilot bench} and the JMH {@code PolicyBenchmark}, on the benchmark thread.
 */
public final class SyntheticTrial {

    private static final int PATTERNS = 64;

    private final StepInput input;
    private final Action action;
    private final float[][] observations;
    private final float[] rewards;
    private final int episodeSteps;
    private int step;
    private int pattern;
    private boolean started;

    /**
     * A trial for environments of {@code spec} whose episodes end every {@code episodeSteps} steps.
     *
     * @param seed seeds the synthetic observations (uniform within finite Box bounds, standard normal otherwise,
     *     one-hot for a Discrete observation space) and rewards
     */
    public SyntheticTrial(EnvSpec spec, int episodeSteps, long seed) {
        Objects.requireNonNull(spec, "spec is null");
        if (episodeSteps < 1) {
            throw new IllegalArgumentException("episodeSteps must be >= 1, got " + episodeSteps);
        }
        this.input = new StepInput(spec);
        this.action = Action.of(spec.actionSpace());
        this.episodeSteps = episodeSteps;
        SplittableRandom random = new SplittableRandom(seed);
        this.observations = new float[PATTERNS][];
        this.rewards = new float[PATTERNS];
        for (int p = 0; p < PATTERNS; p++) {
            observations[p] = observation(spec, random);
            rewards[p] = (float) random.nextDouble();
        }
        begin();
    }

    /**
     * Starts a trial: the input's previous action, reward and done flag back to zero, and the synthetic observations
     * and rewards from their beginning, so every trial sees the same sequence.
     */
    public void begin() {
        input.beginTrial();
        step = 0;
        pattern = 0;
        started = false;
    }

    /** Records the step just taken with {@link #action()} and prepares the input of the next one. */
    public void next() {
        if (started) {
            boolean done = ++step == episodeSteps;
            input.record(action, rewards[pattern], done);
            if (done) {
                input.nextEpisode();
                step = 0;
            }
            pattern = (pattern + 1) % PATTERNS;
        }
        started = true;
        float[] o = observations[pattern];
        System.arraycopy(o, 0, input.observation(), 0, o.length);
    }

    /** What the policy reads. */
    public StepInput input() {
        return input;
    }

    /** Where the policy writes its action. */
    public Action action() {
        return action;
    }

    private static float[] observation(EnvSpec spec, SplittableRandom random) {
        float[] o = new float[spec.observationSize()];
        switch (spec.observationSpace()) {
            case Discrete d -> o[random.nextInt(d.n())] = 1f;
            case Box b -> {
                for (int i = 0; i < o.length; i++) {
                    float lo = b.low(i);
                    float hi = b.high(i);
                    o[i] = Float.isInfinite(lo) || Float.isInfinite(hi)
                            ? (float) random.nextGaussian()
                            : lo + (hi - lo) * (float) random.nextDouble();
                }
            }
        }
        return o;
    }
}
