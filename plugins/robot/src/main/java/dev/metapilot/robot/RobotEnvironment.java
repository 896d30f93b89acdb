package dev.metapilot.robot;

import dev.metapilot.env.Action;
import dev.metapilot.env.ActuatedEnvironment;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.HardwareHealth;
import dev.metapilot.env.HardwareHealth.Fault;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.SensorReadings;
import dev.metapilot.locomotion.tracking.TrackingEpisode;
import dev.metapilot.robot.io.DriveIO;
import dev.metapilot.robot.io.DriveInputs;
import dev.metapilot.robot.io.HardwareFaultException;
import dev.metapilot.robot.io.OperatorGate;
import dev.metapilot.robot.io.Ticker;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real robot as an environment, with the simulation's observation, action and reward: each step reads the drive's
 * inputs, writes the motor command and returns at once with an observation built by the same {@link TrackingEpisode} as
 * the locomotion plugin's, from the measured wheel speeds, gyro and accelerometer over the measured period (the
 * real-time loop keeps time; {@code step} never waits). Because the inputs a step reads were measured under the
 * previous command, the robot has one control period of actuation latency, which the simulation's tasks include.
 *
 * <p>
 * The hardware opens on the first {@link #reset}. Each reset stops the motors, waits for healthy hardware and a robot
 * at rest, optionally for the operator, and then for rest again (the operator may have carried the robot back). A fault
 * there is a {@link HardwareFaultException}. Episodes end by truncation after {@code episode-seconds · rate} steps,
 * with the motors set to zero at once.
 *
 * <p>
 * Threads: {@code setTask}, {@code reset} and {@code step} on the control thread; {@link #safeStop()},
 * {@link #health()} and {@link #close()} from any thread. After {@code safeStop()} the motors stay at zero until the
 * next reset, even when a step was running at the time.
 */
public final class RobotEnvironment implements ActuatedEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(RobotEnvironment.class);

    private final EnvSpec spec;
    private final RobotConfig config;
    private final DriveIO.Opener opener;
    private final OperatorGate console;
    private final Ticker ticker;
    private final EpisodeBoundary boundary;
    private final DriveInputs inputs = new DriveInputs();
    private final SensorReadings readings = new SensorReadings();
    private final TrackingEpisode tracking;
    private final long maxStepNanos;
    private final Object openLock = new Object();
    private volatile DriveIO io;
    private volatile boolean held;
    private volatile boolean closed;
    private volatile HardwareHealth latched;
    private OperatorGate gate = OperatorGate.NONE;
    private RobotTask task;
    private boolean trialStart;
    private int episode;
    private int steps;
    private boolean running;
    private long lastStepNanos;

    /**
     * @param opener opens the hardware on the first reset
     * @param console the gate for {@code operator-button=enter}
     */
    public RobotEnvironment(EnvSpec spec, RobotConfig config, DriveIO.Opener opener, OperatorGate console,
            Ticker ticker) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.opener = Objects.requireNonNull(opener, "opener is null");
        this.console = Objects.requireNonNull(console, "console is null");
        this.ticker = Objects.requireNonNull(ticker, "ticker is null");
        if (spec.maxEpisodeSteps() != config.steps()) {
            throw new IllegalArgumentException("spec has " + spec.maxEpisodeSteps() + " steps per episode, config "
                    + config.steps());
        }
        this.boundary = new EpisodeBoundary(config, ticker);
        this.tracking = new TrackingEpisode(config.controlPeriod());
        this.maxStepNanos = Math.round(4 * config.controlPeriod() * 1e9);
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /**
     * Starts a trial: the task's target for every episode; latched faults whose cause is gone are cleared at the next
     * reset.
     *
     * @throws IllegalArgumentException for a task of another plugin
     */
    @Override
    public void setTask(Task task) {
        Objects.requireNonNull(task, "task is null");
        if (!(task instanceof RobotTask t)) {
            throw new IllegalArgumentException("the robot environment takes a robot task, got " + task.id());
        }
        this.task = t;
        this.trialStart = true;
        this.episode = 0;
        this.running = false;
    }

    /**
     * Opens the hardware (first call), stops the motors, waits for healthy hardware and a robot at rest (and for the
     * operator, when configured) and writes the first observation. {@code seed} is unused: the floor has no seed.
     *
     * @throws IllegalStateException when no task is set or the environment is closed
     * @throws HardwareFaultException when the hardware cannot open, is not healthy in time, or the robot is not at rest
     *     in time (the motors are at zero)
     * @throws IllegalArgumentException when the pins file is invalid
     * @throws UncheckedIOException when the pins file cannot be read
     */
    @Override
    public void reset(long seed, float[] observation) {
        if (task == null) {
            throw new IllegalStateException("reset before setTask");
        }
        running = false;
        DriveIO d = open();
        held = false;
        d.stop();
        if (trialStart) {
            d.clearLatchedFaults();
            latched = null;
            trialStart = false;
        }
        try {
            boundary.awaitHealthy(d);
            boundary.awaitRest(d, inputs);
            if (gate != OperatorGate.NONE) {
                awaitOperator();
                boundary.awaitRest(d, inputs);
            }
        } catch (HardwareFaultException e) {
            d.stop();
            latched = e.health();
            throw e;
        } catch (RuntimeException e) {
            d.stop();
            throw e;
        }
        latched = null;
        readings.set(inputs.leftSpeed, inputs.rightSpeed, inputs.yawRate, inputs.forwardAcceleration);
        tracking.begin(task.target(), readings, observation);
        episode++;
        steps = 0;
        lastStepNanos = ticker.nanoTime();
        running = true;
        if (LOG.isDebugEnabled()) {
            LOG.debug("robot: episode {} of {} starts at rest", episode, task.id());
        }
    }

    @Override
    public void step(Action action, float[] observation, StepResult result) {
        if (!running) {
            String when = task == null ? "before setTask" : "before reset or after the end";
            throw new IllegalStateException("step " + when);
        }
        DriveIO d = io;
        d.updateInputs(inputs);
        float[] command = action.values();
        float left = DriveCommand.clamp(command[DriveCommand.LEFT]);
        float right = DriveCommand.clamp(command[DriveCommand.RIGHT]);
        boolean sent = !held && d.setMotors(left, right);
        if (held) {
            d.stop();
            sent = false;
        }
        if (!sent) {
            left = 0f;
            right = 0f;
        }
        long now = ticker.nanoTime();
        double dt = Math.max(0, Math.min(maxStepNanos, now - lastStepNanos)) * 1e-9;
        lastStepNanos = now;
        readings.set(inputs.leftSpeed, inputs.rightSpeed, inputs.yawRate, inputs.forwardAcceleration);
        float reward = tracking.update(readings, dt, left, right, observation);
        steps++;
        boolean truncated = steps >= spec.maxEpisodeSteps();
        if (truncated) {
            running = false;
            d.stop();
        }
        result.set(reward, false, truncated, truncated && tracking.success());
    }

    @Override
    public void safeStop() {
        held = true;
        DriveIO d = io;
        if (d != null) {
            try {
                d.stop();
            } catch (RuntimeException e) {
                LOG.error("robot: safe stop failed", e);
            }
        }
    }

    @Override
    public HardwareHealth health() {
        if (closed) {
            return new HardwareHealth(Fault.LINK_DOWN, Long.MAX_VALUE, "the robot environment is closed");
        }
        DriveIO d = io;
        if (d == null) {
            return new HardwareHealth(Fault.LINK_DOWN, Long.MAX_VALUE, "the hardware is not open yet (the first "
                    + "reset opens it)");
        }
        HardwareHealth h = d.health();
        HardwareHealth l = latched;
        if (h.healthy() && l != null) {
            return new HardwareHealth(l.fault(), h.sensorAgeNanos(), l.detail());
        }
        return h;
    }

    /** The drive's latest inputs as the last reset or step read them (control thread). */
    public DriveInputs inputs() {
        return inputs;
    }

    /** The running episode's tracking state (integrated heading, recent errors); control thread. */
    public TrackingEpisode tracking() {
        return tracking;
    }

    /** The drive, once the first reset opened it. */
    public DriveIO drive() {
        return io;
    }

    @Override
    public void close() {
        DriveIO d;
        synchronized (openLock) {
            if (closed) {
                return;
            }
            closed = true;
            held = true;
            running = false;
            d = io;
        }
        if (d != null) {
            d.close();
        }
    }

    private DriveIO open() {
        synchronized (openLock) {
            if (closed) {
                throw new IllegalStateException("the robot environment is closed");
            }
            if (io != null) {
                return io;
            }
            DriveIO d;
            try {
                d = opener.open();
            } catch (HardwareFaultException | IllegalArgumentException | UncheckedIOException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new HardwareFaultException(new HardwareHealth(Fault.LINK_DOWN, Long.MAX_VALUE,
                        "cannot open the robot over " + config.link().text() + ": " + e), e);
            }
            gate = switch (config.operator()) {
                case NONE -> OperatorGate.NONE;
                case ENTER -> console;
                case PIN -> d.operatorButton().orElse(null);
            };
            if (gate == null) {
                d.close();
                throw new IllegalArgumentException("operator-button=pin, but the pins file has no operator_button");
            }
            io = d;
            return d;
        }
    }

    private void awaitOperator() {
        try {
            gate.await("robot at rest: episode " + (episode + 1) + " of " + task.id() + " starts after the operator");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the operator");
        }
    }
}
