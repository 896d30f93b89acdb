package dev.metapilot.locomotion;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the {@code locomotion} plugin.
 *
 * <p>
 * Built by {@link LocomotionPlugin#configure} on the main thread; immutable.
 *
 * @param family which part of the target is hidden
 * @param episodes episodes per trial
 * @param seconds episode length, s
 * @param rate control (policy) rate, Hz
 * @param physicsRate physics integration rate, Hz, a multiple of {@code rate}
 * @param sensorNoise gyro and accelerometer noise and a random encoder phase (false: exact readings, for tests)
 */
public record LocomotionConfig(TargetFamily family, int episodes, double seconds, int rate, int physicsRate,
        boolean sensorNoise) {

    static final int MAX_EPISODES = 20;
    static final double MIN_SECONDS = 1;
    static final double MAX_SECONDS = 60;
    static final int MAX_RATE = 1000;
    static final int MAX_PHYSICS_RATE = 100_000;

    /** The options, with defaults: velocity targets, 4 episodes of 5 s at 20 Hz, physics at 200 Hz, noisy sensors. */
    static final List<ConfigOption> OPTIONS = List.of(
            new ConfigOption("target", "velocity",
                    "hidden target: velocity (speed, straight ahead), heading (direction at 0.3 m/s) or both"),
            new ConfigOption("episodes", "4", "episodes per trial, 1.." + MAX_EPISODES + " (3-5 is the protocol)"),
            new ConfigOption("seconds", "5", "episode length in seconds, 1..60, a whole number of control steps"),
            new ConfigOption("rate", "20", "control (policy) rate in Hz, 1.." + MAX_RATE),
            new ConfigOption("physics-rate", "200", "physics rate in Hz, a multiple of rate, up to "
                    + MAX_PHYSICS_RATE),
            new ConfigOption("sensor-noise", "true",
                    "gyro/accelerometer noise and random encoder phase; false for exact readings"));

    /** The defaults. */
    public static final LocomotionConfig DEFAULT = new LocomotionConfig(TargetFamily.VELOCITY, 4, 5, 20, 200, true);

    public LocomotionConfig {
        Objects.requireNonNull(family, "family is null");
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw new IllegalArgumentException("episodes must be in 1.." + MAX_EPISODES + ", got " + episodes);
        }
        if (rate < 1 || rate > MAX_RATE) {
            throw new IllegalArgumentException("rate must be in 1.." + MAX_RATE + " Hz, got " + rate);
        }
        if (!(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) || !wholeSteps(seconds, rate)) {
            throw new IllegalArgumentException(
                    "seconds must be in [1, 60] and a whole number of steps at " + rate + " Hz, got " + seconds);
        }
        if (physicsRate < rate || physicsRate > MAX_PHYSICS_RATE || physicsRate % rate != 0) {
            throw new IllegalArgumentException("physicsRate must be a multiple of rate " + rate + " up to "
                    + MAX_PHYSICS_RATE + ", got " + physicsRate);
        }
    }

    /**
     * Reads and checks the options.
     *
     * @throws IllegalArgumentException naming the key and the value (see {@link EnvConfig#invalid})
     */
    static LocomotionConfig from(EnvConfig config) {
        String target = config.getString("target");
        TargetFamily family = TargetFamily.parse(target);
        if (family == null) {
            throw config.invalid("target", target, "one of velocity, heading, both");
        }
        int episodes = config.getInt("episodes");
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw config.invalid("episodes", config.getString("episodes"), "an integer in 1.." + MAX_EPISODES);
        }
        int rate = config.getInt("rate");
        if (rate < 1 || rate > MAX_RATE) {
            throw config.invalid("rate", config.getString("rate"), "an integer in 1.." + MAX_RATE);
        }
        double seconds = config.getDouble("seconds");
        if (!(seconds >= MIN_SECONDS && seconds <= MAX_SECONDS) || !wholeSteps(seconds, rate)) {
            throw config.invalid("seconds", config.getString("seconds"),
                    "a number in [1, 60] that is a whole number of steps at " + rate + " Hz");
        }
        int physicsRate = config.getInt("physics-rate");
        if (physicsRate < rate || physicsRate > MAX_PHYSICS_RATE || physicsRate % rate != 0) {
            throw config.invalid("physics-rate", config.getString("physics-rate"),
                    "a multiple of rate (" + rate + ") up to " + MAX_PHYSICS_RATE);
        }
        return new LocomotionConfig(family, episodes, seconds, rate, physicsRate, config.getBoolean("sensor-noise"));
    }

    /** Control steps per episode. */
    public int steps() {
        return (int) Math.round(seconds * rate);
    }

    /** Seconds between policy steps. */
    public double controlPeriod() {
        return 1.0 / rate;
    }

    /** Physics steps per control step. */
    public int substeps() {
        return physicsRate / rate;
    }

    private static boolean wholeSteps(double seconds, int rate) {
        double steps = seconds * rate;
        return Math.abs(steps - Math.rint(steps)) < 1e-9 && Math.rint(steps) >= 1;
    }
}
