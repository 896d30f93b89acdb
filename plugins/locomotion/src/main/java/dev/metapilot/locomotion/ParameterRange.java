package dev.metapilot.locomotion;

import dev.metapilot.env.Split;
import dev.metapilot.locomotion.physics.DynamicsParameter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The range a dynamics parameter is drawn from in one split. TEST ranges contain TRAIN's and reach beyond it where that
 * is meaningful (heavier payloads, stronger asymmetry, wider dead-band, slower motors, more latency and friction,
 * steeper slopes), so held-out tasks measure generalisation; sensor biases have the same range in both.
 *
 * <p>
 * Read by {@link LocomotionTasks}; immutable.
 *
 * @param min smallest value
 * @param max largest value
 */
record ParameterRange(double min, double max) {

    private static final Map<DynamicsParameter, ParameterRange> TRAIN = new EnumMap<>(DynamicsParameter.class);
    private static final Map<DynamicsParameter, ParameterRange> TEST = new EnumMap<>(DynamicsParameter.class);

    static {
        both(DynamicsParameter.PAYLOAD_KG, 0, 1, 0, 2.5);
        both(DynamicsParameter.LEFT_GAIN, 0.85, 1.15, 0.7, 1.3);
        both(DynamicsParameter.RIGHT_GAIN, 0.85, 1.15, 0.7, 1.3);
        both(DynamicsParameter.DEADBAND, 0, 0.08, 0, 0.16);
        both(DynamicsParameter.MOTOR_LAG_S, 0.02, 0.06, 0.02, 0.12);
        both(DynamicsParameter.LATENCY_TICKS, 0, 1, 0, 2);
        both(DynamicsParameter.ROLLING_FRICTION, 0.01, 0.04, 0.01, 0.07);
        both(DynamicsParameter.SLOPE_DEG, -4, 4, -8, 8);
        both(DynamicsParameter.GYRO_BIAS, -0.02, 0.02, -0.02, 0.02);
        both(DynamicsParameter.ACCEL_BIAS, -0.2, 0.2, -0.2, 0.2);
    }

    ParameterRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty");
        }
    }

    /** The range of {@code parameter} in {@code split}. */
    static ParameterRange of(Split split, DynamicsParameter parameter) {
        return (split == Split.TRAIN ? TRAIN : TEST).get(parameter);
    }

    boolean contains(double value) {
        return value >= min && value <= max;
    }

    private static void both(DynamicsParameter p, double trainMin, double trainMax, double testMin, double testMax) {
        TRAIN.put(p, new ParameterRange(trainMin, trainMax));
        TEST.put(p, new ParameterRange(testMin, testMax));
    }
}
