package dev.metapilot.bridge.mcu;

import dev.metapilot.bridge.frame.Frame;
import dev.metapilot.bridge.frame.FrameFault;
import dev.metapilot.bridge.frame.FrameFormat;
import dev.metapilot.bridge.frame.MessageType;
import dev.metapilot.bridge.message.Ack;
import dev.metapilot.bridge.message.EStop;
import dev.metapilot.bridge.message.Fault;
import dev.metapilot.bridge.message.FaultCode;
import dev.metapilot.bridge.message.Heartbeat;
import dev.metapilot.bridge.message.Hello;
import dev.metapilot.bridge.message.Message;
import dev.metapilot.bridge.message.MessageReader;
import dev.metapilot.bridge.message.MessageWriter;
import dev.metapilot.bridge.message.MotorSetpoint;
import dev.metapilot.bridge.message.Role;
import dev.metapilot.bridge.message.SensorSample;
import dev.metapilot.bridge.message.SensorState;
import java.util.Objects;

/**
 * The MCU side of the protocol as {@code PROTOCOL.md} asks a firmware to behave, driven by a clock the caller passes
 * in: answers HELLO and HEARTBEAT, applies motor commands only within their time-to-live (then zero and a TTL_EXPIRED
 * fault), latches the e-stop (host request or button) with motors at zero until the host releases it, streams
 * SENSOR_STATE at the negotiated rate and reports rejected frames.
 *
 * <p>
 * Not thread-safe: {@link #receive}, {@link #tick} and the other commands run on one thread (the {@link McuServer}
 * loop, or a test); the getters may be read from any thread.
 */
public final class McuEndpoint {

    private static final long NO_SESSION_FAULT_GAP = 100_000_000L;
    private static final long MAX_TICK_GAP = 5_000_000L;

    private final McuSettings settings;
    private final McuHardware hardware;
    private final FrameOutput output;
    private final MessageWriter writer;
    private final MessageReader reader;
    private final byte[] out = new byte[FrameFormat.MAX_WIRE];
    private final SensorSample sample = new SensorSample();
    private long boot;
    private long now;
    private long sensorPeriod;
    private long nextSensor;
    private long deadline;
    private long lastCommand;
    private boolean commandActive;
    private long nextNoSessionFault;
    private long reportedRejects;
    private long nextRejectReport;
    private volatile boolean session;
    private volatile float left;
    private volatile float right;
    private volatile boolean latched;
    private volatile boolean watchdog;
    private volatile long commandsApplied;
    private volatile long ttlExpiries;
    private volatile long sensorFrames;
    private volatile long heartbeats;
    private volatile long rejected;

    /** An MCU that booted at {@code nowNanos}, motors at zero, no session. */
    public McuEndpoint(McuSettings settings, McuHardware hardware, FrameOutput output, long nowNanos) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.hardware = Objects.requireNonNull(hardware, "hardware is null");
        this.output = Objects.requireNonNull(output, "output is null");
        this.writer = new MessageWriter(settings.protocolVersion());
        this.reader = new MessageReader(Role.MCU, settings.protocolVersion(), new Handler());
        this.boot = nowNanos;
        this.now = nowNanos;
        this.sensorPeriod = 1_000_000_000L / settings.sensorRateHz();
        this.nextNoSessionFault = nowNanos;
        this.nextRejectReport = nowNanos;
    }

    /** Feeds bytes received from the host at {@code nowNanos}. */
    public void receive(byte[] bytes, int offset, int length, long nowNanos) {
        now = nowNanos;
        reader.accept(bytes, offset, length);
        rejected = reader.rejectedTotal();
    }

    /** Runs the time-driven work due at {@code nowNanos}: e-stop button, TTL watchdog, sensor frame, fault report. */
    public void tick(long nowNanos) {
        now = nowNanos;
        if (!latched && hardware.estopPressed(nowNanos)) {
            latch(EStop.Source.BUTTON);
        }
        if (commandActive && nowNanos - deadline >= 0) {
            expire();
        }
        if (session && nowNanos - nextSensor >= 0) {
            sendSensors();
            nextSensor += sensorPeriod;
            if (nowNanos - nextSensor >= 0) {
                nextSensor = nowNanos + sensorPeriod;
            }
        }
        long rejects = reader.rejectedTotal();
        if (rejects > reportedRejects && nowNanos - nextRejectReport >= 0) {
            send(new Fault(FaultCode.BAD_FRAMES, Math.min(rejects - reportedRejects, 0xFFFF_FFFFL)));
            reportedRejects = rejects;
            nextRejectReport = nowNanos + settings.badFrameReportMs() * 1_000_000L;
        }
    }

    /** How long until {@link #tick} has work (the TTL deadline, the next sensor frame), at most 5 ms. */
    public long nanosUntilDue(long nowNanos) {
        long due = nowNanos + MAX_TICK_GAP;
        if (commandActive && deadline - due < 0) {
            due = deadline;
        }
        if (session && nextSensor - due < 0) {
            due = nextSensor;
        }
        return Math.max(0, due - nowNanos);
    }

    /** Sends an unsolicited HELLO, as the firmware does when it boots. */
    public void announce(long nowNanos) {
        now = nowNanos;
        sendHello(false, settings.sensorRateHz());
    }

    /** Behaves as if the MCU had been reset at {@code nowNanos}: motors zero, no session, latch clear, announces. */
    public void restart(long nowNanos) {
        now = nowNanos;
        boot = nowNanos;
        setOutputs(0f, 0f);
        commandActive = false;
        watchdog = false;
        latched = false;
        session = false;
        reader.reset();
        announce(nowNanos);
    }

    /** The connection to the host is gone: no session until the next HELLO; outputs run on until their TTL. */
    public void connectionLost() {
        session = false;
        reader.reset();
    }

    /** Whether a host has completed the handshake on the current connection. */
    public boolean sessionOpen() {
        return session;
    }

    /** The left motor output now. */
    public float leftOutput() {
        return left;
    }

    /** The right motor output now. */
    public float rightOutput() {
        return right;
    }

    /** Whether the e-stop latch is engaged. */
    public boolean estopLatched() {
        return latched;
    }

    /** Whether the TTL watchdog holds the motors at zero. */
    public boolean watchdogTripped() {
        return watchdog;
    }

    /** Motor commands applied so far. */
    public long commandsApplied() {
        return commandsApplied;
    }

    /** Times the TTL watchdog stopped the motors. */
    public long ttlExpiries() {
        return ttlExpiries;
    }

    /** SENSOR_STATE frames sent. */
    public long sensorFrames() {
        return sensorFrames;
    }

    /** Host heartbeats answered. */
    public long heartbeats() {
        return heartbeats;
    }

    /** Frames from the host rejected (bad CRC and the rest). */
    public long rejectedFrames() {
        return rejected;
    }

    /** The uptime in microseconds, unsigned 32-bit, as stamped into sensor frames. */
    public long uptimeUs(long nowNanos) {
        return ((nowNanos - boot) / 1000) & 0xFFFF_FFFFL;
    }

    private void expire() {
        boolean moving = left != 0f || right != 0f;
        setOutputs(0f, 0f);
        commandActive = false;
        watchdog = true;
        ttlExpiries++;
        if (moving) {
            send(new Fault(FaultCode.TTL_EXPIRED, (now - lastCommand) / 1_000_000));
        }
    }

    private void latch(EStop.Source source) {
        latched = true;
        setOutputs(0f, 0f);
        commandActive = false;
        send(new EStop(true, source));
    }

    private void setOutputs(float l, float r) {
        if (l != left || r != right) {
            left = l;
            right = r;
            hardware.drive(l, r, now);
        }
    }

    private void sendSensors() {
        hardware.sample(sample, now);
        sample.mcuTimeUs = uptimeUs(now);
        sample.appliedLeft = left;
        sample.appliedRight = right;
        sample.status = (latched ? SensorState.STATUS_ESTOP : 0) | (watchdog ? SensorState.STATUS_WATCHDOG : 0);
        output.send(out, 0, writer.encodeSensorState(sample, out, 0));
        sensorFrames++;
    }

    private void sendHello(boolean reply, int rateHz) {
        send(new Hello(settings.protocolVersion(), Role.MCU, reply, settings.capabilities(), settings
                .softwareVersion(), rateHz, settings.maxTtlMs()));
    }

    private void send(Message message) {
        output.send(out, 0, writer.encode(message, out, 0));
    }

    private final class Handler implements MessageReader.Handler {

        @Override
        public void onMessage(Frame frame, Message message) {
            switch (message) {
                case Hello h -> onHello(h);
                case Heartbeat h -> {
                    heartbeats++;
                    send(new Heartbeat((now - boot) / 1_000_000 & 0xFFFF_FFFFL));
                }
                case EStop e -> onEStop(frame.seq(), e);
                default -> {
                    // ACKs of our notifications: nothing to retransmit in this implementation
                }
            }
        }

        private void onHello(Hello h) {
            if (h.role() != Role.HOST) {
                return;
            }
            if (h.protocolVersion() != settings.protocolVersion()) {
                session = false;
                sendHello(true, settings.sensorRateHz());
                return;
            }
            int rate = h.sensorRateHz() == 0
                    ? settings.sensorRateHz()
                    : Math.min(h.sensorRateHz(), settings
                            .maxSensorRateHz());
            sensorPeriod = 1_000_000_000L / rate;
            session = true;
            sendHello(true, rate);
            nextSensor = now;
        }

        private void onEStop(int seq, EStop e) {
            if (e.engage()) {
                if (!latched) {
                    latch(e.source() == EStop.Source.UNSPECIFIED ? EStop.Source.HOST : e.source());
                }
                send(new Ack(seq, MessageType.ESTOP, Ack.Result.OK));
            } else if (hardware.estopPressed(now)) {
                send(new Ack(seq, MessageType.ESTOP, Ack.Result.REFUSED));
            } else {
                send(new Ack(seq, MessageType.ESTOP, Ack.Result.OK));
                if (latched) {
                    latched = false;
                    send(new EStop(false, EStop.Source.HOST));
                }
            }
        }

        @Override
        public void onMotorCommand(Frame frame, MotorSetpoint command) {
            if (!session) {
                if (now - nextNoSessionFault >= 0) {
                    send(new Fault(FaultCode.NO_SESSION, frame.seq()));
                    nextNoSessionFault = now + NO_SESSION_FAULT_GAP;
                }
                return;
            }
            if (latched) {
                return;
            }
            setOutputs(command.left, command.right);
            lastCommand = now;
            deadline = now + Math.min(command.ttlMs, settings.maxTtlMs()) * 1_000_000L;
            commandActive = true;
            watchdog = false;
            commandsApplied++;
        }

        @Override
        public void onReject(FrameFault fault) {
            // counted by the reader, reported by tick()
        }
    }
}
