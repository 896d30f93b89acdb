/**
 * The firmware bridge between the agent and a motor microcontroller (see {@code PROTOCOL.md}): framing ({@code frame}),
 * messages ({@code message}), transports ({@code transport}), the host side ({@code host},
 * {@link dev.metapilot.bridge.host.BridgeLink}) and the MCU side ({@code mcu}, which the emulator and tests run).
 */
package dev.metapilot.bridge;
