package dev.metapilot.locomotion.tracking;

import dev.metapilot.env.Task;

/**
 * A task whose {@link DriveTarget} the operator knows: a simulated locomotion task, or a real-robot trial whose target
 * comes from its configuration (its dynamics being unknown). Baselines that are allowed to know the target, such as the
 * PID baseline, accept any such task.
 *
 * <p>
 * Implementations are immutable and created on the caller's thread.
 */
public interface TrackingTask extends Task {

    /** The target the robot is scored against. */
    DriveTarget target();
}
