package dev.metapilot.bridge.message;

import static dev.metapilot.bridge.frame.LittleEndian.put16;
import static dev.metapilot.bridge.frame.LittleEndian.put32;
import static dev.metapilot.bridge.frame.LittleEndian.put8;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.MessageType;

/**
 * The payload layouts of protocol version 1 (one method pair per message, offsets as in {@code PROTOCOL.md}): writes
 * payloads into a byte array and reads them from a {@link Frame}. The motor-command and sensor-state paths read and
 * write primitives and mutable twins and allocate nothing.
 *
 * <p>
 * Stateless; any thread.
 */
public final class MessageCodec {

    /** Q15 scale of motor outputs: wire value = round(output × 32767). */
    public static final float Q15 = 32767f;
    /** Gyro steps per rad/s (one step is 0.001 rad/s). */
    public static final float GYRO_STEPS = 1000f;
    /** Accelerometer steps per m/s² (one step is 0.01 m/s²). */
    public static final float ACCEL_STEPS = 100f;

    private MessageCodec() {}

    /** Writes the payload of {@code message} at {@code p[off]}; returns its length. */
    public static int write(Message message, byte[] p, int off) {
        switch (message) {
            case Hello h -> {
                put8(p, off, h.role().code());
                put8(p, off + 1, h.reply() ? 1 : 0);
                put16(p, off + 2, h.capabilities());
                put32(p, off + 4, h.softwareVersion());
                put16(p, off + 8, h.sensorRateHz());
                put16(p, off + 10, h.maxTtlMs());
            }
            case Heartbeat h -> put32(p, off, h.uptimeMs());
            case Ack a -> {
                put16(p, off, a.ackedSeq());
                put8(p, off + 2, a.ackedType().id());
                put8(p, off + 3, a.result().code());
            }
            case MotorCommand m -> writeMotorCommand(m.left(), m.right(), m.ttlMs(), p, off);
            case EStop e -> {
                put8(p, off, e.engage() ? EStop.ENGAGE : EStop.RELEASE);
                put8(p, off + 1, e.source().code());
            }
            case SensorState s -> writeSensorState(s.mcuTimeUs(), s.leftTicks(), s.rightTicks(), s.gyro().x(), s
                    .gyro().y(), s.gyro().z(), s.accel().x(), s.accel().y(), s.accel().z(), s.appliedLeft(),
                    s
                            .appliedRight(),
                    s.status(), p, off);
            case Fault f -> {
                put16(p, off, f.code());
                put32(p, off + 2, f.detail());
            }
        }
        return message.type().payloadSize();
    }

    /** Writes a MOTOR_COMMAND payload; outputs outside [-1, 1] saturate, NaN writes 0. */
    public static void writeMotorCommand(float left, float right, int ttlMs, byte[] p, int off) {
        put16(p, off, q15(left));
        put16(p, off + 2, q15(right));
        put16(p, off + 4, ttlMs);
    }

    /** Writes a SENSOR_STATE payload from {@code s}. */
    public static void writeSensorState(SensorSample s, byte[] p, int off) {
        writeSensorState(s.mcuTimeUs, s.leftTicks, s.rightTicks, s.gyroX, s.gyroY, s.gyroZ, s.accelX, s.accelY,
                s.accelZ, s.appliedLeft, s.appliedRight, s.status, p, off);
    }

    private static void writeSensorState(long timeUs, int left, int right, float gx, float gy, float gz, float ax,
            float ay, float az, float appliedLeft, float appliedRight, int status, byte[] p, int off) {
        put32(p, off, timeUs);
        put32(p, off + 4, left);
        put32(p, off + 8, right);
        put16(p, off + 12, steps(gx, GYRO_STEPS));
        put16(p, off + 14, steps(gy, GYRO_STEPS));
        put16(p, off + 16, steps(gz, GYRO_STEPS));
        put16(p, off + 18, steps(ax, ACCEL_STEPS));
        put16(p, off + 20, steps(ay, ACCEL_STEPS));
        put16(p, off + 22, steps(az, ACCEL_STEPS));
        put16(p, off + 24, q15(appliedLeft));
        put16(p, off + 26, q15(appliedRight));
        put8(p, off + 28, status);
    }

    /** Reads a MOTOR_COMMAND into {@code out}; false (and {@code out} unspecified) when a field is out of range. */
    public static boolean readMotorCommand(Frame f, MotorSetpoint out) {
        short left = f.i16(0);
        short right = f.i16(2);
        int ttl = f.u16(4);
        if (left == Short.MIN_VALUE || right == Short.MIN_VALUE || ttl == 0) {
            return false;
        }
        out.left = left / Q15;
        out.right = right / Q15;
        out.ttlMs = ttl;
        return true;
    }

    /** Reads a SENSOR_STATE into {@code out} (all but {@code receivedNanos}); false when a field is out of range. */
    public static boolean readSensorState(Frame f, SensorSample out) {
        short appliedLeft = f.i16(24);
        short appliedRight = f.i16(26);
        if (appliedLeft == Short.MIN_VALUE || appliedRight == Short.MIN_VALUE) {
            return false;
        }
        out.mcuTimeUs = f.u32(0);
        out.leftTicks = f.i32(4);
        out.rightTicks = f.i32(8);
        out.gyroX = f.i16(12) / GYRO_STEPS;
        out.gyroY = f.i16(14) / GYRO_STEPS;
        out.gyroZ = f.i16(16) / GYRO_STEPS;
        out.accelX = f.i16(18) / ACCEL_STEPS;
        out.accelY = f.i16(20) / ACCEL_STEPS;
        out.accelZ = f.i16(22) / ACCEL_STEPS;
        out.appliedLeft = appliedLeft / Q15;
        out.appliedRight = appliedRight / Q15;
        out.status = f.u8(28);
        return true;
    }

    /**
     * Reads any message as a record (allocates); {@code null} when a field is out of range. The frame's type and
     * payload size have been checked by the decoder.
     */
    public static Message read(Frame f) {
        return switch (f.type()) {
            case HELLO -> readHello(f);
            case HEARTBEAT -> new Heartbeat(f.u32(0));
            case ACK -> {
                MessageType acked = MessageType.byId(f.u8(2));
                Ack.Result result = Ack.Result.of(f.u8(3));
                yield acked == null || result == null ? null : new Ack(f.u16(0), acked, result);
            }
            case MOTOR_COMMAND -> {
                MotorSetpoint m = new MotorSetpoint();
                yield readMotorCommand(f, m) ? m.toCommand() : null;
            }
            case ESTOP -> {
                int action = f.u8(0);
                EStop.Source source = EStop.Source.of(f.u8(1));
                yield source == null || (action != EStop.ENGAGE && action != EStop.RELEASE)
                        ? null
                        : new EStop(action == EStop.ENGAGE, source);
            }
            case SENSOR_STATE -> {
                SensorSample s = new SensorSample();
                yield readSensorState(f, s) ? s.toState() : null;
            }
            case FAULT -> new Fault(f.u16(0), f.u32(2));
        };
    }

    private static Hello readHello(Frame f) {
        Role role = Role.of(f.u8(0));
        if (role == null) {
            return null;
        }
        return new Hello(f.version(), role, (f.u8(1) & 1) != 0, f.u16(2), f.i32(4), f.u16(8), f.u16(10));
    }

    /** An output in [-1, 1] as Q15 (rounded half away from zero), saturating at ±32767; NaN gives 0. */
    public static short q15(float value) {
        return (short) Math.max(-32767, Math.min(32767, round(value * Q15)));
    }

    /** {@code value × stepsPerUnit} rounded half away from zero to a signed 16-bit count, saturating; NaN gives 0. */
    public static short steps(float value, float stepsPerUnit) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, round(value * stepsPerUnit)));
    }

    /** Rounds half away from zero, as C's {@code lroundf}, so that v and -v encode symmetrically; NaN gives 0. */
    private static int round(float x) {
        if (Float.isNaN(x)) {
            return 0;
        }
        return (int) (x >= 0 ? Math.floor(x + 0.5) : Math.ceil(x - 0.5));
    }
}
