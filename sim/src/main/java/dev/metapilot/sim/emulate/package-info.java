/**
 * The firmware emulator: plays the motor MCU of the bridge protocol (the firmware bridge's
 * {@link dev.metapilot.bridge.mcu.McuServer}: TTL watchdog, e-stop latch, sensor stream) over TCP on loopback, with the
 * locomotion plugin's physics ({@link dev.metapilot.sim.emulate.EmulatedRobot}) stepped in real time behind it and
 * faults injected into the link ({@link dev.metapilot.sim.emulate.FaultInjector}: drop, corrupt, delay, cut). Started
 * by {@code metapilot emulate} or in-process by tests ({@link dev.metapilot.sim.emulate.Emulator}).
 */
package dev.metapilot.sim.emulate;
