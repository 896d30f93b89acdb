package dev.metapilot.sim.testing;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.Split;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskDistribution;
import java.util.List;

/**
 * A two-action corridor for trainer tests: the task says which action pays 1 (the other pays 0); the observation is
 * {@code [steps taken / 3, 1]}; two rewarded actions in a row reach the end (terminated), otherwise the environment
 * never ends an episode itself, so the trainer's truncation at {@code maxEpisodeSteps = 3} does; two episodes per
 * trial. Its privileged features are {@code [paying action, rewarded actions in a row, expert one-hot (2)]}, the
 * expert's one-hot showing the paying action once an episode of the trial has reached the end (zeros before).
 * Deterministic; tasks alternate with the seed's parity. Test code, one thread per environment.
 */
public final class Corridor implements EnvironmentFactory {

    /** The corridor's spec: Box(2) observations, Discrete(2) actions, 3 steps, 2 episodes per trial. */
    public static final EnvSpec SPEC = new EnvSpec("corridor", Box.uniform(2, 0f, 1f), new Discrete(2), 3, 2);

    private final boolean expert;

    /** A corridor whose privileged features show the expert's action. */
    public Corridor() {
        this(true);
    }

    private Corridor(boolean expert) {
        this.expert = expert;
    }

    /** A corridor whose privileged features name no expert action ({@code expertActionOffset() == -1}). */
    public static Corridor withoutExpert() {
        return new Corridor(false);
    }

    /** The task: which action pays. */
    public record Paying(int action, String id) implements Task {}

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    public TaskDistribution tasks() {
        return (Split split, long seed) -> new Paying((int) (seed & 1), "corridor-" + split + "-" + seed);
    }

    @Override
    public Environment create() {
        return new Walk(expert);
    }

    @Override
    public List<Baseline> baselines() {
        return List.of(new RandomBaseline(SPEC.actionSpace()));
    }

    private static final class Walk implements Environment, PrivilegedFeatures {

        private final boolean expert;

        private int paying = -1;
        private int steps;
        private int streak;
        private boolean reachedEnd;

        Walk(boolean expert) {
            this.expert = expert;
        }

        @Override
        public EnvSpec spec() {
            return SPEC;
        }

        @Override
        public void setTask(Task task) {
            paying = ((Paying) task).action();
            reachedEnd = false;
        }

        @Override
        public void reset(long seed, float[] observation) {
            if (paying < 0) {
                throw new IllegalStateException("reset before setTask");
            }
            steps = 0;
            streak = 0;
            observation[0] = 0f;
            observation[1] = 1f;
        }

        @Override
        public void step(Action action, float[] observation, StepResult result) {
            steps++;
            boolean paid = action.index() == paying;
            streak = paid ? streak + 1 : 0;
            observation[0] = steps / 3f;
            observation[1] = 1f;
            reachedEnd |= streak == 2;
            result.set(paid ? 1f : 0f, streak == 2, false, streak == 2);
        }

        @Override
        public int privilegedFeatureCount() {
            return 4;
        }

        @Override
        public void writePrivilegedFeatures(float[] out, int offset) {
            out[offset] = paying;
            out[offset + 1] = streak;
            out[offset + 2] = reachedEnd && paying == 0 ? 1f : 0f;
            out[offset + 3] = reachedEnd && paying == 1 ? 1f : 0f;
        }

        @Override
        public int expertActionOffset() {
            return expert ? 2 : -1;
        }
    }
}
