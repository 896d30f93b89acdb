package dev.metapilot.robot.testing;

import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.locomotion.physics.DifferentialDrive;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.physics.RobotSensors;
import dev.metapilot.locomotion.tracking.SensorReadings;
import dev.metapilot.robot.io.DriveIO;
import dev.metapilot.robot.io.DriveInputs;
import dev.metapilot.robot.io.WheelOdometry;

/**
 * A {@link DriveIO} on the locomotion plugin's simulated robot (exact sensors): each {@link #updateInputs} advances the
 * physics by one control period under the last command and moves the {@link FakeTicker} with it, so time passes with
 * the robot. A fault can be set by the test. Single-threaded except {@link #stop()} and {@link #health()}.
 */
public final class SimulatedDriveIO implements DriveIO {

    private static final HardwareHealth HEALTHY = HardwareHealth.ok(0);

    private final DifferentialDrive drive;
    private final RobotSensors sensors = new RobotSensors(RobotBody.STANDARD, false);
    private final SensorReadings readings = new SensorReadings();
    private final WheelOdometry odometry = new WheelOdometry(RobotBody.STANDARD.encoder());
    private final FakeTicker ticker;
    private final long periodNanos;
    private volatile float left;
    private volatile float right;
    private volatile HardwareHealth fault;
    private volatile boolean closed;
    private int stops;
    private int opens;

    /** A robot with {@code dynamics} stepped every {@code controlPeriod} seconds. */
    public SimulatedDriveIO(DriveDynamics dynamics, double controlPeriod, FakeTicker ticker) {
        this.drive = new DifferentialDrive(RobotBody.STANDARD, controlPeriod, 10);
        this.drive.setDynamics(dynamics);
        this.drive.reset();
        this.sensors.reset(0, drive);
        this.ticker = ticker;
        this.periodNanos = Math.round(controlPeriod * 1e9);
    }

    /** This drive as an opener that counts how often it was opened. */
    public Opener opener() {
        return () -> {
            opens++;
            return this;
        };
    }

    @Override
    public void updateInputs(DriveInputs inputs) {
        drive.advance(left, right);
        ticker.advance(periodNanos);
        sensors.sample(drive, readings);
        long l = sensors.leftCount();
        long r = sensors.rightCount();
        odometry.update(l, r, ticker.nanoTime());
        inputs.connected = true;
        inputs.sampleNanos = ticker.nanoTime();
        inputs.leftCounts = l;
        inputs.rightCounts = r;
        inputs.leftPosition = odometry.position(l);
        inputs.rightPosition = odometry.position(r);
        inputs.leftSpeed = odometry.leftSpeed();
        inputs.rightSpeed = odometry.rightSpeed();
        inputs.yawRate = readings.yawRate();
        inputs.forwardAcceleration = readings.forwardAcceleration();
        inputs.appliedLeft = left;
        inputs.appliedRight = right;
        inputs.estop = fault != null && fault.fault() == Fault.ESTOP;
    }

    @Override
    public boolean setMotors(float l, float r) {
        if (fault != null || closed) {
            left = 0f;
            right = 0f;
            return false;
        }
        left = l;
        right = r;
        return true;
    }

    @Override
    public void stop() {
        left = 0f;
        right = 0f;
        stops++;
    }

    @Override
    public HardwareHealth health() {
        HardwareHealth f = fault;
        return f != null ? f : HEALTHY;
    }

    @Override
    public void clearLatchedFaults() {}

    @Override
    public void close() {
        closed = true;
        stop();
    }

    /** Reports {@code health} from now on (null: healthy). */
    public void fault(HardwareHealth health) {
        fault = health;
    }

    /** The simulated robot (true state). */
    public DifferentialDrive drive() {
        return drive;
    }

    public float left() {
        return left;
    }

    public float right() {
        return right;
    }

    public boolean closed() {
        return closed;
    }

    /** How often the opener handed this drive out. */
    public int opens() {
        return opens;
    }

    /** How many times {@link #stop()} was called. */
    public int stops() {
        return stops;
    }
}
