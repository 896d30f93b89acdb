package dev.metapilot.locomotion.tracking;

import java.util.Objects;

/**
 * One episode of target tracking: integrates the gyro into a heading, writes each step's {@link DriveObservation},
 * computes its {@link TrackingReward}, and decides success: the mean speed error over the last second below
 * {@link #SUCCESS_SPEED_ERROR} and the mean heading error below {@link #SUCCESS_HEADING_ERROR}.
 *
 * <p>
 * The one place where sensor readings and a target become observation and reward, for the simulation and the real robot
 * alike. Owned by one environment's control thread; {@link #begin} and {@link #update} allocate nothing.
 */
public final class TrackingEpisode {

    /** Success threshold on the mean absolute speed error over the last second, m/s. */
    public static final double SUCCESS_SPEED_ERROR = 0.05;
    /** Success threshold on the mean absolute heading error over the last second, rad (about 5.7°). */
    public static final double SUCCESS_HEADING_ERROR = 0.1;
    /** Length of the window success is judged on, s. */
    public static final double SUCCESS_WINDOW_SECONDS = 1.0;

    private final double[] speedErrors;
    private final double[] headingErrors;
    private DriveTarget target;
    private double targetHeading;
    private double heading;
    private int steps;

    /**
     * @param controlPeriod the nominal control period in seconds; the success window holds
     *     {@code round(SUCCESS_WINDOW_SECONDS / controlPeriod)} steps (at least 1)
     */
    public TrackingEpisode(double controlPeriod) {
        if (!(controlPeriod > 0) || controlPeriod > SUCCESS_WINDOW_SECONDS) {
            throw new IllegalArgumentException("controlPeriod must be in (0, 1] s, got " + controlPeriod);
        }
        int window = Math.max(1, (int) Math.round(SUCCESS_WINDOW_SECONDS / controlPeriod));
        this.speedErrors = new double[window];
        this.headingErrors = new double[window];
    }

    /**
     * Starts an episode: heading 0, no previous command, empty success window; writes the first observation.
     *
     * @param readings the sensors at rest before the first command
     */
    public void begin(DriveTarget target, SensorReadings readings, float[] observation) {
        this.target = Objects.requireNonNull(target, "target is null");
        this.targetHeading = target.headingRadians();
        this.heading = 0;
        this.steps = 0;
        DriveObservation.write(readings, heading, 0f, 0f, observation);
    }

    /**
     * Accounts for one control step that sent {@code (leftCommand, rightCommand)} and ended with {@code readings}.
     *
     * @param dt the step's duration in seconds (the measured period on hardware)
     * @return the step's reward
     */
    public float update(SensorReadings readings, double dt, float leftCommand, float rightCommand,
            float[] observation) {
        if (target == null) {
            throw new IllegalStateException("update before begin");
        }
        heading = TrackingReward.wrap(heading + readings.yawRate() * dt);
        double speedError = readings.forwardSpeed() - target.velocity();
        double headingError = TrackingReward.wrap(heading - targetHeading);
        int slot = steps % speedErrors.length;
        speedErrors[slot] = Math.abs(speedError);
        headingErrors[slot] = Math.abs(headingError);
        steps++;
        DriveObservation.write(readings, heading, leftCommand, rightCommand, observation);
        return TrackingReward.of(speedError, headingError, leftCommand, rightCommand, dt);
    }

    /** The heading integrated from the gyro since {@link #begin}, wrapped to {@code [-pi, pi]}, rad. */
    public double heading() {
        return heading;
    }

    /** Steps since {@link #begin}. */
    public int steps() {
        return steps;
    }

    /** Mean absolute speed error over the last second (or the steps so far, when fewer), m/s; 0 before any step. */
    public double recentSpeedError() {
        return mean(speedErrors);
    }

    /** Mean absolute heading error over the last second (or the steps so far), rad. */
    public double recentHeadingError() {
        return mean(headingErrors);
    }

    /** True when a full second has passed and both recent mean errors are below their thresholds. */
    public boolean success() {
        return steps >= speedErrors.length && recentSpeedError() < SUCCESS_SPEED_ERROR
                && recentHeadingError() < SUCCESS_HEADING_ERROR;
    }

    private double mean(double[] window) {
        int n = Math.min(steps, window.length);
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += window[i];
        }
        return sum / n;
    }
}
