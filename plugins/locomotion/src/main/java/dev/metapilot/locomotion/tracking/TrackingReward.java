package dev.metapilot.locomotion.tracking;

/**
 * The reward of one control step: a rate of cost integrated over the step's duration {@code dt},
 *
 * <pre>
 * r = -dt * ( |v - v*| / VELOCITY_SCALE + |wrap(theta - theta*)| / HEADING_SCALE + CONTROL_COST * (uL² + uR²) / 2 )
 * </pre>
 *
 * with {@code v} the forward speed from the encoders, {@code theta} the heading integrated from the gyro,
 * {@code (v*, theta*)} the target and {@code u} the motor commands. A speed error of 0.25 m/s or a heading error of 90°
 * held for one second costs 1; full commands on both motors cost 0.1 per second. An episode's return is therefore
 * independent of the control rate and, for episodes of a few seconds, lies in roughly {@code [-15, 0]}.
 *
 * <p>
 * Called by {@link TrackingEpisode}; stateless.
 */
public final class TrackingReward {

    /** Speed error (m/s) that costs 1 per second. */
    public static final double VELOCITY_SCALE = 0.25;
    /** Heading error (rad) that costs 1 per second. */
    public static final double HEADING_SCALE = Math.PI / 2;
    /** Cost per second of full commands on both motors. */
    public static final double CONTROL_COST = 0.1;

    private static final double TWO_PI = 2 * Math.PI;

    private TrackingReward() {}

    /**
     * The step's reward.
     *
     * @param speedError {@code v - v*}, m/s
     * @param headingError heading error wrapped to {@code [-pi, pi]}, rad
     * @param dt the step's duration, s
     */
    public static float of(double speedError, double headingError, float leftCommand, float rightCommand, double dt) {
        double control = 0.5 * (leftCommand * leftCommand + rightCommand * rightCommand);
        return (float) (-dt * (Math.abs(speedError) / VELOCITY_SCALE + Math.abs(headingError) / HEADING_SCALE
                + CONTROL_COST * control));
    }

    /** {@code angle} wrapped to {@code [-pi, pi]}. */
    public static double wrap(double angle) {
        return angle - TWO_PI * Math.rint(angle / TWO_PI);
    }
}
