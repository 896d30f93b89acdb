package dev.metapilot.locomotion.tracking;

/**
 * Converts a quadrature wheel encoder's counts into a wheel ground speed: the change of count over a control period
 * times the wheel's circumference divided by the counts per revolution, so the speed is quantised to one count per
 * period.
 *
 * <p>
 * Used by the simulated sensors and by the robot plugin with its own calibration; immutable, any thread.
 */
public final class WheelEncoder {

    private final int countsPerRevolution;
    private final double wheelRadius;
    private final double metresPerCount;

    /**
     * @param countsPerRevolution encoder counts per wheel revolution (after gearing and quadrature decoding), at least
     *     1
     * @param wheelRadius wheel radius in metres, positive
     */
    public WheelEncoder(int countsPerRevolution, double wheelRadius) {
        if (countsPerRevolution < 1) {
            throw new IllegalArgumentException("countsPerRevolution must be >= 1, got " + countsPerRevolution);
        }
        if (!(wheelRadius > 0) || !Double.isFinite(wheelRadius)) {
            throw new IllegalArgumentException("wheelRadius must be positive, got " + wheelRadius);
        }
        this.countsPerRevolution = countsPerRevolution;
        this.wheelRadius = wheelRadius;
        this.metresPerCount = 2 * Math.PI * wheelRadius / countsPerRevolution;
    }

    public int countsPerRevolution() {
        return countsPerRevolution;
    }

    public double wheelRadius() {
        return wheelRadius;
    }

    /** Ground travel of one encoder count, metres. */
    public double metresPerCount() {
        return metresPerCount;
    }

    /**
     * The wheel ground speed over a period.
     *
     * @param countDelta counts at the end of the period minus counts at its start (forward positive)
     * @param periodSeconds the period's length, positive
     * @return m/s
     */
    public double speed(long countDelta, double periodSeconds) {
        return countDelta * metresPerCount / periodSeconds;
    }

    /** The encoder count of a wheel that has rolled {@code travel} metres from count 0 (floor, as a counter does). */
    public long count(double travel) {
        return (long) Math.floor(travel / metresPerCount);
    }
}
