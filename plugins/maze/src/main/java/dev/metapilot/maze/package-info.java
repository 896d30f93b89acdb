/**
 * The {@code maze} environment plugin (SNAIL protocol, Mishra et al. 2018): perfect mazes generated from a seed, small
 * (5x5 cells) and large (9x9 cells), two episodes per trial with start and goal fixed within the trial, TRAIN and TEST
 * mazes disjoint by construction, mazes read from and written to ASCII files, and the {@code random}, {@code oracle}
 * and {@code explore} baselines.
 *
 * <p>
 * See the module's README for the observation layout, rewards, horizons and the file format.
 */
package dev.metapilot.maze;
