/**
 * Framing of the bridge protocol: header, CRC-32C, COBS with a 0x00 delimiter, and a streaming decoder that
 * resynchronises after any garbage; knows message types and sizes but not payload layouts.
 */
package dev.metapilot.bridge.frame;
