/**
 * The {@code eval} suites: the papers' evaluation protocols (SNAIL Table 5 mazes, RL² Tables 1 and 2, the locomotion
 * adaptation curve) run on held-out TEST tasks with the agent's trial runner, printed as tables beside the published
 * numbers and drawn as PNG charts.
 */
package dev.metapilot.sim.eval;
