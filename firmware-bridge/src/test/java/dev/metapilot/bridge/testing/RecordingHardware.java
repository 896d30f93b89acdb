package dev.metapilot.bridge.testing;

import dev.metapilot.bridge.mcu.McuHardware;
import dev.metapilot.bridge.message.SensorSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An {@link McuHardware} fake that records every {@link #drive} call with its time and counts encoder ticks from a
 * settable speed; the e-stop button is a flag. Written on the MCU thread, read on the test thread.
 */
public final class RecordingHardware implements McuHardware {

    /** One {@link #drive} call. */
    public record Drive(long nanos, float left, float right) {

        /** Whether both outputs are zero. */
        public boolean stopped() {
            return left == 0f && right == 0f;
        }
    }

    private final List<Drive> drives = new ArrayList<>();
    private volatile boolean buttonPressed;
    private volatile float gyroZ;
    private int ticks;

    @Override
    public synchronized void drive(float left, float right, long nowNanos) {
        drives.add(new Drive(nowNanos, left, right));
        notifyAll();
    }

    @Override
    public synchronized void sample(SensorSample out, long nowNanos) {
        ticks++;
        out.leftTicks = ticks;
        out.rightTicks = -ticks;
        out.gyroX = 0f;
        out.gyroY = 0f;
        out.gyroZ = gyroZ;
        out.accelX = 0f;
        out.accelY = 0f;
        out.accelZ = 9.81f;
    }

    @Override
    public boolean estopPressed(long nowNanos) {
        return buttonPressed;
    }

    /** Presses or releases the e-stop button. */
    public void pressButton(boolean pressed) {
        buttonPressed = pressed;
    }

    /** The yaw rate reported from now on. */
    public void gyroZ(float radPerS) {
        gyroZ = radPerS;
    }

    /** Every drive call so far. */
    public synchronized List<Drive> drives() {
        return List.copyOf(drives);
    }

    /** The last drive call, or a stopped one at time 0 when there was none. */
    public synchronized Drive last() {
        return drives.isEmpty() ? new Drive(0, 0f, 0f) : drives.getLast();
    }

    /** Waits for a drive call at index {@code from} or later that matches; fails after {@code timeout}. */
    public synchronized Drive await(int from, Predicate<Drive> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int i = from;
        while (true) {
            for (; i < drives.size(); i++) {
                if (match.test(drives.get(i))) {
                    return drives.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching drive call within " + timeout + "; got " + drives.subList(from,
                        drives.size()) + " of " + drives);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** How many drive calls so far (a mark for {@link #await}). */
    public synchronized int count() {
        return drives.size();
    }
}
