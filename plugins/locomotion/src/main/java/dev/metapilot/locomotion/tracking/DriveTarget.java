package dev.metapilot.locomotion.tracking;

/**
 * What the robot should do in a locomotion task: drive at a forward speed while holding a heading relative to where it
 * faced at the start of the episode. Hidden from the policy, which learns it from the reward.
 *
 * <p>
 * Part of a task (drawn, read from a task file, or configured for a real-robot trial); immutable.
 *
 * @param velocity target forward speed, m/s, in {@code [-MAX_VELOCITY, MAX_VELOCITY]}
 * @param headingDegrees target heading relative to the start heading, degrees, counter-clockwise positive, in
 *     {@code [-180, 180]}
 */
public record DriveTarget(double velocity, double headingDegrees) {

    /** Largest target speed magnitude, m/s. */
    public static final double MAX_VELOCITY = 1.0;

    public DriveTarget {
        if (!(Math.abs(velocity) <= MAX_VELOCITY)) {
            throw new IllegalArgumentException(
                    "target velocity must be in [-" + MAX_VELOCITY + ", " + MAX_VELOCITY + "] m/s, got " + velocity);
        }
        if (!(Math.abs(headingDegrees) <= 180)) {
            throw new IllegalArgumentException("target heading must be in [-180, 180] degrees, got " + headingDegrees);
        }
    }

    /** The target heading in radians. */
    public double headingRadians() {
        return Math.toRadians(headingDegrees);
    }
}
