package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;

/**
 * Liveness: the host sends one every heartbeat period, the MCU answers each with its own.
 *
 * @param uptimeMs the sender's monotonic clock in milliseconds, unsigned 32-bit (wraps after 49.7 days); an MCU whose
 *     uptime goes backwards has restarted
 */
public record Heartbeat(long uptimeMs) implements Message {

    public Heartbeat {
        Ranges.check("uptimeMs", uptimeMs, 0, 0xFFFF_FFFFL);
    }

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
