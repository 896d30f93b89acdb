/**
 * Test fixtures of the simulator side: tiny deterministic environments (a Discrete corridor and a Box target) whose
 * trial structure tests can compute by hand, and helpers that configure the repository's real plugins.
 */
package dev.metapilot.sim.testing;
