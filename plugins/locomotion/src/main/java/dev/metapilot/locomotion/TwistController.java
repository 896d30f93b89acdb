package dev.metapilot.locomotion;

import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.DriveObservation;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.locomotion.tracking.TrackingReward;
import java.util.Arrays;
import java.util.Objects;

/**
 * A cascaded PID drive controller that knows the target and the nominal robot but not the task's dynamics: a
 * proportional heading loop sets a yaw-rate reference, PI loops with feed-forward track the forward speed (from the
 * encoders) and the yaw rate (from the gyro), and the two are mixed into left/right commands:
 *
 * <pre>
 * wRef = clamp(headingGain · wrap(theta* − theta), ±maxTurnRate)
 * uV   = v* / freeSpeed + speedP · (v* − v) + speedI · ∫(v* − v) dt
 * uW   = wRef · (track/2) / freeSpeed + yawP · (wRef − w) + yawI · ∫(wRef − w) dt
 * left = clamp(uV − uW), right = clamp(uV + uW)
 * </pre>
 *
 * Each integral is clamped so that it alone never asks for more than full command (anti-windup).
 *
 * <p>
 * Used by {@link PidBaseline}; one instance per trial, reset at every episode start, called on the trial thread.
 */
public final class TwistController {

    /**
     * The controller's gains.
     *
     * @param headingGain yaw-rate reference per radian of heading error, 1/s
     * @param maxTurnRate largest yaw-rate reference, rad/s
     * @param speedP command per m/s of speed error
     * @param speedI command per metre of integrated speed error
     * @param yawP command per rad/s of yaw-rate error
     * @param yawI command per radian of integrated yaw-rate error
     */
    public record Gains(double headingGain, double maxTurnRate, double speedP, double speedI, double yawP,
            double yawI) {

        public Gains {
            double[] all = {headingGain, maxTurnRate, speedP, speedI, yawP, yawI};
            for (double g : all) {
                if (!(g >= 0) || !Double.isFinite(g)) {
                    throw new IllegalArgumentException("gains must be finite and >= 0 (heading, max turn rate, "
                            + "speed P, speed I, yaw P, yaw I), got " + Arrays.toString(all));
                }
            }
        }
    }

    private final Gains gains;
    private final double period;
    private final double freeSpeed;
    private final double halfTrack;
    private double speedIntegral;
    private double yawIntegral;

    /**
     * @param controlPeriod seconds per step
     * @param nominal the robot whose geometry and top speed the feed-forward assumes
     */
    public TwistController(Gains gains, double controlPeriod, RobotBody nominal) {
        this.gains = Objects.requireNonNull(gains, "gains is null");
        if (!(controlPeriod > 0)) {
            throw new IllegalArgumentException("controlPeriod must be positive, got " + controlPeriod);
        }
        this.period = controlPeriod;
        this.freeSpeed = nominal.freeSpeed();
        this.halfTrack = nominal.trackWidth() / 2;
    }

    /** Clears the integrators (episode start). */
    public void reset() {
        speedIntegral = 0;
        yawIntegral = 0;
    }

    /**
     * Computes the commands for one step.
     *
     * @param observation a {@link DriveObservation}
     * @param command destination: left and right motor commands
     */
    public void act(float[] observation, DriveTarget target, float[] command) {
        double speed = 0.5 * (observation[DriveObservation.LEFT_WHEEL_SPEED]
                + observation[DriveObservation.RIGHT_WHEEL_SPEED]);
        double yawRate = observation[DriveObservation.YAW_RATE];
        double heading = Math.atan2(observation[DriveObservation.HEADING_SIN],
                observation[DriveObservation.HEADING_COS]);
        double headingError = TrackingReward.wrap(target.headingRadians() - heading);
        double yawReference = clamp(gains.headingGain() * headingError, gains.maxTurnRate());

        double speedError = target.velocity() - speed;
        speedIntegral = integrate(speedIntegral, speedError, gains.speedI());
        double forward = target.velocity() / freeSpeed + gains.speedP() * speedError
                + gains.speedI() * speedIntegral;

        double yawError = yawReference - yawRate;
        yawIntegral = integrate(yawIntegral, yawError, gains.yawI());
        double turn = yawReference * halfTrack / freeSpeed + gains.yawP() * yawError + gains.yawI() * yawIntegral;

        command[DriveCommand.LEFT] = (float) clamp(forward - turn, 1);
        command[DriveCommand.RIGHT] = (float) clamp(forward + turn, 1);
    }

    private double integrate(double integral, double error, double gain) {
        double next = integral + error * period;
        return gain > 0 ? clamp(next, 1 / gain) : 0;
    }

    private static double clamp(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }
}
