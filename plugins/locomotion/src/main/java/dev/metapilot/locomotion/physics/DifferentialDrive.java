package dev.metapilot.locomotion.physics;

import java.util.Objects;

/**
 * A differential-drive robot on an inclined plane, integrated at a fixed physics step within each control tick.
 *
 * <p>
 * Model: each wheel's {@link MotorChannel} turns its command into a drive fraction {@code e}; a DC motor at drive
 * {@code e} pushes its wheel with the linear torque–speed law {@code F = stallForce · (e − wheelSpeed / freeSpeed)} (so
 * zero drive is a short-circuit brake through the back-EMF); the wheels roll without slipping, so the body's forward
 * speed {@code v} and yaw rate {@code w} obey {@code m·dv/dt = F_L + F_R − m·g·sin(slope)·cos(heading)} and
 * {@code I·dw/dt = (F_R − F_L)·track/2}, with mass and inertia growing with the payload. Rolling resistance
 * ({@code coefficient · m·g·cos(slope)} on {@code v}, and the same at the wheels, i.e. times {@code track/2}, on
 * {@code w}) is Coulomb friction: it stops the robot exactly and holds it when the other forces are smaller (a slope
 * gentler than the friction angle holds a robot with its motors off; a steeper one rolls it back, at a speed the
 * motors' braking limits). The slope is along the start heading: driving across it feels none of it.
 *
 * <p>
 * Integration, per physics step {@code dt}: the forward and yaw equations are linear first-order systems between the
 * drive and the speed (the back-EMF is their damping), so each step solves them exactly for the step's mean drive (also
 * exact for the motor lag) and the slope at the mid-step heading, with Coulomb friction shifting the settling point;
 * position and heading advance with the step's mean speeds along the mid-step heading. The scheme is second order:
 * halving {@code dt} changes a 5 s trajectory by micrometres.
 *
 * <p>
 * Owned by one environment (or emulator) thread: {@link #setDynamics} once per task, {@link #reset} per episode,
 * {@link #advance} per control tick; nothing allocates after {@code setDynamics}.
 */
public final class DifferentialDrive {

    /** Standard gravity, m/s². */
    public static final double GRAVITY = 9.80665;

    private final RobotBody body;
    private final double controlPeriod;
    private final int substeps;
    private final double dt;
    private final double halfDt;
    private final double halfTrack;
    private final MotorChannel left = new MotorChannel();
    private final MotorChannel right = new MotorChannel();

    private DriveDynamics dynamics;
    private double driveToSpeed;
    private double driveToYawRate;
    private double speedDecay;
    private double yawDecay;
    private double slopeGravity;
    private double slopeSettle;
    private double speedFriction;
    private double yawFriction;

    private double speed;
    private double yawRate;
    private double heading;
    private double cosHeading;
    private double sinHeading;
    private double x;
    private double y;
    private double leftTravel;
    private double rightTravel;
    private double meanYawRate;
    private double meanSpecificForce;

    /**
     * @param controlPeriod seconds between commands, positive
     * @param substeps physics steps per control period, at least 1
     */
    public DifferentialDrive(RobotBody body, double controlPeriod, int substeps) {
        this.body = Objects.requireNonNull(body, "body is null");
        if (!(controlPeriod > 0) || !Double.isFinite(controlPeriod)) {
            throw new IllegalArgumentException("controlPeriod must be positive, got " + controlPeriod);
        }
        if (substeps < 1) {
            throw new IllegalArgumentException("substeps must be >= 1, got " + substeps);
        }
        this.controlPeriod = controlPeriod;
        this.substeps = substeps;
        this.dt = controlPeriod / substeps;
        this.halfDt = dt / 2;
        this.halfTrack = body.trackWidth() / 2;
    }

    /** Sets the parameters for the following episodes and resets the robot. */
    public void setDynamics(DriveDynamics dynamics) {
        this.dynamics = Objects.requireNonNull(dynamics, "dynamics is null");
        double mass = body.baseMass() + dynamics.payloadKg();
        double inertia = body.baseYawInertia() + dynamics.payloadKg() * body.payloadRadius() * body.payloadRadius();
        double slope = Math.toRadians(dynamics.slopeDegrees());
        double normal = GRAVITY * Math.cos(slope);
        // Back-EMF damping rates of the forward and yaw motions, 1/s.
        double speedDamping = 2 * body.stallForce() / (body.freeSpeed() * mass);
        double yawDamping = 2 * body.stallForce() * halfTrack * halfTrack / (body.freeSpeed() * inertia);
        speedDecay = Math.exp(-speedDamping * dt);
        yawDecay = Math.exp(-yawDamping * dt);
        // Speed and yaw rate a constant drive settles at (per unit of drive sum and difference).
        driveToSpeed = body.stallForce() / mass / speedDamping;
        driveToYawRate = body.stallForce() * halfTrack / inertia / yawDamping;
        slopeGravity = GRAVITY * Math.sin(slope);
        slopeSettle = slopeGravity / speedDamping;
        // Rolling resistance as the shift of those settling points it causes (deceleration / damping rate).
        speedFriction = dynamics.rollingFriction() * normal / speedDamping;
        yawFriction = dynamics.rollingFriction() * mass * normal * halfTrack / inertia / yawDamping;
        left.configure(dynamics.leftGain(), dynamics.deadband(), dynamics.latencyTicks(), dynamics.motorLagSeconds(),
                dt);
        right.configure(dynamics.rightGain(), dynamics.deadband(), dynamics.latencyTicks(),
                dynamics.motorLagSeconds(), dt);
        reset();
    }

    /** The robot at rest at the origin, facing along +x (the slope's uphill direction), motors off, queues empty. */
    public void reset() {
        if (dynamics == null) {
            throw new IllegalStateException("reset before setDynamics");
        }
        left.reset();
        right.reset();
        speed = 0;
        yawRate = 0;
        heading = 0;
        cosHeading = 1;
        sinHeading = 0;
        x = 0;
        y = 0;
        leftTravel = 0;
        rightTravel = 0;
        meanYawRate = 0;
        meanSpecificForce = slopeGravity;
    }

    /**
     * Sends one command per motor and integrates one control period.
     *
     * @param leftCommand left motor command in {@code [-1, 1]}
     * @param rightCommand right motor command in {@code [-1, 1]}
     */
    public void advance(double leftCommand, double rightCommand) {
        if (dynamics == null) {
            throw new IllegalStateException("advance before setDynamics");
        }
        left.command(leftCommand);
        right.command(rightCommand);
        double startSpeed = speed;
        double sumYawRate = 0;
        double sumCos = 0;
        for (int i = 0; i < substeps; i++) {
            double leftDrive = left.substep();
            double rightDrive = right.substep();
            // Slope along the heading half-way through the step (second order).
            double cosMid = cosHeading - sinHeading * yawRate * halfDt;
            double settleSpeed = (leftDrive + rightDrive) * driveToSpeed - slopeSettle * cosMid;
            double settleYawRate = (rightDrive - leftDrive) * driveToYawRate;
            double v = exactStep(speed, settleSpeed, speedDecay, speedFriction);
            double w = exactStep(yawRate, settleYawRate, yawDecay, yawFriction);
            double stepSpeed = 0.5 * (speed + v);
            double stepYawRate = 0.5 * (yawRate + w);
            rotate(stepYawRate * dt, stepSpeed * dt);
            leftTravel += (stepSpeed - stepYawRate * halfTrack) * dt;
            rightTravel += (stepSpeed + stepYawRate * halfTrack) * dt;
            sumYawRate += stepYawRate;
            sumCos += cosMid;
            speed = v;
            yawRate = w;
        }
        double norm = Math.sqrt(cosHeading * cosHeading + sinHeading * sinHeading);
        cosHeading /= norm;
        sinHeading /= norm;
        meanYawRate = sumYawRate / substeps;
        meanSpecificForce = (speed - startSpeed) / controlPeriod + slopeGravity * sumCos / substeps;
    }

    /**
     * Moves {@code distance} along an arc that turns the heading by {@code angle} (small: one physics step), with the
     * chord along the mid-step heading and fifth-order sine and cosine.
     */
    private void rotate(double angle, double distance) {
        double half = 0.5 * angle;
        double midCos = cosHeading - sinHeading * half;
        double midSin = sinHeading + cosHeading * half;
        x += distance * midCos;
        y += distance * midSin;
        double a2 = angle * angle;
        double cos = 1 - 0.5 * a2 * (1 - a2 * (1.0 / 12));
        double sin = angle * (1 - a2 * (1.0 / 6) * (1 - a2 * 0.05));
        double c = cosHeading * cos - sinHeading * sin;
        sinHeading = sinHeading * cos + cosHeading * sin;
        cosHeading = c;
        heading += angle;
    }

    /**
     * One exact step of {@code dx/dt = k·(settle − x) − friction·sign(x)} (a first-order system with Coulomb friction,
     * for the step's constant inputs): at rest it stays at rest while {@code |settle| <= friction}; in motion friction
     * shifts the settling point against the motion; when the motion stops within the step, the rest of the step starts
     * again from rest.
     *
     * @param decay {@code exp(−k·dt)}
     * @param friction the friction deceleration divided by {@code k}
     */
    private static double exactStep(double x, double settle, double decay, double friction) {
        if (x == 0 && Math.abs(settle) <= friction) {
            return 0;
        }
        double direction = x != 0 ? Math.signum(x) : Math.signum(settle);
        double target = settle - direction * friction;
        double next = target + (x - target) * decay;
        if (next * direction >= 0) {
            return next;
        }
        // Stopped at t* within the step: exp(-k t*) = -target / (x - target); what is left decays by decay / that.
        double remaining = decay * (x - target) / -target;
        if (Math.abs(settle) <= friction) {
            return 0;
        }
        double reverse = settle - Math.signum(settle) * friction;
        return reverse * (1 - remaining);
    }

    public RobotBody body() {
        return body;
    }

    /** The dynamics set last, or null before {@link #setDynamics}. */
    public DriveDynamics dynamics() {
        return dynamics;
    }

    /** Seconds between commands. */
    public double controlPeriod() {
        return controlPeriod;
    }

    /** Physics steps per control period. */
    public int substeps() {
        return substeps;
    }

    /** Forward speed of the robot's centre, m/s. */
    public double speed() {
        return speed;
    }

    /** Yaw rate, rad/s, counter-clockwise positive. */
    public double yawRate() {
        return yawRate;
    }

    /** Heading relative to the start (not wrapped: two left turns read 4π), rad. */
    public double heading() {
        return heading;
    }

    /** Position along the start heading, m. */
    public double x() {
        return x;
    }

    /** Position to the left of the start heading, m. */
    public double y() {
        return y;
    }

    /** Ground distance rolled by the left wheel since the reset (backwards negative), m. */
    public double leftTravel() {
        return leftTravel;
    }

    /** Ground distance rolled by the right wheel since the reset, m. */
    public double rightTravel() {
        return rightTravel;
    }

    /** Mean yaw rate over the last control period (what a gyro's low-pass filter reports), rad/s. */
    public double meanYawRate() {
        return meanYawRate;
    }

    /**
     * Mean forward specific force over the last control period (what an accelerometer's forward axis reports, without
     * its errors): acceleration plus {@code g·sin(pitch)}, m/s².
     */
    public double meanSpecificForce() {
        return meanSpecificForce;
    }

    /** Current drive of the left motor after latency, dead-band, gain, saturation and lag. */
    public double leftDrive() {
        return left.drive();
    }

    /** Current drive of the right motor. */
    public double rightDrive() {
        return right.drive();
    }
}
