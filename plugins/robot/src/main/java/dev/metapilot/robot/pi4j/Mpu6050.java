package dev.metapilot.robot.pi4j;

import com.pi4j.io.i2c.I2C;
import java.util.Objects;

/**
 * An InvenSense MPU-6050 (or the register-compatible MPU-6500 and MPU-9250) on I2C: wakes it, sets ±2000 °/s and ±2 g,
 * and reads the yaw rate and forward specific force in one 14-byte burst.
 *
 * <table>
 * <caption>Registers used (MPU-6000/6050 Register Map, rev. 4.2)</caption>
 * <tr>
 * <th>register</th>
 * <th>name</th>
 * <th>written / read</th>
 * </tr>
 * <tr>
 * <td>0x75</td>
 * <td>WHO_AM_I</td>
 * <td>read at open: 0x68 (MPU-6050), 0x70 (MPU-6500), 0x71 (MPU-9250)</td>
 * </tr>
 * <tr>
 * <td>0x6B</td>
 * <td>PWR_MGMT_1</td>
 * <td>0x01: awake, clock from the x gyro's PLL</td>
 * </tr>
 * <tr>
 * <td>0x19</td>
 * <td>SMPLRT_DIV</td>
 * <td>0x00: 1 kHz sample rate</td>
 * </tr>
 * <tr>
 * <td>0x1A</td>
 * <td>CONFIG</td>
 * <td>0x03: digital low-pass 44 Hz (accelerometer) / 42 Hz (gyro)</td>
 * </tr>
 * <tr>
 * <td>0x1B</td>
 * <td>GYRO_CONFIG</td>
 * <td>0x18: ±2000 °/s, 16.4 LSB per °/s</td>
 * </tr>
 * <tr>
 * <td>0x1C</td>
 * <td>ACCEL_CONFIG</td>
 * <td>0x00: ±2 g, 16384 LSB per g</td>
 * </tr>
 * <tr>
 * <td>0x3B–0x48</td>
 * <td>ACCEL_XOUT_H … GYRO_ZOUT_L</td>
 * <td>read each period: accelerometer x, y, z, temperature, gyro x, y, z; big-endian signed 16-bit</td>
 * </tr>
 * </table>
 *
 * <p>
 * The ranges match the observation's (±35 rad/s, ±19.6 m/s²). The low-pass filter stands in for the averaging over the
 * control period that the simulated sensors do. Owned by a {@link Pi4jDriveIO}; {@link #read} runs on the control
 * thread.
 */
public final class Mpu6050 {

    /** I2C address with AD0 low. */
    public static final int ADDRESS_AD0_LOW = 0x68;
    /** I2C address with AD0 high. */
    public static final int ADDRESS_AD0_HIGH = 0x69;

    public static final int SMPLRT_DIV = 0x19;
    public static final int CONFIG = 0x1A;
    public static final int GYRO_CONFIG = 0x1B;
    public static final int ACCEL_CONFIG = 0x1C;
    public static final int ACCEL_XOUT_H = 0x3B;
    public static final int PWR_MGMT_1 = 0x6B;
    public static final int WHO_AM_I = 0x75;
    /** Bytes of one burst read from {@link #ACCEL_XOUT_H}. */
    public static final int BURST_LENGTH = 14;

    /** Gyro sensitivity at ±2000 °/s, LSB per °/s. */
    public static final double GYRO_LSB_PER_DEGREE_PER_SECOND = 16.4;
    /** Accelerometer sensitivity at ±2 g, LSB per g. */
    public static final double ACCEL_LSB_PER_G = 16384;
    /** Standard gravity, m/s². */
    public static final double G = 9.80665;

    private static final double GYRO_SCALE = Math.toRadians(1 / GYRO_LSB_PER_DEGREE_PER_SECOND);
    private static final double ACCEL_SCALE = G / ACCEL_LSB_PER_G;

    private final I2C i2c;
    private final Wiring.Axis forward;
    private final Wiring.Axis up;
    private final byte[] burst = new byte[BURST_LENGTH];
    private double yawRate;
    private double forwardAcceleration;

    /** A driver for the device behind {@code i2c}, mounted as {@code forward} and {@code up} say. */
    public Mpu6050(I2C i2c, Wiring.Axis forward, Wiring.Axis up) {
        this.i2c = Objects.requireNonNull(i2c, "i2c is null");
        this.forward = Objects.requireNonNull(forward, "forward is null");
        this.up = Objects.requireNonNull(up, "up is null");
    }

    /**
     * Checks WHO_AM_I, wakes the device and sets its ranges and filter.
     *
     * @throws IllegalStateException when the device does not identify as an MPU-6050 family member
     */
    public void configure() {
        int who = i2c.readRegister(WHO_AM_I) & 0xFF;
        if (who != 0x68 && who != 0x70 && who != 0x71) {
            throw new IllegalStateException(String.format("device at I2C %d/0x%02x answers WHO_AM_I 0x%02x, not an "
                    + "MPU-6050 (0x68), MPU-6500 (0x70) or MPU-9250 (0x71)", i2c.bus(), i2c.device(), who));
        }
        i2c.writeRegister(PWR_MGMT_1, (byte) 0x01);
        i2c.writeRegister(SMPLRT_DIV, (byte) 0x00);
        i2c.writeRegister(CONFIG, (byte) 0x03);
        i2c.writeRegister(GYRO_CONFIG, (byte) 0x18);
        i2c.writeRegister(ACCEL_CONFIG, (byte) 0x00);
    }

    /**
     * Reads one sample; on success {@link #yawRate()} and {@link #forwardAcceleration()} hold it.
     *
     * @return false when the device returned fewer bytes than asked (the values keep the last good sample)
     * @throws RuntimeException what Pi4J throws when the bus fails
     */
    public boolean read() {
        int n = i2c.readRegister(ACCEL_XOUT_H, burst, 0, BURST_LENGTH);
        if (n != BURST_LENGTH) {
            return false;
        }
        forwardAcceleration = forward.sign() * word(forward.index()) * ACCEL_SCALE;
        yawRate = up.sign() * word(4 + up.index()) * GYRO_SCALE;
        return true;
    }

    /** Rate about the robot's up axis from the last good sample, rad/s, counter-clockwise positive. */
    public double yawRate() {
        return yawRate;
    }

    /** Specific force along the robot's forward axis from the last good sample, m/s². */
    public double forwardAcceleration() {
        return forwardAcceleration;
    }

    /** The bus and address, for messages: {@code I2C bus 1, address 0x68}. */
    public String describe() {
        return String.format("I2C bus %d, address 0x%02x", i2c.bus(), i2c.device());
    }

    /** The {@code index}-th big-endian signed 16-bit word of the burst (0-2 accelerometer, 3 temperature, 4-6 gyro). */
    private int word(int index) {
        return (short) ((burst[2 * index] << 8) | (burst[2 * index + 1] & 0xFF));
    }
}
