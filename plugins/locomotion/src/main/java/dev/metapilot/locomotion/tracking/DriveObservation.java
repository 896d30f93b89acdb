package dev.metapilot.locomotion.tracking;

import dev.metapilot.env.Box;

/**
 * The observation of the locomotion environments and of the real robot: 8 floats built from what a differential-drive
 * robot's own sensors give, in SI units, each clamped to its sensor's range.
 *
 * <table>
 * <caption>Layout</caption>
 * <tr>
 * <th>index</th>
 * <th>meaning</th>
 * <th>range</th>
 * </tr>
 * <tr>
 * <td>0</td>
 * <td>left wheel speed from its encoder, m/s</td>
 * <td>±2</td>
 * </tr>
 * <tr>
 * <td>1</td>
 * <td>right wheel speed from its encoder, m/s</td>
 * <td>±2</td>
 * </tr>
 * <tr>
 * <td>2</td>
 * <td>gyro yaw rate, rad/s (counter-clockwise positive)</td>
 * <td>±35 (±2000 °/s)</td>
 * </tr>
 * <tr>
 * <td>3</td>
 * <td>accelerometer, forward axis, m/s²</td>
 * <td>±19.6 (±2 g)</td>
 * </tr>
 * <tr>
 * <td>4</td>
 * <td>sin of the heading integrated from the gyro since the episode's start</td>
 * <td>±1</td>
 * </tr>
 * <tr>
 * <td>5</td>
 * <td>cos of that heading</td>
 * <td>±1</td>
 * </tr>
 * <tr>
 * <td>6</td>
 * <td>previous left motor command</td>
 * <td>±1</td>
 * </tr>
 * <tr>
 * <td>7</td>
 * <td>previous right motor command</td>
 * <td>±1</td>
 * </tr>
 * </table>
 *
 * <p>
 * Written by {@link TrackingEpisode} on the control thread; the constants are read by policies and baselines.
 */
public final class DriveObservation {

    /** Number of floats. */
    public static final int SIZE = 8;
    public static final int LEFT_WHEEL_SPEED = 0;
    public static final int RIGHT_WHEEL_SPEED = 1;
    public static final int YAW_RATE = 2;
    public static final int FORWARD_ACCELERATION = 3;
    public static final int HEADING_SIN = 4;
    public static final int HEADING_COS = 5;
    public static final int PREVIOUS_LEFT_COMMAND = 6;
    public static final int PREVIOUS_RIGHT_COMMAND = 7;

    /** Encoder speed range, m/s. */
    public static final float MAX_WHEEL_SPEED = 2f;
    /** Gyro range, rad/s (2000 degrees per second). */
    public static final float MAX_YAW_RATE = 35f;
    /** Accelerometer range, m/s² (2 g). */
    public static final float MAX_ACCELERATION = 19.6f;

    private static final Box SPACE = new Box(
            new float[]{-MAX_WHEEL_SPEED, -MAX_WHEEL_SPEED, -MAX_YAW_RATE, -MAX_ACCELERATION, -1f, -1f, -1f, -1f},
            new float[]{MAX_WHEEL_SPEED, MAX_WHEEL_SPEED, MAX_YAW_RATE, MAX_ACCELERATION, 1f, 1f, 1f, 1f});

    private DriveObservation() {}

    /** The observation space, the same for every configuration of the simulation and for the robot. */
    public static Box space() {
        return SPACE;
    }

    /**
     * Writes one observation, clamping each reading to its range.
     *
     * @param heading heading integrated from the gyro, radians
     * @param leftCommand the command just sent to the left motor
     * @param rightCommand the command just sent to the right motor
     * @param out destination of length at least {@link #SIZE}
     */
    public static void write(SensorReadings readings, double heading, float leftCommand, float rightCommand,
            float[] out) {
        out[LEFT_WHEEL_SPEED] = clamp(readings.leftWheelSpeed(), MAX_WHEEL_SPEED);
        out[RIGHT_WHEEL_SPEED] = clamp(readings.rightWheelSpeed(), MAX_WHEEL_SPEED);
        out[YAW_RATE] = clamp(readings.yawRate(), MAX_YAW_RATE);
        out[FORWARD_ACCELERATION] = clamp(readings.forwardAcceleration(), MAX_ACCELERATION);
        out[HEADING_SIN] = clamp(Math.sin(heading), 1f);
        out[HEADING_COS] = clamp(Math.cos(heading), 1f);
        out[PREVIOUS_LEFT_COMMAND] = clamp(leftCommand, 1f);
        out[PREVIOUS_RIGHT_COMMAND] = clamp(rightCommand, 1f);
    }

    /** Clamps to {@code [-bound, bound]}; NaN becomes 0 so that a failed sensor cannot leave the space. */
    private static float clamp(double value, float bound) {
        if (Double.isNaN(value)) {
            return 0f;
        }
        return (float) Math.max(-bound, Math.min(bound, value));
    }
}
