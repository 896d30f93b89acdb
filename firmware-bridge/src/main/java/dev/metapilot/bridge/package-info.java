/**
 * Host side of the wire protocol between the agent and a motor microcontroller (see {@code PROTOCOL.md}).
 */
package dev.metapilot.bridge;
