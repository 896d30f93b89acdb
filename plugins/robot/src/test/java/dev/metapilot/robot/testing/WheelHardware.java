package dev.metapilot.robot.testing;

import dev.metapilot.bridge.mcu.McuHardware;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.locomotion.tracking.WheelEncoder;
import dev.metapilot.robot.io.RobotGeometry;

/**
 * An MCU's hardware whose wheels follow the motor outputs at once: ground speed {@code output · FREE_SPEED}, encoder
 * ticks from the travelled distance (the standard geometry), gyro z from the speed difference over the track, level
 * (accelerometer x 0, z 9.81). The e-stop button is a flag. Called on the MCU loop thread, read by the test thread.
 */
public final class WheelHardware implements McuHardware {

    /** Wheel speed at full output, m/s. */
    public static final double FREE_SPEED = 0.5;

    private final WheelEncoder encoder = RobotGeometry.STANDARD.encoder();
    private double leftTravel;
    private double rightTravel;
    private double leftSpeed;
    private double rightSpeed;
    private long lastNanos;
    private boolean started;
    private volatile float left;
    private volatile float right;
    private volatile boolean button;

    @Override
    public synchronized void drive(float l, float r, long nowNanos) {
        advance(nowNanos);
        left = l;
        right = r;
        leftSpeed = l * FREE_SPEED;
        rightSpeed = r * FREE_SPEED;
    }

    @Override
    public synchronized void sample(SensorSample out, long nowNanos) {
        advance(nowNanos);
        out.leftTicks = (int) encoder.count(leftTravel);
        out.rightTicks = (int) encoder.count(rightTravel);
        out.gyroX = 0f;
        out.gyroY = 0f;
        out.gyroZ = (float) ((rightSpeed - leftSpeed) / RobotGeometry.STANDARD.trackWidth());
        out.accelX = 0f;
        out.accelY = 0f;
        out.accelZ = 9.81f;
    }

    @Override
    public boolean estopPressed(long nowNanos) {
        return button;
    }

    /** Presses or releases the MCU's e-stop button. */
    public void pressButton(boolean pressed) {
        button = pressed;
    }

    /** The left output the MCU drives now. */
    public float left() {
        return left;
    }

    /** The right output the MCU drives now. */
    public float right() {
        return right;
    }

    private void advance(long nowNanos) {
        if (started) {
            double dt = (nowNanos - lastNanos) * 1e-9;
            leftTravel += leftSpeed * dt;
            rightTravel += rightSpeed * dt;
        }
        lastNanos = nowNanos;
        started = true;
    }
}
