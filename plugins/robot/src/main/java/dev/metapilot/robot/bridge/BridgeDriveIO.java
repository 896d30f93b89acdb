package dev.metapilot.robot.bridge;

import dev.metapilot.bridge.host.BridgeLink;
import dev.metapilot.bridge.host.LinkSettings;
import dev.metapilot.bridge.host.LinkState;
import dev.metapilot.bridge.host.LinkStats;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.bridge.transport.Connector;
import dev.metapilot.bridge.transport.LinkAddress;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.locomotion.tracking.WheelEncoder;
import dev.metapilot.robot.io.DriveIO;
import dev.metapilot.robot.io.DriveInputs;
import dev.metapilot.robot.io.WheelOdometry;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drive behind a motor MCU over a {@link BridgeLink}: motor commands go out with the link's time-to-live (the MCU
 * zeroes the motors when none arrives in time), SENSOR_STATE frames become {@link DriveInputs} (encoder ticks over the
 * MCU's own time stamps give the wheel speeds; gyro z is the yaw rate, accelerometer x the forward specific force, as
 * PROTOCOL.md's axes are the robot's), and the link's state and events become {@link HardwareHealth}: {@code LINK_DOWN}
 * while the link is not up, {@code ESTOP} while the MCU's e-stop latch is engaged (the plugin never releases it),
 * {@code CONTROLLER_FAULT} after an MCU fault report until the next trial, {@code STALE_SENSORS} when no sensor frame
 * arrived within the stale limit.
 *
 * <p>
 * Threads: {@link #updateInputs} and {@link #setMotors} on the control thread; {@link #stop()} and {@link #health()}
 * from any; the link's own threads read, reconnect and deliver events.
 */
public final class BridgeDriveIO implements DriveIO {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeDriveIO.class);
    /** Longest plausible gap between two sensor frames of one session, µs; sensors are stale long before. */
    static final long MAX_SAMPLE_GAP_US = 10_000_000L;

    private final String peer;
    private final BridgeLink link;
    private final LinkHealth events;
    private final long staleNanos;
    private final WheelOdometry odometry;
    private final SensorSample sample = new SensorSample();
    private volatile long lastSampleNanos;
    private volatile boolean closed;
    private boolean seen;
    private int session;
    private long lastReceivedNanos;
    private long lastMcuUs;
    private int lastLeftTicks;
    private int lastRightTicks;
    private long leftCounts;
    private long rightCounts;
    private long mcuNanos;

    private BridgeDriveIO(Connector connector, LinkSettings settings, WheelEncoder encoder, long staleNanos) {
        this.peer = connector instanceof LinkAddress a ? a.uri() : connector.toString();
        this.events = new LinkHealth();
        this.staleNanos = staleNanos;
        this.odometry = new WheelOdometry(encoder);
        this.link = BridgeLink.builder(connector).settings(settings).listener(events).sensorListener(
                s -> lastSampleNanos = s.receivedNanos).build();
    }

    /**
     * Starts a link to the MCU at {@code connector}; it connects and reconnects in the background (the environment
     * waits for it to become healthy).
     *
     * @param staleNanos sensor frames older than this are a fault
     */
    public static BridgeDriveIO open(Connector connector, LinkSettings settings, WheelEncoder encoder,
            long staleNanos) {
        BridgeDriveIO io = new BridgeDriveIO(Objects.requireNonNull(connector, "connector is null"), Objects
                .requireNonNull(settings, "settings is null"), Objects.requireNonNull(encoder, "encoder is null"),
                staleNanos);
        io.link.start();
        return io;
    }

    @Override
    public void updateInputs(DriveInputs inputs) {
        boolean have = link.latestSensors(sample);
        if (have && (!seen || sample.receivedNanos != lastReceivedNanos)) {
            accept();
        }
        inputs.connected = link.state() == LinkState.UP;
        inputs.sampleNanos = have ? sample.receivedNanos : 0;
        inputs.leftCounts = leftCounts;
        inputs.rightCounts = rightCounts;
        inputs.leftPosition = odometry.position(leftCounts);
        inputs.rightPosition = odometry.position(rightCounts);
        inputs.leftSpeed = odometry.leftSpeed();
        inputs.rightSpeed = odometry.rightSpeed();
        inputs.yawRate = have ? sample.gyroZ : 0;
        inputs.forwardAcceleration = have ? sample.accelX : 0;
        inputs.appliedLeft = have ? sample.appliedLeft : 0;
        inputs.appliedRight = have ? sample.appliedRight : 0;
        inputs.estop = link.estopEngaged();
    }

    /**
     * A new sensor frame: extends the encoder counts and the MCU clock. After a new session, an MCU restart, or a jump
     * of the MCU clock by more than {@link #MAX_SAMPLE_GAP_US} (a restart whose event has not arrived yet), the frame
     * becomes the new reference instead, so no step sees a speed made of two sessions' counters.
     */
    private void accept() {
        int s = events.sessions();
        long elapsedUs = seen ? SensorSample.elapsedUs(lastMcuUs, sample.mcuTimeUs) : 0;
        if (!seen || s != session || elapsedUs > MAX_SAMPLE_GAP_US) {
            if (!seen) {
                leftCounts = sample.leftTicks;
                rightCounts = sample.rightTicks;
            }
            odometry.reset();
            session = s;
            seen = true;
        } else {
            leftCounts += sample.leftTicks - lastLeftTicks;
            rightCounts += sample.rightTicks - lastRightTicks;
            mcuNanos += elapsedUs * 1000;
        }
        lastLeftTicks = sample.leftTicks;
        lastRightTicks = sample.rightTicks;
        lastMcuUs = sample.mcuTimeUs;
        lastReceivedNanos = sample.receivedNanos;
        odometry.update(leftCounts, rightCounts, mcuNanos);
    }

    /**
     * Sends the command; while a controller fault is latched or the newest sensor frame is older than the stale limit
     * (checked here as well as by the link, so that {@link #health()} and this agree) it sends zero instead.
     */
    @Override
    public boolean setMotors(float left, float right) {
        if (closed) {
            return false;
        }
        long last = lastSampleNanos;
        if (events.controllerFault() != null || last == 0 || System.nanoTime() - last > staleNanos) {
            stop();
            return false;
        }
        return link.command(left, right);
    }

    @Override
    public void stop() {
        try {
            link.stop();
        } catch (RuntimeException e) {
            LOG.warn("bridge: sending zero to {} failed: {}", peer, e.toString());
        }
    }

    @Override
    public HardwareHealth health() {
        long last = lastSampleNanos;
        long age = last == 0 ? Long.MAX_VALUE : Math.max(0, System.nanoTime() - last);
        if (closed) {
            return new HardwareHealth(Fault.LINK_DOWN, age, "the link to " + peer + " is closed");
        }
        LinkState state = link.state();
        if (state != LinkState.UP) {
            String why = events.linkProblem();
            return new HardwareHealth(Fault.LINK_DOWN, age, "link to " + peer + " is " + state + (why.isEmpty()
                    ? ""
                    : ": " + why));
        }
        if (link.estopEngaged()) {
            return new HardwareHealth(Fault.ESTOP, age, "the MCU's e-stop latch is engaged (release it on the MCU)");
        }
        String fault = events.controllerFault();
        if (fault != null) {
            return new HardwareHealth(Fault.CONTROLLER_FAULT, age, fault);
        }
        if (link.sensorsStale() || age > staleNanos) {
            return new HardwareHealth(Fault.STALE_SENSORS, age, age == Long.MAX_VALUE
                    ? "no sensor frame from " + peer + " yet"
                    : "no sensor frame from " + peer + " for " + age / 1_000_000 + " ms");
        }
        return HardwareHealth.ok(age);
    }

    @Override
    public void clearLatchedFaults() {
        events.clearControllerFault();
    }

    /** The link's counters: frames sent, received, rejected, lost; connects; stale episodes. */
    public LinkStats stats() {
        return link.stats();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        link.close();
        LOG.info("bridge link to {} closed: {}", peer, link.stats());
    }
}
