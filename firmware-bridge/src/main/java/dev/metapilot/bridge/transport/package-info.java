/**
 * Byte transports of the bridge: {@link dev.metapilot.bridge.transport.LinkAddress} parses {@code tcp://} and
 * {@code serial:} link URIs and opens a {@link dev.metapilot.bridge.transport.TcpTransport} or a
 * {@link dev.metapilot.bridge.transport.SerialTransport} (jSerialComm).
 */
package dev.metapilot.bridge.transport;
