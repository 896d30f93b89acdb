package dev.metapilot.locomotion;

import dev.metapilot.locomotion.physics.DriveDynamics;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.locomotion.tracking.TrackingTask;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One locomotion task: hidden dynamics and a hidden target, the same for every episode of a trial.
 *
 * <p>
 * Created by {@link LocomotionTasks} or the task file reader on the caller's thread; immutable and shared. Baselines
 * other than oracles may read {@link #target()} only when they are documented to know it (the PID baseline), never
 * {@link #dynamics()}.
 *
 * @param id stable id for logs, for example {@code locomotion-velocity-test-17}
 * @param source {@code train}, {@code test} or {@code file}
 * @param dynamics the hidden physical parameters
 * @param target the hidden target
 */
public record LocomotionTask(String id, String source, DriveDynamics dynamics, DriveTarget target)
        implements
            TrackingTask {

    /** The spec id of every locomotion environment. */
    public static final String ENVIRONMENT_ID = "locomotion";

    public LocomotionTask {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(dynamics, "dynamics is null");
        Objects.requireNonNull(target, "target is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
    }

    /**
     * {@code in-range} when every dynamics parameter lies within its TRAIN range, {@code out-of-range} otherwise (only
     * TEST and file tasks can be).
     */
    public String regime() {
        return LocomotionTasks.withinTrainRanges(dynamics) ? "in-range" : "out-of-range";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", source);
        p.put("regime", regime());
        p.put("target_velocity_mps", target.velocity());
        p.put("target_heading_deg", target.headingDegrees());
        p.putAll(dynamics.properties());
        return Collections.unmodifiableMap(p);
    }
}
