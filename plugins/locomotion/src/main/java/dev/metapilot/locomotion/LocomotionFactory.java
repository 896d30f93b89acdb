package dev.metapilot.locomotion;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.EnvSpec;
import dev.metapilot.env.EnvironmentFactory;
import dev.metapilot.env.RandomBaseline;
import dev.metapilot.env.TaskFileReader;
import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.tracking.DriveCommand;
import dev.metapilot.locomotion.tracking.DriveObservation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The locomotion environments of one configuration: spec id {@code locomotion} with the {@link DriveObservation} and
 * {@link DriveCommand} spaces whatever the target family and rates, {@code seconds · rate} steps per episode; baselines
 * {@code random}, {@code pid} and {@code zero}; JSON task files. The safe action is the API's default, zero: motors
 * off.
 *
 * <p>
 * Returned by {@link LocomotionPlugin#configure}; thread-safe, {@link #create()} once per worker.
 */
public final class LocomotionFactory implements EnvironmentFactory {

    private final LocomotionConfig config;
    private final EnvSpec spec;
    private final LocomotionTasks tasks;
    private final List<Baseline> baselines;

    public LocomotionFactory(LocomotionConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.spec = new EnvSpec(LocomotionTask.ENVIRONMENT_ID, DriveObservation.space(), DriveCommand.space(),
                config.steps(), config.episodes());
        this.tasks = new LocomotionTasks(config.family());
        this.baselines = List.of(new RandomBaseline(DriveCommand.space()),
                new PidBaseline(PidBaseline.TUNED, config.controlPeriod(), RobotBody.STANDARD), new ZeroBaseline());
    }

    public LocomotionConfig config() {
        return config;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    @Override
    public LocomotionTasks tasks() {
        return tasks;
    }

    @Override
    public LocomotionEnvironment create() {
        return new LocomotionEnvironment(spec, config);
    }

    @Override
    public List<Baseline> baselines() {
        return baselines;
    }

    /** JSON task files (see {@link TaskFileFormat}); their targets are used as written, whatever the family. */
    @Override
    public Optional<TaskFileReader> taskFileReader() {
        return Optional.of(new TaskFileFormat());
    }
}
