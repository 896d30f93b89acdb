package dev.metapilot.robot.io;

import dev.metapilot.locomotion.tracking.WheelEncoder;
import java.util.Objects;

/**
 * Turns both wheels' encoder counts and the time stamps of their samples into ground speeds, the way the simulation's
 * sensors do: the count change over the interval between two samples times metres per count, divided by the interval. A
 * sample with the same or an older time stamp leaves the speeds as they were (no new information).
 *
 * <p>
 * Owned by one {@link DriveIO}, called on the control thread; allocation-free.
 */
public final class WheelOdometry {

    private final WheelEncoder encoder;
    private boolean primed;
    private long lastLeft;
    private long lastRight;
    private long lastNanos;
    private double leftSpeed;
    private double rightSpeed;

    public WheelOdometry(WheelEncoder encoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder is null");
    }

    /** The calibration in use. */
    public WheelEncoder encoder() {
        return encoder;
    }

    /**
     * Accounts for a sample of both counters taken at {@code timeNanos} (any monotonic clock in nanoseconds: the
     * host's, or the MCU's).
     */
    public void update(long leftCounts, long rightCounts, long timeNanos) {
        if (primed && timeNanos - lastNanos > 0) {
            double seconds = (timeNanos - lastNanos) * 1e-9;
            leftSpeed = encoder.speed(leftCounts - lastLeft, seconds);
            rightSpeed = encoder.speed(rightCounts - lastRight, seconds);
        } else if (primed) {
            return;
        }
        primed = true;
        lastLeft = leftCounts;
        lastRight = rightCounts;
        lastNanos = timeNanos;
    }

    /** Forgets the previous sample: the next {@link #update} sets the reference and reads 0 m/s. */
    public void reset() {
        primed = false;
        leftSpeed = 0;
        rightSpeed = 0;
    }

    /** Left wheel ground speed, m/s. */
    public double leftSpeed() {
        return leftSpeed;
    }

    /** Right wheel ground speed, m/s. */
    public double rightSpeed() {
        return rightSpeed;
    }

    /** Ground travel of {@code counts}, m. */
    public double position(long counts) {
        return counts * encoder.metresPerCount();
    }
}
