package dev.metapilot.robot;

import dev.metapilot.env.ConfigOption;
import dev.metapilot.env.EnvConfig;
import dev.metapilot.locomotion.tracking.DriveTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the {@code robot} plugin: how to reach the hardware, the trial's target, the episode timing and how
 * episodes are separated on a real floor. Reading it does no I/O: the pins file is read when the hardware opens.
 *
 * <p>
 * Built by {@link RobotPlugin#configure} on the main thread; immutable.
 *
 * @param link how the hardware is reached
 * @param pins the wiring and geometry file (JSON); required for {@code pi4j}, optional for a bridge (geometry only)
 * @param target the trial's target speed and heading, the only part of the task the operator knows
 * @param episodes episodes per trial
 * @param episodeSeconds episode length, s
 * @param rate control rate, Hz
 * @param staleMs sensors older than this are a fault, ms
 * @param settleSpeed the robot is at rest when each wheel travels less than {@code settleSpeed · settleSeconds} within
 *     {@code settleSeconds}, m/s
 * @param settleSeconds how long the robot must stay at rest before an episode starts, s
 * @param settleTimeout how long {@code reset} waits for rest before it reports a fault, s
 * @param connectTimeout how long {@code reset} waits for the hardware to become healthy, s
 * @param operator whether to wait for the operator between episodes
 */
public record RobotConfig(DriveLink link, Optional<Path> pins, DriveTarget target, int episodes, double episodeSeconds,
        int rate, int staleMs, double settleSpeed, double settleSeconds, double settleTimeout, double connectTimeout,
        OperatorMode operator) {

    static final int MAX_EPISODES = 20;
    static final int MAX_RATE = 1000;

    /** The options, with defaults: the emulator on this machine, 0.3 m/s straight ahead, 4 episodes of 5 s at 20 Hz. */
    static final List<ConfigOption> OPTIONS = List.of(
            new ConfigOption("link", "tcp://127.0.0.1:7300", "pi4j (this computer's GPIO/PWM/I2C) or a motor MCU: "
                    + "tcp://HOST:PORT or serial:DEVICE?baud=N"),
            new ConfigOption("pins", "", "wiring and geometry file (JSON); required for link=pi4j, optional "
                    + "geometry for a bridge"),
            new ConfigOption("target-velocity", "0.3", "target forward speed, m/s, in [-1, 1]"),
            new ConfigOption("target-heading", "0", "target heading relative to the start heading, degrees, in "
                    + "[-180, 180]"),
            new ConfigOption("episodes", "4", "episodes per trial, 1.." + MAX_EPISODES),
            new ConfigOption("episode-seconds", "5", "episode length, 1..60 s, a whole number of control steps"),
            new ConfigOption("rate", "20", "control rate in Hz, 1.." + MAX_RATE + " (sets the steps per episode)"),
            new ConfigOption("stale-ms", "100", "sensor readings older than this are a fault, 1..10000 ms"),
            new ConfigOption("settle-speed", "0.01", "at rest below this wheel speed, m/s, (0, 1]"),
            new ConfigOption("settle-seconds", "0.5", "time at rest before an episode starts, 0.05..10 s"),
            new ConfigOption("settle-timeout", "10", "fault when not at rest after this long, s, more than "
                    + "settle-seconds, up to 600"),
            new ConfigOption("connect-timeout", "5", "fault when the hardware is not healthy after this long, "
                    + "0.1..600 s"),
            new ConfigOption("operator-button", "none", "between episodes wait for: none, enter (console) or pin "
                    + "(operator_button of the pins file, link=pi4j)"));

    /** The defaults. */
    public static final RobotConfig DEFAULT = new RobotConfig(DriveLink.parse("tcp://127.0.0.1:7300"),
            Optional.empty(), new DriveTarget(0.3, 0), 4, 5, 20, 100, 0.01, 0.5, 10, 5, OperatorMode.NONE);

    public RobotConfig {
        Objects.requireNonNull(link, "link is null");
        Objects.requireNonNull(pins, "pins is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(operator, "operator is null");
        check("episodes", episodes >= 1 && episodes <= MAX_EPISODES, episodes);
        check("rate", rate >= 1 && rate <= MAX_RATE, rate);
        check("episodeSeconds", episodeSeconds >= 1 && episodeSeconds <= 60 && wholeSteps(episodeSeconds, rate),
                episodeSeconds);
        check("staleMs", staleMs >= 1 && staleMs <= 10_000, staleMs);
        check("settleSpeed", settleSpeed > 0 && settleSpeed <= 1, settleSpeed);
        check("settleSeconds", settleSeconds >= 0.05 && settleSeconds <= 10, settleSeconds);
        check("settleTimeout", settleTimeout > settleSeconds && settleTimeout <= 600, settleTimeout);
        check("connectTimeout", connectTimeout >= 0.1 && connectTimeout <= 600, connectTimeout);
        if (link instanceof DriveLink.Pi4j && pins.isEmpty()) {
            throw new IllegalArgumentException("link pi4j needs a pins file");
        }
        if (operator == OperatorMode.PIN && !(link instanceof DriveLink.Pi4j)) {
            throw new IllegalArgumentException("operator button 'pin' needs link pi4j, got " + link.text());
        }
    }

    /**
     * Reads and checks the options.
     *
     * @throws IllegalArgumentException naming the key and the value (see {@link EnvConfig#invalid})
     */
    static RobotConfig from(EnvConfig c) {
        String linkText = c.getString("link");
        DriveLink link;
        try {
            link = DriveLink.parse(linkText);
        } catch (IllegalArgumentException e) {
            throw c.invalid("link", linkText, DriveLink.FORMS);
        }
        String pinsText = c.getString("pins").strip();
        Optional<Path> pins = pinsText.isEmpty() ? Optional.empty() : Optional.of(Path.of(pinsText));
        if (link instanceof DriveLink.Pi4j && pins.isEmpty()) {
            throw c.invalid("pins", "", "a pins file (JSON) when link=pi4j");
        }
        double velocity = c.getDouble("target-velocity");
        if (!(Math.abs(velocity) <= DriveTarget.MAX_VELOCITY)) {
            throw c.invalid("target-velocity", c.getString("target-velocity"), "a speed in [-1, 1] m/s");
        }
        double heading = c.getDouble("target-heading");
        if (!(Math.abs(heading) <= 180)) {
            throw c.invalid("target-heading", c.getString("target-heading"), "an angle in [-180, 180] degrees");
        }
        int episodes = intIn(c, "episodes", 1, MAX_EPISODES);
        int rate = intIn(c, "rate", 1, MAX_RATE);
        double seconds = c.getDouble("episode-seconds");
        if (!(seconds >= 1 && seconds <= 60) || !wholeSteps(seconds, rate)) {
            throw c.invalid("episode-seconds", c.getString("episode-seconds"),
                    "a number in [1, 60] that is a whole number of steps at " + rate + " Hz");
        }
        int staleMs = intIn(c, "stale-ms", 1, 10_000);
        double settleSpeed = doubleIn(c, "settle-speed", 0, false, 1, "a speed in (0, 1] m/s");
        double settleSeconds = doubleIn(c, "settle-seconds", 0.05, true, 10, "a time in [0.05, 10] s");
        double settleTimeout = doubleIn(c, "settle-timeout", settleSeconds, false, 600,
                "a time in s, more than settle-seconds (" + settleSeconds + ") and at most 600");
        double connectTimeout = doubleIn(c, "connect-timeout", 0.1, true, 600, "a time in [0.1, 600] s");
        String operatorText = c.getString("operator-button");
        OperatorMode operator = OperatorMode.parse(operatorText);
        if (operator == null) {
            throw c.invalid("operator-button", operatorText, "one of none, enter, pin");
        }
        if (operator == OperatorMode.PIN && !(link instanceof DriveLink.Pi4j)) {
            throw c.invalid("operator-button", operatorText, "none or enter with link=" + linkText
                    + " (pin needs link=pi4j)");
        }
        return new RobotConfig(link, pins, new DriveTarget(velocity, heading), episodes, seconds, rate, staleMs,
                settleSpeed, settleSeconds, settleTimeout, connectTimeout, operator);
    }

    /** Control steps per episode. */
    public int steps() {
        return (int) Math.round(episodeSeconds * rate);
    }

    /** Seconds between control steps. */
    public double controlPeriod() {
        return 1.0 / rate;
    }

    /** {@link #staleMs} in nanoseconds. */
    public long staleNanos() {
        return staleMs * 1_000_000L;
    }

    /**
     * The time-to-live stamped on bridge motor commands: three control periods, at least 100 ms (PROTOCOL.md, section
     * 8), so a lost or late frame or two does not stop the motors but a dead host does within the TTL.
     */
    public int commandTtlMs() {
        return (int) Math.min(65_535, Math.max(100, Math.ceil(3000.0 / rate)));
    }

    /** The SENSOR_STATE rate asked of a bridge MCU: twice the control rate, between 100 and 1000 Hz. */
    public int sensorRateHz() {
        return Math.min(1000, Math.max(100, 2 * rate));
    }

    private static int intIn(EnvConfig c, String key, int min, int max) {
        int v = c.getInt(key);
        if (v < min || v > max) {
            throw c.invalid(key, c.getString(key), "an integer in " + min + ".." + max);
        }
        return v;
    }

    private static double doubleIn(EnvConfig c, String key, double min, boolean minIncluded, double max,
            String expected) {
        double v = c.getDouble(key);
        if (!(minIncluded ? v >= min : v > min) || !(v <= max)) {
            throw c.invalid(key, c.getString(key), expected);
        }
        return v;
    }

    private static boolean wholeSteps(double seconds, int rate) {
        double steps = seconds * rate;
        return Math.abs(steps - Math.rint(steps)) < 1e-9 && Math.rint(steps) >= 1;
    }

    private static void check(String name, boolean ok, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(name + " is out of range: " + value);
        }
    }
}
