/**
 * The {@code hallway} environment plugin, the running exploration example of DREAM (Liu et al. 2021): hallways branch
 * from a start room, a sign in the room tells which one holds the goal but only to an agent standing on it, and the
 * {@code random}, {@code oracle} and {@code explore} (read the sign, then go) baselines.
 *
 * <p>
 * See the module's README for the layout, observation, rewards, horizon and splits.
 */
package dev.metapilot.maze.hallway;
