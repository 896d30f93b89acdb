package dev.metapilot.bridge.message;

import dev.metapilot.bridge.frame.MessageType;
import java.util.Objects;

/**
 * One sample of the MCU's sensors and outputs. On the wire the IMU is quantised (gyro 0.001 rad/s, accelerometer 0.01
 * m/s², saturating at ±32767 steps) and the applied outputs are Q15; {@link SensorSample} is the mutable twin used on
 * the allocation-free path.
 *
 * @param mcuTimeUs the MCU's clock when the sample was taken, microseconds, unsigned 32-bit (wraps every 71.6 min; take
 *     differences modulo 2^32)
 * @param leftTicks left encoder count since MCU start, wrapping signed 32-bit (forward counts up)
 * @param rightTicks right encoder count
 * @param gyro angular rate in rad/s
 * @param accel specific force in m/s² (gravity included)
 * @param appliedLeft the output the MCU drives the left motor with, in [-1, 1]
 * @param appliedRight the right output
 * @param status {@link #STATUS_ESTOP} and {@link #STATUS_WATCHDOG} bits
 */
public record SensorState(long mcuTimeUs, int leftTicks, int rightTicks, Vector3 gyro, Vector3 accel,
        float appliedLeft, float appliedRight, int status) implements Message {

    /** Status bit: the e-stop latch is engaged, motors held at zero. */
    public static final int STATUS_ESTOP = 1;
    /** Status bit: the last motor command's time-to-live ran out, motors held at zero until the next command. */
    public static final int STATUS_WATCHDOG = 2;

    public SensorState {
        Ranges.check("mcuTimeUs", mcuTimeUs, 0, 0xFFFF_FFFFL);
        Objects.requireNonNull(gyro, "gyro is null");
        Objects.requireNonNull(accel, "accel is null");
        Ranges.unit("appliedLeft", appliedLeft);
        Ranges.unit("appliedRight", appliedRight);
        Ranges.check("status", status, 0, 0xFF);
    }

    /** Whether the e-stop latch is engaged. */
    public boolean estopEngaged() {
        return (status & STATUS_ESTOP) != 0;
    }

    /** Whether the TTL watchdog holds the motors at zero. */
    public boolean watchdogStopped() {
        return (status & STATUS_WATCHDOG) != 0;
    }

    @Override
    public MessageType type() {
        return MessageType.SENSOR_STATE;
    }
}
