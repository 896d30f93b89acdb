/**
 * The host side of the bridge: {@link dev.metapilot.bridge.host.BridgeLink} connects to the MCU, keeps the link healthy
 * and reports every fault as a {@link dev.metapilot.bridge.host.LinkEvent}. The robot plugin drives the robot through
 * it.
 */
package dev.metapilot.bridge.host;
