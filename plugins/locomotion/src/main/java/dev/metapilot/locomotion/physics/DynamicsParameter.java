package dev.metapilot.locomotion.physics;

import java.util.Locale;

/**
 * One hidden parameter of {@link DriveDynamics}: its name in task files, its unit, the range the model accepts, and the
 * resolution tasks are drawn at.
 *
 * <p>
 * The single table the record's validation, the task file reader, the task distribution and the README agree on;
 * constants only.
 */
public enum DynamicsParameter {
    /** Extra mass on the base, kg: more inertia, more rolling resistance, more weight on a slope. */
    PAYLOAD_KG("payload_kg", "kg", 0, 20, 1000, "payload carried on the base"),
    /** Left motor gain: drive = gain · command, before saturation. */
    LEFT_GAIN("left_gain", "", 0.1, 2, 1000, "left motor gain (1 = nominal)"),
    /** Right motor gain. */
    RIGHT_GAIN("right_gain", "", 0.1, 2, 1000, "right motor gain (1 = nominal)"),
    /** Commands of smaller magnitude than this fraction give no drive. */
    DEADBAND("deadband", "", 0, 0.9, 1000, "motor dead-band, fraction of full command"),
    /** Time constant of the first-order lag between a motor's command and its drive, s. */
    MOTOR_LAG_S("motor_lag_s", "s", 0.001, 1, 1000, "first-order motor lag time constant"),
    /** Control ticks between a command and the motors receiving it. */
    LATENCY_TICKS("latency_ticks", "ticks", 0, 10, 1, "actuation latency in control ticks"),
    /** Rolling resistance coefficient: resisting force = coefficient · normal force. */
    ROLLING_FRICTION("rolling_friction", "", 0, 0.5, 1000, "rolling resistance coefficient"),
    /** Ground slope along the start heading, degrees; positive is uphill ahead. */
    SLOPE_DEG("slope_deg", "deg", -30, 30, 100, "slope along the start heading, uphill positive"),
    /** Constant error of the gyro, rad/s. */
    GYRO_BIAS("gyro_bias", "rad/s", -0.5, 0.5, 10_000, "gyro bias"),
    /** Constant error of the accelerometer, m/s². */
    ACCEL_BIAS("accel_bias", "m/s²", -2, 2, 1000, "accelerometer bias");

    private final String field;
    private final String unit;
    private final double min;
    private final double max;
    private final long steps;
    private final String description;

    DynamicsParameter(String field, String unit, double min, double max, long steps, String description) {
        this.field = field;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.steps = steps;
        this.description = description;
    }

    /** The name in task files and task properties, for example {@code payload_kg}. */
    public String field() {
        return field;
    }

    /** The unit, empty for dimensionless parameters. */
    public String unit() {
        return unit;
    }

    /** Smallest value the model accepts. */
    public double min() {
        return min;
    }

    /** Largest value the model accepts. */
    public double max() {
        return max;
    }

    public String description() {
        return description;
    }

    /** True for a parameter that takes whole numbers only. */
    public boolean integer() {
        return steps == 1;
    }

    /** Drawn tasks hold multiples of {@code 1 / stepsPerUnit()}: 1000 for a resolution of 0.001. */
    public long stepsPerUnit() {
        return steps;
    }

    /** {@code value} as a whole number of resolution steps (used to hash a task's dynamics). */
    public long quantise(double value) {
        return Math.round(value * steps);
    }

    /** The value of {@code quantised} resolution steps. */
    public double value(long quantised) {
        return quantised / (double) steps;
    }

    /** True when {@code value} is finite, within {@code [min, max]}, and whole for an integer parameter. */
    public boolean accepts(double value) {
        return value >= min && value <= max && (!integer() || value == Math.rint(value));
    }

    /** {@code [min, max]} for messages, for example {@code [0, 20]}. */
    public String range() {
        return "[" + format(min) + ", " + format(max) + "]";
    }

    /** This parameter's value in {@code dynamics}. */
    public double of(DriveDynamics dynamics) {
        return switch (this) {
            case PAYLOAD_KG -> dynamics.payloadKg();
            case LEFT_GAIN -> dynamics.leftGain();
            case RIGHT_GAIN -> dynamics.rightGain();
            case DEADBAND -> dynamics.deadband();
            case MOTOR_LAG_S -> dynamics.motorLagSeconds();
            case LATENCY_TICKS -> dynamics.latencyTicks();
            case ROLLING_FRICTION -> dynamics.rollingFriction();
            case SLOPE_DEG -> dynamics.slopeDegrees();
            case GYRO_BIAS -> dynamics.gyroBias();
            case ACCEL_BIAS -> dynamics.accelBias();
        };
    }

    /** A number without a needless {@code .0}: {@code 20}, {@code 0.5}. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
