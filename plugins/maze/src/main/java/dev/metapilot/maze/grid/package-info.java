/**
 * The deterministic grid world shared by the maze and hallway plugins: a wall grid with a precomputed move table, a
 * task compiled into per-square observation rows ({@link dev.metapilot.maze.grid.GridMdp}), the allocation-free
 * environment that steps it, and the shortest-path oracle.
 *
 * <p>
 * Everything here is immutable except {@link dev.metapilot.maze.grid.GridEnvironment}, which one trial thread owns.
 */
package dev.metapilot.maze.grid;
