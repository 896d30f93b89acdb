/**
 * Test fixtures of the simulator side: tiny deterministic environments (a Discrete corridor and a Box target) whose
 * trial structure tests can compute by hand, helpers that configure the repository's real plugins, a bare host link to
 * the firmware emulator ({@link dev.metapilot.sim.testing.EmulatorHost}) and a locomotion-shaped ONNX policy
 * ({@link dev.metapilot.sim.testing.LocomotionModels}).
 */
package dev.metapilot.sim.testing;
