package dev.metapilot.maze.grid;

import dev.metapilot.env.Action;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.PrivilegedFeatures;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * The environment of the maze and hallway plugins: moves one square per step on a {@link GridMdp}, with the SNAIL
 * rewards (-0.01 per step, -0.001 more for bumping into a wall, +1 on reaching the goal, which ends the episode).
 *
 * <p>
 * Created by a plugin's factory once per worker and owned by that worker's trial thread. {@code reset} and {@code step}
 * are table look-ups and array copies: O(1), no allocation.
 */
public final class GridEnvironment implements Environment, PrivilegedFeatures {

    /** Reward of a step that moves and does not reach the goal. */
    public static final float STEP_REWARD = -0.01f;
    /** Reward of a step into a wall: the step cost and the bump penalty of -0.001. */
    public static final float BUMP_REWARD = -0.011f;
    /** Reward of the step that reaches the goal: +1 and the step cost. */
    public static final float GOAL_REWARD = 0.99f;
    /** Grid squares per unit of the goal's displacement (as in the maze observation: a large maze stays within 1). */
    public static final float DISPLACEMENT_SCALE = 20f;
    /** Steps per unit of the shortest-path distances (a large maze's longest path stays below 2). */
    public static final float DISTANCE_SCALE = 100f;
    /** Where the privileged features hold the expert's move: see {@link #writePrivilegedFeatures}. */
    public static final int EXPERT_OFFSET = 4;
    /** Number of privileged features: see {@link #writePrivilegedFeatures}. */
    public static final int PRIVILEGED_FEATURES = EXPERT_OFFSET + 4;

    private final EnvSpec spec;
    private GridMdp mdp;
    private int[] moves;
    private float[] observations;
    private int observationSize;
    private int bumpIndex;
    private int goal;
    private int horizon;
    private int square;
    private int steps;
    private boolean running;
    /** The goal has been reached in an episode of the current trial (task). */
    private boolean goalReached;

    public GridEnvironment(EnvSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /**
     * @throws IllegalArgumentException for a task of another plugin or configuration
     */
    @Override
    public void setTask(Task task) {
        Objects.requireNonNull(task, "task is null");
        if (!(task instanceof GridTask gridTask)) {
            throw new IllegalArgumentException("task " + task.id() + " is not a task of environment " + spec.id());
        }
        GridMdp m = gridTask.mdp();
        if (!m.environmentId().equals(spec.id()) || m.observationSize() != spec.observationSize()) {
            throw new IllegalArgumentException("task " + task.id() + " is for environment " + m.environmentId()
                    + " with " + m.observationSize() + " observations, not " + spec.id() + " with "
                    + spec.observationSize());
        }
        if (m.horizon() > spec.maxEpisodeSteps()) {
            throw new IllegalArgumentException("task " + task.id() + " has horizon " + m.horizon()
                    + ", more than this configuration's " + spec.maxEpisodeSteps() + " steps");
        }
        mdp = m;
        moves = m.moves();
        observations = m.observations();
        observationSize = m.observationSize();
        bumpIndex = m.bumpIndex();
        goal = m.goal();
        horizon = m.horizon();
        square = m.start();
        running = false;
        goalReached = false;
    }

    /** The start square is part of the task, so {@code seed} is not used. */
    @Override
    public void reset(long seed, float[] observation) {
        if (mdp == null) {
            throw new IllegalStateException("reset before setTask");
        }
        square = mdp.start();
        steps = 0;
        running = true;
        System.arraycopy(observations, square * observationSize, observation, 0, observationSize);
    }

    @Override
    public void step(Action action, float[] observation, StepResult result) {
        if (!running) {
            throw new IllegalStateException(mdp == null ? "step before setTask" : "step before reset or after the end");
        }
        int next = moves[(square << 2) + action.index()];
        boolean bump = next == square;
        square = next;
        steps++;
        System.arraycopy(observations, next * observationSize, observation, 0, observationSize);
        if (bumpIndex >= 0 && bump) {
            observation[bumpIndex] = 1f;
        }
        if (next == goal) {
            running = false;
            goalReached = true;
            result.set(GOAL_REWARD, true, false, true);
        } else {
            boolean truncated = steps >= horizon;
            running = !truncated;
            result.set(bump ? BUMP_REWARD : STEP_REWARD, false, truncated, false);
        }
    }

    @Override
    public int privilegedFeatureCount() {
        return PRIVILEGED_FEATURES;
    }

    /**
     * For a trainer only, eight floats: the goal's columns east of the agent and its rows south of the agent, in
     * squares / {@value #DISPLACEMENT_SCALE}; the shortest-path distance from the agent to the goal and from the start
     * to the goal, in steps / {@value #DISTANCE_SCALE}; then, from {@link #EXPERT_OFFSET}, the shortest path's next
     * move as a one-hot over north, east, south, west, all zeros until the goal has been reached once in the trial
     * (before that, no history tells where the goal is).
     */
    @Override
    public void writePrivilegedFeatures(float[] out, int offset) {
        if (mdp == null) {
            throw new IllegalStateException("privileged features before setTask");
        }
        Grid grid = mdp.grid();
        out[offset] = (grid.column(goal) - grid.column(square)) / DISPLACEMENT_SCALE;
        out[offset + 1] = (grid.row(goal) - grid.row(square)) / DISPLACEMENT_SCALE;
        out[offset + 2] = mdp.distanceToGoal(square) / DISTANCE_SCALE;
        out[offset + 3] = mdp.distanceToGoal(mdp.start()) / DISTANCE_SCALE;
        int expert = goalReached ? mdp.actionTowardGoal(square) : -1;
        for (int a = 0; a < 4; a++) {
            out[offset + EXPERT_OFFSET + a] = a == expert ? 1f : 0f;
        }
    }

    /** The shortest path's next move, a one-hot from {@link #EXPERT_OFFSET}. */
    @Override
    public int expertActionOffset() {
        return EXPERT_OFFSET;
    }

    /** The agent's square, for tests and tools that watch an episode. */
    public int square() {
        return square;
    }

    /** Steps taken in the running episode. */
    public int steps() {
        return steps;
    }
}
