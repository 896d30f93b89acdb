/**
 * The MCU side of the bridge protocol, for the emulator and the tests (a firmware implements the same behaviour from
 * {@code PROTOCOL.md}): {@link dev.metapilot.bridge.mcu.McuEndpoint} is the clock-driven protocol state machine (TTL
 * watchdog, e-stop latch, sensor stream), {@link dev.metapilot.bridge.mcu.McuHardware} what it drives and reads, and
 * {@link dev.metapilot.bridge.mcu.McuServer} runs it over TCP.
 */
package dev.metapilot.bridge.mcu;
