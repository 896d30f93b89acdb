package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;

/**
 * Left and right motor outputs, valid for {@code ttlMs} after the MCU receives them; the wire carries each output as
 * Q15 ({@code round(v * 32767)}), so a decoded value is the nearest multiple of 1/32767.
 *
 * @param left left motor output in [-1, 1] (1 = full forward)
 * @param right right motor output in [-1, 1]
 * @param ttlMs time-to-live in milliseconds, 1 to 65535 (the MCU may cap it, see {@link Hello#maxTtlMs()})
 */
public record MotorCommand(float left, float right, int ttlMs) implements Message {

    public MotorCommand {
        Ranges.unit("left", left);
        Ranges.unit("right", right);
        Ranges.check("ttlMs", ttlMs, 1, 0xFFFF);
    }

    /** Both motors at zero for {@code ttlMs}. */
    public static MotorCommand stop(int ttlMs) {
        return new MotorCommand(0f, 0f, ttlMs);
    }

    @Override
    public MessageType type() {
        return MessageType.MOTOR_COMMAND;
    }
}
