package dev.metapilot.robot;

import dev.metapilot.env.Split;
import dev.metapilot.env.Task;
import dev.metapilot.env.TaskDistribution;
import dev.metapilot.locomotion.tracking.DriveTarget;
import java.util.Objects;

/**
 * The robot's "distribution" of tasks: every trial, TRAIN or TEST, is the configured target on the robot as it is. The
 * split and seed only name the trial. There is nothing to hold out on real hardware; what differs between trials (the
 * payload, the floor, the battery) is not under the agent's control.
 *
 * <p>
 * Returned by {@link RobotFactory#tasks()}; stateless, any thread.
 */
public final class RobotTasks implements TaskDistribution {

    private final String link;
    private final DriveTarget target;

    public RobotTasks(String link, DriveTarget target) {
        this.link = Objects.requireNonNull(link, "link is null");
        this.target = Objects.requireNonNull(target, "target is null");
    }

    @Override
    public Task sample(Split split, long seed) {
        return RobotTask.of(Objects.requireNonNull(split, "split is null"), seed, link, target);
    }
}
