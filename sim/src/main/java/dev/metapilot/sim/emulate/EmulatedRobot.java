package dev.metapilot.sim.emulate;

import dev.metapilot.bridge.mcu.McuHardware;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.locomotion.physics.DifferentialDrive;
import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.physics.RobotSensors;
import dev.metapilot.locomotion.tracking.SensorReadings;
import java.util.Objects;

/**
 * The robot behind the emulated MCU: the locomotion plugin's {@link DifferentialDrive} and {@link RobotSensors} with
 * the dynamics of a task, stepped at the physics rate in real time. The MCU's clock drives it: every call first
 * integrates the physics steps that fell due up to that moment (the MCU ticks at least every 5 ms, so the robot is
 * never more than that behind), then applies the outputs or reads the sensors: encoder counts of whole ticks from the
 * wheels' travel, the gyro's yaw rate and the accelerometer with the task's biases and noise. The actuation latency of
 * the dynamics, given in control ticks of {@code controlRateHz}, delays the outputs by that much time.
 *
 * <p>
 * Called on the MCU loop thread ({@link McuHardware}); {@link #pressEStop}, {@link #motion()} and {@link #outputs()}
 * from any thread.
 */
public final class EmulatedRobot implements McuHardware {

    /** A gap in the MCU's calls longer than this is skipped rather than integrated (the process was suspended). */
    static final long MAX_CATCH_UP_NANOS = 1_000_000_000L;

    private final DriveDynamics dynamics;
    private final DifferentialDrive drive;
    private final RobotSensors sensors;
    private final SensorReadings readings = new SensorReadings();
    private final OutputLog outputs = new OutputLog(4096);
    private final long period;
    private final float[] delayedLeft;
    private final float[] delayedRight;
    private final double gravityZ;
    private int delayHead;
    private long nextStep;
    private float left;
    private float right;
    private long physicsSteps;
    private volatile boolean estopButton;
    private volatile Motion motion = new Motion(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * @param physicsRateHz physics steps per second (the locomotion plugin integrates at 200 Hz)
     * @param controlRateHz the control rate the dynamics' {@code latency_ticks} refer to
     * @param sensorNoise gyro and accelerometer noise and a random encoder phase, as in the simulation
     * @param seed seeds the sensor noise
     * @param nowNanos the MCU's clock at power-on
     */
    public EmulatedRobot(DriveDynamics dynamics, int physicsRateHz, int controlRateHz, boolean sensorNoise, long seed,
            long nowNanos) {
        this.dynamics = Objects.requireNonNull(dynamics, "dynamics is null");
        if (physicsRateHz < 1 || physicsRateHz > 100_000) {
            throw new IllegalArgumentException("physicsRateHz must be in 1..100000, got " + physicsRateHz);
        }
        if (controlRateHz < 1 || controlRateHz > physicsRateHz) {
            throw new IllegalArgumentException("controlRateHz must be in 1.." + physicsRateHz + ", got "
                    + controlRateHz);
        }
        this.period = Math.round(1e9 / physicsRateHz);
        this.drive = new DifferentialDrive(RobotBody.STANDARD, 1.0 / physicsRateHz, 1);
        // The latency is applied here in time, not by the drive in its (physics) ticks.
        drive.setDynamics(new DriveDynamics(dynamics.payloadKg(), dynamics.leftGain(), dynamics.rightGain(), dynamics
                .deadband(), dynamics.motorLagSeconds(), 0, dynamics.rollingFriction(), dynamics.slopeDegrees(),
                dynamics.gyroBias(), dynamics.accelBias()));
        int delaySteps = (int) Math.round((double) dynamics.latencyTicks() * physicsRateHz / controlRateHz);
        this.delayedLeft = new float[delaySteps];
        this.delayedRight = new float[delaySteps];
        this.sensors = new RobotSensors(RobotBody.STANDARD, sensorNoise);
        sensors.reset(seed, drive);
        this.gravityZ = DifferentialDrive.GRAVITY * Math.cos(Math.toRadians(dynamics.slopeDegrees()));
        this.nextStep = nowNanos + period;
    }

    @Override
    public void drive(float l, float r, long nowNanos) {
        advanceTo(nowNanos);
        left = l;
        right = r;
        outputs.record(nowNanos, l, r);
    }

    @Override
    public void sample(SensorSample out, long nowNanos) {
        advanceTo(nowNanos);
        sensors.sample(drive, readings);
        out.leftTicks = (int) sensors.leftCount();
        out.rightTicks = (int) sensors.rightCount();
        out.gyroX = 0f;
        out.gyroY = 0f;
        out.gyroZ = (float) readings.yawRate();
        out.accelX = (float) readings.forwardAcceleration();
        out.accelY = (float) (drive.speed() * drive.yawRate());
        out.accelZ = (float) gravityZ;
    }

    @Override
    public boolean estopPressed(long nowNanos) {
        advanceTo(nowNanos);
        return estopButton;
    }

    /** Presses ({@code true}) or releases the robot's e-stop button. */
    public void pressEStop(boolean pressed) {
        estopButton = pressed;
    }

    /** The dynamics the robot was built with. */
    public DriveDynamics dynamics() {
        return dynamics;
    }

    /** Every change of the motor outputs, with its time. */
    public OutputLog outputs() {
        return outputs;
    }

    /** The robot's true state after the last physics step. */
    public Motion motion() {
        return motion;
    }

    private void advanceTo(long nowNanos) {
        if (nowNanos - nextStep > MAX_CATCH_UP_NANOS) {
            nextStep = nowNanos - MAX_CATCH_UP_NANOS + period;
        }
        boolean stepped = false;
        while (nowNanos - nextStep >= 0) {
            step();
            nextStep += period;
            stepped = true;
        }
        if (stepped) {
            motion = new Motion(physicsSteps, drive.x(), drive.y(), drive.heading(), drive.speed(), drive.yawRate(),
                    drive.leftDrive(), drive.rightDrive());
        }
    }

    private void step() {
        float l = left;
        float r = right;
        if (delayedLeft.length > 0) {
            l = delayedLeft[delayHead];
            r = delayedRight[delayHead];
            delayedLeft[delayHead] = left;
            delayedRight[delayHead] = right;
            delayHead = delayHead + 1 == delayedLeft.length ? 0 : delayHead + 1;
        }
        drive.advance(l, r);
        physicsSteps++;
    }

    /**
     * The robot's true state, for tests and the console.
     *
     * @param physicsSteps steps integrated so far
     * @param x position along the start heading, m
     * @param y position to the left, m
     * @param heading rad, not wrapped
     * @param speed forward speed, m/s
     * @param yawRate rad/s
     * @param leftDrive the left motor's drive after latency, dead-band, gain and lag
     * @param rightDrive the right motor's drive
     */
    public record Motion(long physicsSteps, double x, double y, double heading, double speed, double yawRate,
            double leftDrive, double rightDrive) {}
}
