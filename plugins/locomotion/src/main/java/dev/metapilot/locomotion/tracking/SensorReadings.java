package dev.metapilot.locomotion.tracking;

/**
 * The sensor inputs of one control period of a differential-drive robot, in SI units: wheel ground speeds from the
 * encoders, the gyro's yaw rate and the accelerometer's forward specific force.
 *
 * <p>
 * The inputs object of the drive (AdvantageKit's pattern): filled once per control period by the simulated sensors
 * ({@code RobotSensors}) or by the robot plugin's drive IO, then read by {@link TrackingEpisode}. Mutable and reused;
 * one instance per control loop, one thread.
 */
public final class SensorReadings {

    private double leftWheelSpeed;
    private double rightWheelSpeed;
    private double yawRate;
    private double forwardAcceleration;

    /**
     * Overwrites every reading.
     *
     * @param leftWheelSpeed left wheel ground speed over the period, m/s, forward positive (from encoder counts, see
     *     {@link WheelEncoder})
     * @param rightWheelSpeed right wheel ground speed, m/s
     * @param yawRate gyro yaw rate about the body's up axis, rad/s, counter-clockwise (a left turn) positive
     * @param forwardAcceleration accelerometer reading along the body's forward axis, m/s²: the acceleration plus
     *     {@code g·sin(pitch)} (a robot standing nose-up on a slope reads a positive value)
     */
    public void set(double leftWheelSpeed, double rightWheelSpeed, double yawRate, double forwardAcceleration) {
        this.leftWheelSpeed = leftWheelSpeed;
        this.rightWheelSpeed = rightWheelSpeed;
        this.yawRate = yawRate;
        this.forwardAcceleration = forwardAcceleration;
    }

    public double leftWheelSpeed() {
        return leftWheelSpeed;
    }

    public double rightWheelSpeed() {
        return rightWheelSpeed;
    }

    /** Forward speed of the robot's centre, m/s: the mean of the two wheel speeds. */
    public double forwardSpeed() {
        return 0.5 * (leftWheelSpeed + rightWheelSpeed);
    }

    public double yawRate() {
        return yawRate;
    }

    public double forwardAcceleration() {
        return forwardAcceleration;
    }

    @Override
    public String toString() {
        return "SensorReadings[left=" + leftWheelSpeed + ", right=" + rightWheelSpeed + ", yawRate=" + yawRate
                + ", forwardAcceleration=" + forwardAcceleration + "]";
    }
}
