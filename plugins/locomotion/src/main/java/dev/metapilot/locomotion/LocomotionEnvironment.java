package dev.metapilot.locomotion;

import dev.metapilot.env.Action;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.Environment;
import dev.metapilot.env.StepResult;
import dev.metapilot.env.Task;
import dev.metapilot.locomotion.physics.DifferentialDrive;
import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.physics.RobotSensors;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.SensorReadings;
import dev.metapilot.locomotion.tracking.TrackingEpisode;
import java.util.Objects;

/**
 * The simulated robot as an {@link Environment}: each step sends the two motor commands, integrates one control period
 * of physics, reads the sensors and lets a {@link TrackingEpisode} turn them into the observation and reward. Episodes
 * end only by truncation, after {@code seconds · rate} steps; the last step reports success when the last second's
 * tracking errors are within {@link TrackingEpisode}'s thresholds.
 *
 * <p>
 * Created by the factory once per worker and owned by that worker's trial thread; {@code reset} and {@code step}
 * allocate nothing.
 */
public final class LocomotionEnvironment implements Environment {

    private final EnvSpec spec;
    private final LocomotionConfig config;
    private final DifferentialDrive drive;
    private final RobotSensors sensors;
    private final SensorReadings readings = new SensorReadings();
    private final TrackingEpisode tracking;
    private LocomotionTask task;
    private int steps;
    private boolean running;

    public LocomotionEnvironment(EnvSpec spec, LocomotionConfig config) {
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.config = Objects.requireNonNull(config, "config is null");
        if (spec.maxEpisodeSteps() != config.steps()) {
            throw new IllegalArgumentException("spec has " + spec.maxEpisodeSteps() + " steps per episode, config "
                    + config.steps());
        }
        this.drive = new DifferentialDrive(RobotBody.STANDARD, config.controlPeriod(), config.substeps());
        this.sensors = new RobotSensors(RobotBody.STANDARD, config.sensorNoise());
        this.tracking = new TrackingEpisode(config.controlPeriod());
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /**
     * @throws IllegalArgumentException for a task of another plugin
     */
    @Override
    public void setTask(Task task) {
        Objects.requireNonNull(task, "task is null");
        if (!(task instanceof LocomotionTask locomotionTask)) {
            throw new IllegalArgumentException("task " + task.id() + " is not a task of environment " + spec.id());
        }
        this.task = locomotionTask;
        drive.setDynamics(locomotionTask.dynamics());
        running = false;
    }

    /** The robot at rest at the start; {@code seed} seeds the sensor noise and encoder phase of this episode. */
    @Override
    public void reset(long seed, float[] observation) {
        if (task == null) {
            throw new IllegalStateException("reset before setTask");
        }
        drive.reset();
        sensors.reset(seed, drive);
        sensors.sample(drive, readings);
        tracking.begin(task.target(), readings, observation);
        steps = 0;
        running = true;
    }

    @Override
    public void step(Action action, float[] observation, StepResult result) {
        if (!running) {
            throw new IllegalStateException(
                    task == null ? "step before setTask" : "step before reset or after the end");
        }
        float[] command = action.values();
        float left = DriveCommand.clamp(command[DriveCommand.LEFT]);
        float right = DriveCommand.clamp(command[DriveCommand.RIGHT]);
        drive.advance(left, right);
        sensors.sample(drive, readings);
        float reward = tracking.update(readings, config.controlPeriod(), left, right, observation);
        steps++;
        boolean truncated = steps >= spec.maxEpisodeSteps();
        running = !truncated;
        result.set(reward, false, truncated, truncated && tracking.success());
    }

    /** The simulated robot, for tests and tools that watch an episode (true state, not sensor readings). */
    public DifferentialDrive drive() {
        return drive;
    }

    /** The running episode's tracking state (integrated heading, recent errors). */
    public TrackingEpisode tracking() {
        return tracking;
    }

    /** Steps taken in the running episode. */
    public int steps() {
        return steps;
    }
}
