package dev.metapilot.env.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.Space;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepInput;
import dev.metapilot.env.StepResult;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Checks every environment must pass, shared by the plugins' tests: determinism for a seed, observations inside the
 * declared space, truncation at the step limit, no success reported where the spec says episodes have no goal, and a
 * hot path that allocates nothing.
 */
public final class EnvironmentContract {

    private EnvironmentContract() {}

    /** Runs all checks with the factory's {@code random} baseline on a few TRAIN and TEST tasks. */
    public static void check(EnvironmentFactory factory) {
        Baseline random = factory.baselines().stream().filter(b -> b.name().equals("random")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'random' baseline"));
        assertThat(factory.tasks().sample(Split.TEST, 3).id()).isEqualTo(factory.tasks().sample(Split.TEST, 3).id());
        assertThat(factory.tasks().sample(Split.TRAIN, 3).id())
                .isNotEqualTo(factory.tasks().sample(Split.TEST, 3).id());
        float[] a = rollout(factory, random, 2_000);
        float[] b = rollout(factory, random, 2_000);
        assertThat(a).as("same seeds give the same rollout").containsExactly(b);
        assertAllocationFree(factory, random);
    }

    /** Observations of a fixed-seed rollout, concatenated with rewards, checked against the spec on the way. */
    private static float[] rollout(EnvironmentFactory factory, Baseline baseline, int steps) {
        try (Environment env = factory.create()) {
            int obs = env.spec().observationSize();
            float[] trace = new float[steps * (obs + 1)];
            StepInput input = new StepInput(env.spec());
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            env.setTask(factory.tasks().sample(Split.TRAIN, 11));
            Baseline.Actor actor = baseline.start(factory.tasks().sample(Split.TRAIN, 11), 5);
            input.beginTrial();
            env.reset(1, input.observation());
            int episodeSteps = 0;
            for (int i = 0; i < steps; i++) {
                actor.act(input, action);
                env.step(action, input.observation(), result);
                episodeSteps++;
                assertObservationInSpace(env.spec().observationSpace(), input.observation());
                assertThat(Float.isFinite(result.reward())).as("finite reward").isTrue();
                if (!env.spec().goal()) {
                    assertThat(result.success()).as("success without a goal (EnvSpec.goal() is false)").isFalse();
                }
                assertThat(episodeSteps).as("truncated by maxEpisodeSteps").isLessThanOrEqualTo(
                        env.spec().maxEpisodeSteps());
                System.arraycopy(input.observation(), 0, trace, i * (obs + 1), obs);
                trace[i * (obs + 1) + obs] = result.reward();
                input.record(action, result.reward(), result.done());
                if (result.done()) {
                    input.nextEpisode();
                    env.reset(i, input.observation());
                    episodeSteps = 0;
                }
            }
            return trace;
        }
    }

    private static void assertObservationInSpace(Space space, float[] obs) {
        switch (space) {
            case Box box -> assertThat(box.contains(obs)).as("observation %s in %s", Arrays.toString(obs), box)
                    .isTrue();
            case Discrete d -> {
                int ones = 0;
                for (float v : obs) {
                    assertThat(v == 0f || v == 1f).as("one-hot observation %s", Arrays.toString(obs)).isTrue();
                    ones += v == 1f ? 1 : 0;
                }
                assertThat(ones).as("one-hot observation %s", Arrays.toString(obs)).isEqualTo(1);
            }
        }
    }

    /**
     * Asserts that {@code reset} and {@code step} allocate nothing: after warm-up, 50,000 steps on this thread may
     * allocate no more than a few hundred bytes (the JVM's own noise).
     */
    public static void assertAllocationFree(EnvironmentFactory factory, Baseline baseline) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Environment env = factory.create()) {
            float[] obs = new float[env.spec().observationSize()];
            Action action = Action.of(env.spec().actionSpace());
            StepResult result = new StepResult();
            env.setTask(factory.tasks().sample(Split.TRAIN, 1));
            // The baseline picks actions up front so that only reset/step are measured.
            Action[] actions = new Action[64];
            Baseline.Actor actor = baseline.start(factory.tasks().sample(Split.TRAIN, 1), 3);
            StepInput input = new StepInput(env.spec());
            input.beginTrial();
            for (int i = 0; i < actions.length; i++) {
                actions[i] = Action.of(env.spec().actionSpace());
                actor.act(input, actions[i]);
            }
            long[] seeds = {1};
            Runnable loop = () -> {
                for (int i = 0; i < 50_000; i++) {
                    action.copyFrom(actions[i & 63]);
                    env.step(action, obs, result);
                    if (result.done()) {
                        env.reset(seeds[0]++, obs);
                    }
                }
            };
            env.reset(0, obs);
            loop.run();
            loop.run();
            long tid = Thread.currentThread().threadId();
            long before = mx.getThreadAllocatedBytes(tid);
            loop.run();
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            assertThat(allocated).as("bytes allocated by 50,000 steps").isLessThan(1_024);
        }
    }
}
