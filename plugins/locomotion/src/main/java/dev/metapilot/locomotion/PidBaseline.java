package dev.metapilot.locomotion;

import dev.metapilot.env.Baseline;
import dev.metapilot.env.Task;
import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.locomotion.tracking.TrackingTask;
import java.util.Objects;

/**
 * The {@code pid} baseline: a {@link TwistController} with fixed gains, tuned once by a grid search on TRAIN tasks (see
 * the README), that knows the task's target but not its dynamics. It keeps nothing from one episode to the next, so its
 * returns are flat over a trial: what a meta-policy's adaptation is measured against.
 *
 * <p>
 * Created by the factory; {@link #start} on the trial thread once per trial.
 */
public final class PidBaseline implements Baseline {

    /**
     * The gains chosen on TRAIN tasks (grid and pattern search on 500 tasks of the {@code both} family, rounded to two
     * digits; the test {@code PidTuningReport} reproduces the search): heading 3.6 /s, turn rate at most 5 rad/s, speed
     * P 1.0 and I 1.5, yaw-rate P 0.059 and I 0.18.
     */
    public static final TwistController.Gains TUNED = new TwistController.Gains(3.6, 5.0, 1.0, 1.5, 0.059, 0.18);

    private final TwistController.Gains gains;
    private final double controlPeriod;
    private final RobotBody nominal;

    /**
     * @param controlPeriod seconds per step
     * @param nominal the robot the feed-forward assumes
     */
    public PidBaseline(TwistController.Gains gains, double controlPeriod, RobotBody nominal) {
        this.gains = Objects.requireNonNull(gains, "gains is null");
        if (!(controlPeriod > 0)) {
            throw new IllegalArgumentException("controlPeriod must be positive, got " + controlPeriod);
        }
        this.controlPeriod = controlPeriod;
        this.nominal = Objects.requireNonNull(nominal, "nominal is null");
    }

    @Override
    public String name() {
        return "pid";
    }

    @Override
    public String description() {
        return "PI on speed (encoders) and yaw rate (gyro), P on heading; knows the target, not the dynamics";
    }

    /**
     * Reads the task's target (never its dynamics).
     *
     * @throws IllegalArgumentException for a task without a target (not a {@link TrackingTask})
     */
    @Override
    public Actor start(Task task, long seed) {
        if (!(task instanceof TrackingTask trackingTask)) {
            throw new IllegalArgumentException("pid needs a task with a drive target, got " + task.id());
        }
        DriveTarget target = trackingTask.target();
        TwistController controller = new TwistController(gains, controlPeriod, nominal);
        return (input, out) -> {
            if (input.step() == 0) {
                controller.reset();
            }
            controller.act(input.observation(), target, out.values());
        };
    }
}
