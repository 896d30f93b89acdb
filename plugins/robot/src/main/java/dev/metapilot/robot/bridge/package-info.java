/**
 * The robot's drive behind a motor MCU over the firmware bridge ({@code firmware-bridge}'s
 * {@link dev.metapilot.bridge.host.BridgeLink}, TCP or UART): motor commands with a time-to-live, SENSOR_STATE frames
 * turned into drive inputs, and the link's events turned into hardware health.
 */
package dev.metapilot.robot.bridge;
