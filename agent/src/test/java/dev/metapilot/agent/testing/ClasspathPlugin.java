package dev.metapilot.agent.testing;

import dev.metapilot.env.Action;
import dev.metapilot.env.Baseline;
import dev.metapilot.env.Box;
import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.Discrete;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.EnvironmentPlugin;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskDistribution;
import java.util.List;
import java.util.Map;

/**
 * A plugin on the agent's test class path ({@code META-INF/services} in test resources): a corridor of cells 0..3, the
 * agent starts at 0 and the goal cell (1..3) is the task. Actions: 0 left, 1 right, 2 and 3 stay. Reward +1 at the goal
 * (ends the episode), -0.1 per step otherwise; 7 steps at most; 2 episodes per trial. Option {@code step-delay-ms}
 * slows each step down for tests that kill a run midway.
 */
public final class ClasspathPlugin implements EnvironmentPlugin {

    /** The goal cell of a corridor task. */
    public record Corridor(String id, int goal) implements Task {
        @Override
        public Map<String, Object> properties() {
            return Map.of("goal", goal);
        }
    }

    @Override
    public String name() {
        return "classpath-demo";
    }

    @Override
    public String description() {
        return "corridor on the test class path";
    }

    @Override
    public List<ConfigOption> options() {
        return List.of(new ConfigOption("step-delay-ms", "0", "sleep per step"));
    }

    @Override
    public EnvironmentFactory configure(EnvConfig config) {
        int delay = config.getInt("step-delay-ms");
        EnvSpec spec = new EnvSpec("classpath-demo", Box.uniform(3, -1f, 1f), new Discrete(4), 7, 2);
        return new EnvironmentFactory() {
            @Override
            public EnvSpec spec() {
                return spec;
            }

            @Override
            public TaskDistribution tasks() {
                return (split, seed) -> new Corridor(split + "-" + seed, 1 + (int) Math.floorMod(seed, 3L));
            }

            @Override
            public Environment create() {
                return new CorridorEnv(spec, delay);
            }

            @Override
            public List<Baseline> baselines() {
                return List.of(new RandomBaseline(spec.actionSpace()), new Baseline() {
                    @Override
                    public String name() {
                        return "right";
                    }

                    @Override
                    public String description() {
                        return "always moves right";
                    }

                    @Override
                    public Actor start(Task task, long seed) {
                        return (input, out) -> out.setIndex(1);
                    }
                });
            }
        };
    }

    /** The corridor environment. */
    static final class CorridorEnv implements Environment {
        private final EnvSpec spec;
        private final int delayMs;
        private int goal = -1;
        private int pos;
        private int steps;

        CorridorEnv(EnvSpec spec, int delayMs) {
            this.spec = spec;
            this.delayMs = delayMs;
        }

        @Override
        public EnvSpec spec() {
            return spec;
        }

        @Override
        public void setTask(Task task) {
            goal = ((Corridor) task).goal();
        }

        @Override
        public void reset(long seed, float[] obs) {
            if (goal < 0) {
                throw new IllegalStateException("no task");
            }
            pos = 0;
            steps = 0;
            write(obs);
        }

        @Override
        public void step(Action action, float[] obs, StepResult result) {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            pos = Math.max(0, Math.min(3, pos + (action.index() == 0 ? -1 : action.index() == 1 ? 1 : 0)));
            steps++;
            write(obs);
            boolean atGoal = pos == goal;
            result.set(atGoal ? 1f : -0.1f, atGoal, !atGoal && steps >= spec.maxEpisodeSteps(), atGoal);
        }

        private void write(float[] obs) {
            obs[0] = pos / 3f;
            obs[1] = pos == goal ? 1f : 0f;
            obs[2] = 0f;
        }
    }
}
