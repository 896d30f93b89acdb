/**
 * Test fixtures of the robot plugin: a manual clock, a drive simulated with the locomotion plugin's physics, Pi4J's
 * mock platform wired as the example pins file, and an MCU hardware fake whose wheels follow the motor outputs.
 */
package dev.metapilot.robot.testing;
