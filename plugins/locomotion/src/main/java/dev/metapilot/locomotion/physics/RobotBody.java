package dev.metapilot.locomotion.physics;

import dev.metapilot.locomotion.tracking.WheelEncoder;

/**
 * The fixed, known properties of the simulated robot: its base (without payload), its geometry, its motors at full
 * drive and its encoders. What varies from task to task is in {@link DriveDynamics}.
 *
 * <p>
 * Immutable; {@link #STANDARD} is the robot of the locomotion plugin (a 2 kg two-wheeled robot with a caster, wheels of
 * 7 cm, track 16 cm, 1 m/s top speed, 600-count encoders).
 *
 * @param baseMass mass without payload, kg
 * @param baseYawInertia moment of inertia about the vertical axis without payload, kg·m²
 * @param payloadRadius radius of gyration of the payload about the vertical axis, m (payload inertia = mass · radius²)
 * @param wheelRadius m
 * @param trackWidth distance between the wheels' contact points, m
 * @param freeSpeed wheel ground speed at full drive and no load, m/s (the motors' no-load speed through the gearbox)
 * @param stallForce ground force of one wheel at full drive and standstill, N (stall torque / wheel radius)
 * @param encoderCounts encoder counts per wheel revolution
 */
public record RobotBody(double baseMass, double baseYawInertia, double payloadRadius, double wheelRadius,
        double trackWidth, double freeSpeed, double stallForce, int encoderCounts) {

    /** The robot of the locomotion plugin. */
    public static final RobotBody STANDARD = new RobotBody(2.0, 0.015, 0.05, 0.035, 0.16, 1.0, 12.0, 600);

    public RobotBody {
        positive("baseMass", baseMass);
        positive("baseYawInertia", baseYawInertia);
        if (!(payloadRadius >= 0) || !Double.isFinite(payloadRadius)) {
            throw new IllegalArgumentException("payloadRadius must be >= 0, got " + payloadRadius);
        }
        positive("wheelRadius", wheelRadius);
        positive("trackWidth", trackWidth);
        positive("freeSpeed", freeSpeed);
        positive("stallForce", stallForce);
        if (encoderCounts < 1) {
            throw new IllegalArgumentException("encoderCounts must be >= 1, got " + encoderCounts);
        }
    }

    /** The encoders of this body. */
    public WheelEncoder encoder() {
        return new WheelEncoder(encoderCounts, wheelRadius);
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}
