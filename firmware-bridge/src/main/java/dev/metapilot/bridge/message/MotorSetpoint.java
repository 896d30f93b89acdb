package dev.metapilot.bridge.message;

/**
 * The mutable twin of {@link MotorCommand}, into which the MCU side decodes every command without allocating.
 *
 * <p>
 * Not thread-safe: owned by the MCU loop thread.
 */
public final class MotorSetpoint {

    /** Left output, [-1, 1]. */
    public float left;
    /** Right output, [-1, 1]. */
    public float right;
    /** Time-to-live in milliseconds, 1 to 65535. */
    public int ttlMs;

    /** Copies the fields of {@code command}. */
    public void set(MotorCommand command) {
        left = command.left();
        right = command.right();
        ttlMs = command.ttlMs();
    }

    /** The immutable form (allocates). */
    public MotorCommand toCommand() {
        return new MotorCommand(left, right, ttlMs);
    }
}
