package dev.metapilot.robot.io;

import dev.metapilot.env.HardwareHealth;
import java.util.Objects;

/**
 * The robot cannot go on: the hardware did not open, the link did not come up, the robot did not come to rest with its
 * motors at zero, or a fault is latched. Thrown by a {@link DriveIO.Opener} and by the robot environment's
 * {@code reset} on the control thread, with the motors already stopped; the real-time loop ends the trial and reports
 * {@link #health()}.
 */
public final class HardwareFaultException extends RuntimeException {

    private final HardwareHealth health;

    /** A fault described by {@code health}, which must not be healthy. */
    public HardwareFaultException(HardwareHealth health) {
        this(health, null);
    }

    /** A fault described by {@code health}, caused by {@code cause}. */
    public HardwareFaultException(HardwareHealth health, Throwable cause) {
        super(message(health), cause);
        this.health = health;
        if (health.healthy()) {
            throw new IllegalArgumentException("a hardware fault needs an unhealthy report, got " + health);
        }
    }

    /** What was wrong. */
    public HardwareHealth health() {
        return health;
    }

    private static String message(HardwareHealth health) {
        Objects.requireNonNull(health, "health is null");
        return health.fault() + ": " + health.detail();
    }
}
