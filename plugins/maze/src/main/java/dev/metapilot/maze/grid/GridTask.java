package dev.metapilot.maze.grid;

import dev.metapilot.env.Task;

/**
 * A task of a grid plugin (a maze, a hallway with its goal), carrying its compiled MDP.
 *
 * <p>
 * Created by the plugins' task distributions and file readers; read by {@link GridEnvironment#setTask} and the oracle
 * on the trial thread. Immutable.
 */
public interface GridTask extends Task {

    /** The compiled MDP of this task: moves, observation rows, start, goal and horizon. */
    GridMdp mdp();
}
