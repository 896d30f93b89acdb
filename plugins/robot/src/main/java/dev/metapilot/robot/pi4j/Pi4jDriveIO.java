package dev.metapilot.robot.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.robot.io.DriveIO;
import dev.metapilot.robot.io.DriveInputs;
import dev.metapilot.robot.io.HardwareFaultException;
import dev.metapilot.robot.io.OperatorGate;
import dev.metapilot.robot.io.Ticker;
import dev.metapilot.robot.io.WheelOdometry;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drive on this computer's pins through Pi4J: two {@link HBridgeMotor}s, two {@link QuadratureEncoder}s, an
 * {@link Mpu6050}, an {@link EStopInput} and optionally the operator's {@link ButtonGate}, wired as a {@link Wiring}
 * says. Pi4J ids are {@code robot-left-pwm}, {@code robot-left-dir}, {@code robot-left-dir-b},
 * {@code robot-left-enc-a}, {@code robot-left-enc-b} (and {@code right}), {@code robot-imu}, {@code robot-estop},
 * {@code robot-operator-button}.
 *
 * <p>
 * Health: {@code ESTOP} while the e-stop latch is engaged, {@code CONTROLLER_FAULT} after a failed PWM or direction
 * write, {@code STALE_SENSORS} when the IMU has not given a good reading for longer than the stale limit (an I2C error
 * or a short read). Motors are held at zero in each of these. The e-stop listener zeroes the motors on its own thread.
 *
 * <p>
 * Threads: {@link #updateInputs} and {@link #setMotors} on the control thread; {@link #stop()}, {@link #health()} from
 * any; output writes are serialised by one lock.
 */
public final class Pi4jDriveIO implements DriveIO {

    private static final Logger LOG = LoggerFactory.getLogger(Pi4jDriveIO.class);

    private final Context pi4j;
    private final boolean ownsContext;
    private final Ticker ticker;
    private final long staleNanos;
    private final Pi4jDevices devices;
    private final Object outputLock = new Object();
    private HBridgeMotor left;
    private HBridgeMotor right;
    private QuadratureEncoder leftEncoder;
    private QuadratureEncoder rightEncoder;
    private Mpu6050 imu;
    private EStopInput estop;
    private ButtonGate button;
    private final WheelOdometry odometry;
    private volatile long lastImuNanos;
    private volatile String imuError = "";
    private volatile String outputFault;
    private volatile boolean closed;

    private Pi4jDriveIO(Context pi4j, boolean ownsContext, Wiring wiring, Ticker ticker, long staleNanos) {
        this.pi4j = pi4j;
        this.ownsContext = ownsContext;
        this.ticker = ticker;
        this.staleNanos = staleNanos;
        this.odometry = new WheelOdometry(wiring.geometry().encoder());
        this.devices = new Pi4jDevices(pi4j);
    }

    /**
     * Opens the drive on this computer: Pi4J's auto-detected providers (gpiod for GPIO, linuxfs for PWM and I2C).
     *
     * @throws HardwareFaultException naming the device and pins-file field that could not be opened
     */
    public static Pi4jDriveIO openOnThisComputer(Wiring wiring, long staleNanos) {
        Context context;
        try {
            context = Pi4J.newAutoContext();
        } catch (RuntimeException e) {
            throw Pi4jDevices.fault("cannot start Pi4J on this computer: " + e.getMessage(), e);
        }
        return open(context, true, wiring, Ticker.SYSTEM, staleNanos);
    }

    /**
     * Opens the drive in {@code pi4j} (Pi4J's mock platform in tests): outputs first, at zero; then the e-stop (latched
     * at once when pressed), the encoders, the IMU (identified and configured) and the operator button.
     *
     * @param ownsContext shut {@code pi4j} down on {@link #close()}
     * @param staleNanos IMU readings older than this are a fault
     * @throws HardwareFaultException naming the device and pins-file field that could not be opened
     */
    public static Pi4jDriveIO open(Context pi4j, boolean ownsContext, Wiring wiring, Ticker ticker,
            long staleNanos) {
        Objects.requireNonNull(pi4j, "pi4j is null");
        Objects.requireNonNull(wiring, "wiring is null");
        Objects.requireNonNull(ticker, "ticker is null");
        Pi4jDriveIO io = new Pi4jDriveIO(pi4j, ownsContext, wiring, ticker, staleNanos);
        try {
            io.openAll(wiring);
            return io;
        } catch (RuntimeException e) {
            io.close();
            throw e instanceof HardwareFaultException
                    ? e
                    : Pi4jDevices.fault("cannot open the Pi4J drive: " + e.getMessage(), e);
        }
    }

    private void openAll(Wiring w) {
        left = devices.motor("left", "left_motor", w.leftMotor(), w.pwmFrequencyHz());
        right = devices.motor("right", "right_motor", w.rightMotor(), w.pwmFrequencyHz());
        Wiring.InputPin e = w.estop();
        estop = new EStopInput(devices.input("robot-estop", "estop.pin", e.pin(), e.pull(), 1000L), e.activeLow(),
                this::estopEngaged);
        estop.start();
        leftEncoder = devices.encoder("left", "left_encoder", w.leftEncoder());
        rightEncoder = devices.encoder("right", "right_encoder", w.rightEncoder());
        leftEncoder.start();
        rightEncoder.start();
        imu = new Mpu6050(devices.i2c(w.imu()), w.imu().forward(), w.imu().up());
        try {
            imu.configure();
            if (!imu.read()) {
                throw new IllegalStateException("short read from " + imu.describe());
            }
        } catch (RuntimeException ex) {
            throw Pi4jDevices.fault("the IMU (" + imu.describe() + ", field 'imu') does not answer: " + ex
                    .getMessage(), ex);
        }
        lastImuNanos = ticker.nanoTime();
        w.operatorButton().ifPresent(b -> {
            button = new ButtonGate(devices.input("robot-operator-button", "operator_button.pin", b.pin(), b.pull(),
                    10_000L), b.activeLow());
            button.start();
        });
        LOG.info("Pi4J drive open: {} ({}), e-stop on GPIO {} {}", imu.describe(), w.geometry(), e.pin(), estop
                .latched() ? "PRESSED" : "released");
    }

    @Override
    public void updateInputs(DriveInputs inputs) {
        long now = ticker.nanoTime();
        estop.poll();
        long l = leftEncoder.count();
        long r = rightEncoder.count();
        odometry.update(l, r, now);
        readImu(now);
        inputs.connected = !closed;
        inputs.sampleNanos = lastImuNanos;
        inputs.leftCounts = l;
        inputs.rightCounts = r;
        inputs.leftPosition = odometry.position(l);
        inputs.rightPosition = odometry.position(r);
        inputs.leftSpeed = odometry.leftSpeed();
        inputs.rightSpeed = odometry.rightSpeed();
        inputs.yawRate = imu.yawRate();
        inputs.forwardAcceleration = imu.forwardAcceleration();
        synchronized (outputLock) {
            inputs.appliedLeft = left.applied();
            inputs.appliedRight = right.applied();
        }
        inputs.estop = estop.latched();
    }

    @Override
    public boolean setMotors(float leftCommand, float rightCommand) {
        synchronized (outputLock) {
            if (closed) {
                return false;
            }
            if (estop.latched() || outputFault != null || imuStale(ticker.nanoTime())) {
                zeroLocked();
                return false;
            }
            try {
                left.set(leftCommand);
                right.set(rightCommand);
                return true;
            } catch (RuntimeException e) {
                outputFault = "writing the motor outputs failed: " + e;
                LOG.error("Pi4J drive: {}; motors to zero", outputFault);
                zeroLocked();
                return false;
            }
        }
    }

    @Override
    public void stop() {
        synchronized (outputLock) {
            zeroLocked();
        }
    }

    @Override
    public HardwareHealth health() {
        long age = Math.max(0, ticker.nanoTime() - lastImuNanos);
        if (closed) {
            return new HardwareHealth(Fault.LINK_DOWN, age, "the Pi4J drive is closed");
        }
        if (estop.latched()) {
            return new HardwareHealth(Fault.ESTOP, age, "e-stop on GPIO " + estop.address() + (estop.pressed()
                    ? " pressed"
                    : " was pressed (latched until the next trial)"));
        }
        String o = outputFault;
        if (o != null) {
            return new HardwareHealth(Fault.CONTROLLER_FAULT, age, o);
        }
        if (age > staleNanos) {
            return new HardwareHealth(Fault.STALE_SENSORS, age, "no good IMU reading for " + age / 1_000_000
                    + " ms (" + imu.describe() + ")" + (imuError.isEmpty() ? "" : ": " + imuError));
        }
        return HardwareHealth.ok(age);
    }

    @Override
    public void clearLatchedFaults() {
        if (!estop.clearIfReleased()) {
            LOG.warn("Pi4J drive: the e-stop on GPIO {} still reads pressed", estop.address());
        }
        outputFault = null;
    }

    @Override
    public Optional<OperatorGate> operatorButton() {
        return Optional.ofNullable(button);
    }

    /** Transitions of both encoders that skipped a state since open (edges too fast for the GPIO events). */
    public long missedEncoderEdges() {
        return (leftEncoder == null ? 0 : leftEncoder.missedEdges()) + (rightEncoder == null
                ? 0
                : rightEncoder
                        .missedEdges());
    }

    @Override
    public void close() {
        synchronized (outputLock) {
            if (closed) {
                return;
            }
            zeroLocked();
            closed = true;
        }
        devices.shutdownAll();
        if (ownsContext) {
            try {
                pi4j.shutdown();
            } catch (RuntimeException e) {
                LOG.warn("Pi4J drive: shutting Pi4J down failed: {}", e.toString());
            }
        }
        long missed = missedEncoderEdges();
        if (missed > 0) {
            LOG.warn("Pi4J drive: {} encoder transitions skipped a state (edges faster than the GPIO events)", missed);
        }
    }

    private void readImu(long now) {
        try {
            if (imu.read()) {
                lastImuNanos = now;
                imuError = "";
            } else {
                imuError = "short read";
            }
        } catch (RuntimeException e) {
            imuError = e.toString();
        }
    }

    private boolean imuStale(long now) {
        return now - lastImuNanos > staleNanos;
    }

    private void estopEngaged() {
        synchronized (outputLock) {
            zeroLocked();
        }
        LOG.warn("Pi4J drive: e-stop on GPIO {} pressed, motors to zero", estop.address());
    }

    /** Zeroes both motors; never throws. Caller holds {@link #outputLock}. */
    private void zeroLocked() {
        zero(left);
        zero(right);
    }

    private void zero(HBridgeMotor m) {
        if (m == null) {
            return;
        }
        try {
            m.stop();
        } catch (RuntimeException e) {
            outputFault = "writing zero to a motor failed: " + e;
            LOG.error("Pi4J drive: {}", outputFault);
        }
    }
}
