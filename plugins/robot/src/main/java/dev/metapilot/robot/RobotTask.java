package dev.metapilot.robot;

import dev.metapilot.env.Split;
import dev.metapilot.locomotion.tracking.DriveTarget;
import dev.metapilot.locomotion.tracking.TrackingTask;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One trial on the real robot: the target the operator configured. The dynamics (payload, floor, motors) are whatever
 * the robot has today and unknown, which is the point: the policy finds them out from its own experience.
 *
 * <p>
 * Created by {@link RobotTasks} on the caller's thread; immutable. The {@code pid} baseline reads its target, as it
 * does in simulation.
 *
 * @param id stable id for logs, for example {@code robot-test-0}
 * @param link where the robot was reached, for logs
 * @param target the configured target
 */
public record RobotTask(String id, String link, DriveTarget target) implements TrackingTask {

    /** The spec id of the robot environment. */
    public static final String ENVIRONMENT_ID = "robot";

    public RobotTask {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(link, "link is null");
        Objects.requireNonNull(target, "target is null");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
    }

    /** The task of trial {@code seed} of {@code split}: the same target, an id that names the trial. */
    static RobotTask of(Split split, long seed, String link, DriveTarget target) {
        return new RobotTask(ENVIRONMENT_ID + "-" + split.name().toLowerCase(Locale.ROOT) + "-" + seed, link, target);
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", "configured");
        p.put("link", link);
        p.put("target_velocity_mps", target.velocity());
        p.put("target_heading_deg", target.headingDegrees());
        p.put("dynamics", "unknown (real robot)");
        return java.util.Collections.unmodifiableMap(p);
    }
}
