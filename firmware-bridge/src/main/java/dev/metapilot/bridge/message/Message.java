package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;

/**
 * One message of the bridge protocol, as immutable data: the API form that both sides exchange with their users; the
 * high-rate messages also have mutable twins ({@link MotorSetpoint}, {@link SensorSample}) for allocation-free paths.
 */
public sealed interface Message permits Hello, Heartbeat, Ack, MotorCommand, EStop, Fault, SensorState {

    /** The wire type of this message. */
    MessageType type();
}
