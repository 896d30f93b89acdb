package dev.metapilot.bridge.message;

/**
 * The mutable twin of {@link SensorState}, reused on the allocation-free paths: the host decodes every sensor frame
 * into one, the MCU side fills one per frame it sends. Public fields in the manner of an IO inputs object; units as in
 * {@link SensorState}.
 *
 * <p>
 * Not thread-safe: owned by one thread at a time (the link copies it under its own lock).
 */
public final class SensorSample {

    /** MCU clock in microseconds, unsigned 32-bit. */
    public long mcuTimeUs;
    /** Left encoder ticks. */
    public int leftTicks;
    /** Right encoder ticks. */
    public int rightTicks;
    /** Angular rate about x, rad/s. */
    public float gyroX;
    /** Angular rate about y, rad/s. */
    public float gyroY;
    /** Angular rate about z (yaw), rad/s. */
    public float gyroZ;
    /** Specific force along x, m/s². */
    public float accelX;
    /** Specific force along y, m/s². */
    public float accelY;
    /** Specific force along z, m/s². */
    public float accelZ;
    /** Output applied to the left motor, [-1, 1]. */
    public float appliedLeft;
    /** Output applied to the right motor, [-1, 1]. */
    public float appliedRight;
    /** {@link SensorState#STATUS_ESTOP} and {@link SensorState#STATUS_WATCHDOG} bits. */
    public int status;
    /** Receiver's {@link System#nanoTime()} when the frame arrived; not on the wire. */
    public long receivedNanos;

    /**
     * Microseconds from {@code earlierUs} to {@code laterUs}, two MCU time stamps, across the 32-bit wrap (valid for
     * gaps under 71 minutes). Encoder tick differences need no such help: {@code later - earlier} in {@code int}
     * arithmetic wraps correctly.
     */
    public static long elapsedUs(long earlierUs, long laterUs) {
        return (laterUs - earlierUs) & 0xFFFF_FFFFL;
    }

    /** Copies every field of {@code other}. */
    public void copyFrom(SensorSample other) {
        mcuTimeUs = other.mcuTimeUs;
        leftTicks = other.leftTicks;
        rightTicks = other.rightTicks;
        gyroX = other.gyroX;
        gyroY = other.gyroY;
        gyroZ = other.gyroZ;
        accelX = other.accelX;
        accelY = other.accelY;
        accelZ = other.accelZ;
        appliedLeft = other.appliedLeft;
        appliedRight = other.appliedRight;
        status = other.status;
        receivedNanos = other.receivedNanos;
    }

    /** Copies the fields of {@code state}; {@link #receivedNanos} is left as it is. */
    public void set(SensorState state) {
        mcuTimeUs = state.mcuTimeUs();
        leftTicks = state.leftTicks();
        rightTicks = state.rightTicks();
        gyroX = state.gyro().x();
        gyroY = state.gyro().y();
        gyroZ = state.gyro().z();
        accelX = state.accel().x();
        accelY = state.accel().y();
        accelZ = state.accel().z();
        appliedLeft = state.appliedLeft();
        appliedRight = state.appliedRight();
        status = state.status();
    }

    /** The immutable form (allocates). */
    public SensorState toState() {
        return new SensorState(mcuTimeUs, leftTicks, rightTicks, new Vector3(gyroX, gyroY, gyroZ), new Vector3(accelX,
                accelY, accelZ), appliedLeft, appliedRight, status);
    }

    /** Whether the e-stop latch is engaged. */
    public boolean estopEngaged() {
        return (status & SensorState.STATUS_ESTOP) != 0;
    }

    /** Whether the TTL watchdog holds the motors at zero. */
    public boolean watchdogStopped() {
        return (status & SensorState.STATUS_WATCHDOG) != 0;
    }
}
