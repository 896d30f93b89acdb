package dev.metapilot.locomotion;

import dev.metapilot.locomotion.tracking.DriveTarget;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Which part of the target is hidden and drawn per task (the {@code target} option): the forward speed (PEARL's
 * cheetah-vel), the heading (ant-dir), or both.
 *
 * <p>
 * Read by {@link LocomotionTasks} on the caller's thread; constants only.
 */
public enum TargetFamily {
    /** Speed uniform in {@code [MIN_SPEED, MAX_SPEED]} m/s, straight ahead (heading 0). */
    VELOCITY,
    /** Heading uniform in {@code [-180, 180)} degrees, at {@link #HEADING_SPEED}. */
    HEADING,
    /** Speed and heading both drawn. */
    BOTH;

    /** Lowest drawn target speed, m/s. */
    public static final double MIN_SPEED = 0.1;
    /** Highest drawn target speed, m/s. */
    public static final double MAX_SPEED = 0.5;
    /** The speed of a {@link #HEADING} task, m/s. */
    public static final double HEADING_SPEED = 0.3;

    /** Drawn speeds are multiples of this, m/s. */
    static final double SPEED_RESOLUTION = 0.001;
    /** Drawn headings are multiples of this, degrees. */
    static final double HEADING_RESOLUTION = 0.1;

    /** The option value: {@code velocity}, {@code heading} or {@code both}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family of an option value, or null for an unknown one. */
    static TargetFamily parse(String value) {
        for (TargetFamily f : values()) {
            if (f.optionValue().equals(value)) {
                return f;
            }
        }
        return null;
    }

    /** Draws a target of this family. */
    DriveTarget draw(SplittableRandom rng) {
        double speed = this == HEADING
                ? HEADING_SPEED
                : quantise(rng.nextDouble(MIN_SPEED, MAX_SPEED),
                        SPEED_RESOLUTION);
        double heading = this == VELOCITY ? 0 : quantise(rng.nextDouble(-180, 180), HEADING_RESOLUTION);
        return new DriveTarget(speed, heading);
    }

    private static double quantise(double value, double resolution) {
        long steps = Math.round(1 / resolution);
        return Math.round(value * steps) / (double) steps;
    }
}
