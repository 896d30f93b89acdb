package dev.metapilot.locomotion.physics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hidden physical parameters of one locomotion task: payload, per-motor gain (asymmetry), dead-band, motor lag,
 * actuation latency, rolling resistance, slope and sensor biases. See {@link DynamicsParameter} for units and ranges.
 *
 * <p>
 * Part of a task, created by the task distribution or the task file reader on the caller's thread, or by the emulator
 * from its dynamics file; immutable.
 *
 * @param payloadKg payload on the base, kg
 * @param leftGain left motor gain
 * @param rightGain right motor gain
 * @param deadband motor dead-band, fraction of full command
 * @param motorLagSeconds first-order motor lag time constant, s
 * @param latencyTicks control ticks between a command and the motors receiving it
 * @param rollingFriction rolling resistance coefficient
 * @param slopeDegrees slope along the start heading, uphill positive, degrees
 * @param gyroBias gyro bias, rad/s
 * @param accelBias accelerometer bias, m/s²
 */
public record DriveDynamics(double payloadKg, double leftGain, double rightGain, double deadband,
        double motorLagSeconds, int latencyTicks, double rollingFriction, double slopeDegrees, double gyroBias,
        double accelBias) {

    /** A nominal robot: no payload, matched motors, no dead-band, 30 ms lag, no latency, flat ground, no biases. */
    public static final DriveDynamics NOMINAL = new DriveDynamics(0, 1, 1, 0, 0.03, 0, 0.02, 0, 0, 0);

    /**
     * @throws IllegalArgumentException naming the parameter when a value is outside its {@link DynamicsParameter} range
     */
    public DriveDynamics {
        for (DynamicsParameter p : DynamicsParameter.values()) {
            double v = switch (p) {
                case PAYLOAD_KG -> payloadKg;
                case LEFT_GAIN -> leftGain;
                case RIGHT_GAIN -> rightGain;
                case DEADBAND -> deadband;
                case MOTOR_LAG_S -> motorLagSeconds;
                case LATENCY_TICKS -> latencyTicks;
                case ROLLING_FRICTION -> rollingFriction;
                case SLOPE_DEG -> slopeDegrees;
                case GYRO_BIAS -> gyroBias;
                case ACCEL_BIAS -> accelBias;
            };
            if (!p.accepts(v)) {
                throw new IllegalArgumentException(
                        p.field() + " must be " + (p.integer() ? "an integer" : "a number") + " in " + p.range()
                                + ", got " + v);
            }
        }
    }

    /**
     * Dynamics from a value for every parameter.
     *
     * @throws IllegalArgumentException when a parameter is missing or out of range
     */
    public static DriveDynamics of(Map<DynamicsParameter, Double> values) {
        EnumMap<DynamicsParameter, Double> v = new EnumMap<>(DynamicsParameter.class);
        v.putAll(values);
        for (DynamicsParameter p : DynamicsParameter.values()) {
            if (v.get(p) == null) {
                throw new IllegalArgumentException("missing dynamics parameter " + p.field());
            }
        }
        double latency = v.get(DynamicsParameter.LATENCY_TICKS);
        if (latency != Math.rint(latency)) {
            throw new IllegalArgumentException("latency_ticks must be an integer, got " + latency);
        }
        return new DriveDynamics(v.get(DynamicsParameter.PAYLOAD_KG), v.get(DynamicsParameter.LEFT_GAIN),
                v.get(DynamicsParameter.RIGHT_GAIN), v.get(DynamicsParameter.DEADBAND),
                v.get(DynamicsParameter.MOTOR_LAG_S), (int) latency, v.get(DynamicsParameter.ROLLING_FRICTION),
                v.get(DynamicsParameter.SLOPE_DEG), v.get(DynamicsParameter.GYRO_BIAS),
                v.get(DynamicsParameter.ACCEL_BIAS));
    }

    /** Every parameter by its task-file name, in {@link DynamicsParameter} order (latency as an integer). */
    public Map<String, Object> properties() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DynamicsParameter p : DynamicsParameter.values()) {
            out.put(p.field(), p.integer() ? (Object) (long) p.of(this) : (Object) p.of(this));
        }
        return Collections.unmodifiableMap(out);
    }
}
