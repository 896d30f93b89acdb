/**
 * The simulator side of Metapilot: what runs on a workstation rather than on the robot (trainer, evaluation, emulator,
 * benchmarks) and the developer distribution that {@code ./metapilot} starts, which puts every plugin of this
 * repository on the class path.
 */
package dev.metapilot.sim;
