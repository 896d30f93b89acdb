package dev.metapilot.robot.testing;

import com.pi4j.io.exception.IOReadException;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import dev.metapilot.robot.pi4j.Mpu6050;

/**
 * An MPU-6050 on Pi4J's mock I2C bus: answers WHO_AM_I with 0x68 and every burst read from ACCEL_XOUT_H with the sample
 * the test holds (big-endian, ±2 g and ±2000 °/s scales); reads can be made to fail as the Linux I2C driver fails them
 * (an I/O exception). Configuration writes land in {@link MockI2C}'s register buffers. Thread-safe.
 */
public final class MockMpu6050 extends MockI2C {

    private final byte[] burst = new byte[Mpu6050.BURST_LENGTH];
    private volatile boolean failing;

    public MockMpu6050(I2CProvider provider, I2CConfig config) {
        super(provider, config);
        holdRaw(0, 0, 16384, 0, 0, 0);
    }

    /** Holds a level robot's reading with {@code forwardAcceleration} (m/s², x) and {@code yawRate} (rad/s, z). */
    public void hold(double forwardAcceleration, double yawRate) {
        holdRaw((int) Math.round(forwardAcceleration / Mpu6050.G * Mpu6050.ACCEL_LSB_PER_G), 0, 16384, 0, 0,
                (int) Math.round(Math.toDegrees(yawRate) * Mpu6050.GYRO_LSB_PER_DEGREE_PER_SECOND));
    }

    /** Holds raw register values: accelerometer x, y, z and gyro x, y, z. */
    public synchronized void holdRaw(int ax, int ay, int az, int gx, int gy, int gz) {
        int[] words = {ax, ay, az, 0, gx, gy, gz};
        for (int i = 0; i < words.length; i++) {
            burst[2 * i] = (byte) (words[i] >> 8);
            burst[2 * i + 1] = (byte) words[i];
        }
    }

    /** Makes every read fail ({@code true}) or succeed again. */
    public void failReads(boolean fail) {
        failing = fail;
    }

    /** The value last written to {@code register} (configuration), or -1. */
    public synchronized int written(int register) {
        if (registers[register] == null || registers[register].isEmpty()) {
            return -1;
        }
        return registers[register].peekLast() & 0xFF;
    }

    @Override
    public int readRegister(int register) {
        if (failing) {
            throw new IOReadException("Remote I/O error (mock)");
        }
        return register == Mpu6050.WHO_AM_I ? 0x68 : super.readRegister(register);
    }

    @Override
    public synchronized int readRegister(int register, byte[] buffer, int offset, int length) {
        if (failing) {
            throw new IOReadException("Remote I/O error (mock)");
        }
        if (register != Mpu6050.ACCEL_XOUT_H) {
            return super.readRegister(register, buffer, offset, length);
        }
        int n = Math.min(length, burst.length);
        System.arraycopy(burst, 0, buffer, offset, n);
        return n;
    }
}
