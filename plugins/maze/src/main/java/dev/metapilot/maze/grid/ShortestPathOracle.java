package dev.metapilot.maze.grid;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import java.util.Objects;

/**
 * The {@code oracle} baseline of the grid plugins: knows the task and follows a shortest path to the goal from wherever
 * the agent is, so each episode takes exactly the breadth-first distance from start to goal.
 *
 * <p>
 * Returned by the maze and hallway factories; its actor runs on the trial thread and reads the agent's square back from
 * the displacement in the observation (exact: whole squares in a float), so it needs no history of its own.
 */
public final class ShortestPathOracle implements Baseline {

    private final String description;

    /** @param description the one line shown in help texts and tables */
    public ShortestPathOracle(String description) {
        this.description = Objects.requireNonNull(description, "description is null");
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public String description() {
        return description;
    }

    /**
     * @throws IllegalArgumentException for a task that is not a grid task
     */
    @Override
    public Actor start(Task task, long seed) {
        Objects.requireNonNull(task, "task is null");
        if (!(task instanceof GridTask gridTask)) {
            throw new IllegalArgumentException("the oracle needs a grid task, got " + task.id());
        }
        GridMdp mdp = gridTask.mdp();
        return (input, out) -> {
            int square = mdp.squareOf(input.observation());
            int action = mdp.actionTowardGoal(square);
            out.setIndex(Math.max(action, 0));
        };
    }
}
