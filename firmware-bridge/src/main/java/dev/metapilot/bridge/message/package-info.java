/**
 * The messages of the bridge protocol: a sealed {@link dev.metapilot.bridge.message.Message} of records for the API,
 * mutable twins ({@link dev.metapilot.bridge.message.MotorSetpoint}, {@link dev.metapilot.bridge.message.SensorSample})
 * for the allocation-free high-rate paths, the payload layouts ({@link dev.metapilot.bridge.message.MessageCodec}), and
 * a writer and a reader shared by the host and the MCU side.
 */
package dev.metapilot.bridge.message;
