package dev.metapilot.robot.io;

import dev.metapilot.locomotion.physics.RobotBody;
import dev.metapilot.locomotion.tracking.WheelEncoder;

/**
 * The robot's drive geometry that turns encoder counts into metres: counts per wheel revolution (after quadrature
 * decoding and gearing), wheel radius, and the track width (the distance between the wheels' contact points).
 *
 * <p>
 * Read from the pins file (or {@link #STANDARD}) when the hardware opens; immutable.
 *
 * @param countsPerRevolution encoder counts per wheel revolution, at least 1
 * @param wheelRadius wheel radius, m
 * @param trackWidth distance between the wheels, m
 */
public record RobotGeometry(int countsPerRevolution, double wheelRadius, double trackWidth) {

    /** The simulated robot's (and the emulator's): 600 counts, 35 mm wheels, 160 mm track. */
    public static final RobotGeometry STANDARD = new RobotGeometry(RobotBody.STANDARD.encoderCounts(),
            RobotBody.STANDARD.wheelRadius(), RobotBody.STANDARD.trackWidth());

    public RobotGeometry {
        if (countsPerRevolution < 1) {
            throw new IllegalArgumentException("countsPerRevolution must be >= 1, got " + countsPerRevolution);
        }
        if (!(wheelRadius > 0) || !Double.isFinite(wheelRadius)) {
            throw new IllegalArgumentException("wheelRadius must be positive, got " + wheelRadius);
        }
        if (!(trackWidth > 0) || !Double.isFinite(trackWidth)) {
            throw new IllegalArgumentException("trackWidth must be positive, got " + trackWidth);
        }
    }

    /** The encoder calibration. */
    public WheelEncoder encoder() {
        return new WheelEncoder(countsPerRevolution, wheelRadius);
    }
}
