/**
 * Shared test fixtures of the firmware bridge, shipped in its test jar for the robot plugin's and the emulator's tests:
 * hand-built frames, a recording MCU hardware fake, an event recorder with awaits, and a transport that drops or
 * corrupts bytes on command.
 */
package dev.metapilot.bridge.testing;
