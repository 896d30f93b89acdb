package dev.metapilot.locomotion.physics;

import dev.metapilot.locomotion.tracking.SensorReadings;
import dev.metapilot.locomotion.tracking.WheelEncoder;
import java.util.Objects;

/**
 * The sensors of the simulated robot, as a real one has them: two wheel encoders (whole counts; a speed is the change
 * of count over the control period, so it is quantised to one count per period, and each episode starts at a random
 * fraction of a count), a gyro (yaw rate averaged over the period, plus the task's bias and white noise) and an
 * accelerometer's forward axis (specific force averaged over the period, plus bias and noise).
 *
 * <p>
 * Owned by one environment (or emulator) thread: {@link #reset} per episode, {@link #sample} after each
 * {@link DifferentialDrive#advance}; no allocation.
 */
public final class RobotSensors {

    /** Standard deviation of the gyro's noise per reading, rad/s. */
    public static final double GYRO_NOISE = 0.01;
    /** Standard deviation of the accelerometer's noise per reading, m/s². */
    public static final double ACCEL_NOISE = 0.05;

    private final WheelEncoder encoder;
    private final boolean noisy;
    private final SensorNoise noise = new SensorNoise();
    private double leftPhase;
    private double rightPhase;
    private long leftCount;
    private long rightCount;

    /**
     * @param noisy false for exact readings: no gyro or accelerometer noise and encoders starting on a whole count (the
     *     biases of the dynamics still apply)
     */
    public RobotSensors(RobotBody body, boolean noisy) {
        this.encoder = Objects.requireNonNull(body, "body is null").encoder();
        this.noisy = noisy;
    }

    /** Restarts the noise at {@code seed} and the encoder counts at the drive's current travel. */
    public void reset(long seed, DifferentialDrive drive) {
        noise.reseed(seed);
        leftPhase = noisy ? noise.uniform() * encoder.metresPerCount() : 0;
        rightPhase = noisy ? noise.uniform() * encoder.metresPerCount() : 0;
        leftCount = encoder.count(drive.leftTravel() + leftPhase);
        rightCount = encoder.count(drive.rightTravel() + rightPhase);
    }

    /** Reads every sensor at the end of the drive's last control period into {@code out}. */
    public void sample(DifferentialDrive drive, SensorReadings out) {
        DriveDynamics dynamics = drive.dynamics();
        double period = drive.controlPeriod();
        long l = encoder.count(drive.leftTravel() + leftPhase);
        long r = encoder.count(drive.rightTravel() + rightPhase);
        double leftSpeed = encoder.speed(l - leftCount, period);
        double rightSpeed = encoder.speed(r - rightCount, period);
        leftCount = l;
        rightCount = r;
        double gyro = drive.meanYawRate() + dynamics.gyroBias() + (noisy ? GYRO_NOISE * noise.gaussian() : 0);
        double accel = drive.meanSpecificForce() + dynamics.accelBias() + (noisy
                ? ACCEL_NOISE * noise.gaussian()
                : 0);
        out.set(leftSpeed, rightSpeed, gyro, accel);
    }

    /** Left encoder count at the last sample (what a motor controller would report). */
    public long leftCount() {
        return leftCount;
    }

    /** Right encoder count at the last sample. */
    public long rightCount() {
        return rightCount;
    }

    public WheelEncoder encoder() {
        return encoder;
    }
}
