package dev.metapilot.robot.io;

/**
 * Everything a {@link DriveIO} read in one control period, in SI units (the inputs object of AdvantageKit's pattern):
 * public fields, overwritten in full by each {@link DriveIO#updateInputs} call, then read by the environment.
 *
 * <p>
 * One instance per environment, owned by its control thread; allocation-free.
 */
public final class DriveInputs {

    /** Whether the hardware answers (the link is up, the devices are open). */
    public boolean connected;
    /** {@link Ticker#nanoTime()} on the host when the newest sensor sample was taken or received. */
    public long sampleNanos;
    /** Left encoder count (after quadrature decoding), forward counts up. */
    public long leftCounts;
    /** Right encoder count. */
    public long rightCounts;
    /** Left wheel ground travel since the drive was opened, m ({@link #leftCounts} times metres per count). */
    public double leftPosition;
    /** Right wheel ground travel, m. */
    public double rightPosition;
    /** Left wheel ground speed from the encoder over the interval since the previous sample seen, m/s. */
    public double leftSpeed;
    /** Right wheel ground speed, m/s. */
    public double rightSpeed;
    /** Gyro rate about the robot's up axis, rad/s, counter-clockwise (a left turn) positive. */
    public double yawRate;
    /** Accelerometer along the robot's forward axis, m/s² (specific force: gravity along the slope included). */
    public double forwardAcceleration;
    /** The output the left motor is driven with now, [-1, 1]. */
    public double appliedLeft;
    /** The output the right motor is driven with now, [-1, 1]. */
    public double appliedRight;
    /** Whether an e-stop holds the motors at zero. */
    public boolean estop;

    @Override
    public String toString() {
        return "DriveInputs[connected=" + connected + ", counts=" + leftCounts + "/" + rightCounts + ", speeds="
                + leftSpeed + "/" + rightSpeed + ", yawRate=" + yawRate + ", forwardAcceleration="
                + forwardAcceleration + ", applied=" + appliedLeft + "/" + appliedRight + ", estop=" + estop + "]";
    }
}
