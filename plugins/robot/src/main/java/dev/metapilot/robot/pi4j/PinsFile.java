package dev.metapilot.robot.pi4j;

import com.pi4j.io.gpio.digital.PullResistance;
import dev.metapilot.env.TaskFileException;
import dev.metapilot.locomotion.json.JsonParser;
import dev.metapilot.robot.io.RobotGeometry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The pins file: the robot's wiring and geometry as strict JSON (the format is in the module's README, an example in
 * {@code src/main/config/pins.json}). Every field is checked and every error names the file, line, column and the
 * field, for example {@code pins.json:9:20: field 'left_motor.pwm_channel' must be an integer in [0, 3], got 7}; a GPIO
 * used twice is an error naming both fields.
 *
 * <p>
 * Read when the hardware opens (the first reset), on that thread, never at configuration time; stateless.
 */
public final class PinsFile {

    /** Highest BCM GPIO number on a Raspberry Pi's 40-pin header. */
    public static final int MAX_GPIO = 27;
    /** Highest hardware PWM channel (the Raspberry Pi 5's RP1 has four). */
    public static final int MAX_PWM_CHANNEL = 3;

    private static final List<String> TOP = List.of("geometry", "pwm_frequency_hz", "left_motor", "right_motor",
            "left_encoder", "right_encoder", "imu", "estop");
    private static final List<String> TOP_OPTIONAL = List.of("operator_button");
    private static final List<String> PULLS = List.of("up", "down", "off");

    private PinsFile() {}

    /**
     * Reads the whole wiring (link {@code pi4j}).
     *
     * @throws IllegalArgumentException naming the file, place and field of the first problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Wiring read(Path file) {
        return parse(file.toString(), text(file));
    }

    /**
     * Reads only the {@code geometry} section (a bridge link: the MCU owns the pins); other sections are allowed and
     * ignored.
     */
    public static RobotGeometry readGeometry(Path file) {
        String source = file.toString();
        JsonSection root = root(source, text(file));
        List<String> others = new java.util.ArrayList<>(TOP);
        others.addAll(TOP_OPTIONAL);
        others.remove("geometry");
        return geometry(root.expect(List.of("geometry"), others).section("geometry"));
    }

    /** Parses the text of a pins file; {@code source} names it in messages. */
    public static Wiring parse(String source, String text) {
        JsonSection root = root(source, text).expect(TOP, TOP_OPTIONAL);
        Map<Integer, String> gpios = new LinkedHashMap<>();
        RobotGeometry geometry = geometry(root.section("geometry"));
        int frequency = root.integer("pwm_frequency_hz", 10, 200_000);
        Wiring.Motor left = motor(root.section("left_motor"), gpios);
        Wiring.Motor right = motor(root.section("right_motor"), gpios);
        if (left.pwmChannel() == right.pwmChannel()) {
            throw root.section("right_motor").at("pwm_channel", "field 'right_motor.pwm_channel' is "
                    + right.pwmChannel() + ", the left motor's channel too");
        }
        Wiring.Encoder leftEncoder = encoder(root.section("left_encoder"), gpios);
        Wiring.Encoder rightEncoder = encoder(root.section("right_encoder"), gpios);
        Wiring.Imu imu = imu(root.section("imu"));
        Wiring.InputPin estop = input(root.section("estop"), gpios);
        Optional<Wiring.InputPin> button = root.optionalSection("operator_button").map(s -> input(s, gpios));
        return new Wiring(geometry, frequency, left, right, leftEncoder, rightEncoder, imu, estop, button);
    }

    private static RobotGeometry geometry(JsonSection s) {
        s.expect(List.of("counts_per_revolution", "wheel_radius_m", "track_width_m"), List.of());
        return new RobotGeometry(s.integer("counts_per_revolution", 1, 1_000_000), s.number("wheel_radius_m", 0, true,
                1), s.number("track_width_m", 0, true, 5));
    }

    private static Wiring.Motor motor(JsonSection s, Map<Integer, String> gpios) {
        s.expect(List.of("pwm_channel", "direction_pin"), List.of("direction_pin_b", "reversed"));
        int channel = s.integer("pwm_channel", 0, MAX_PWM_CHANNEL);
        int dir = gpio(s, "direction_pin", gpios);
        OptionalInt dirB = s.has("direction_pin_b")
                ? OptionalInt.of(gpio(s, "direction_pin_b", gpios))
                : OptionalInt.empty();
        return new Wiring.Motor(channel, dir, dirB, s.bool("reversed", false));
    }

    private static Wiring.Encoder encoder(JsonSection s, Map<Integer, String> gpios) {
        s.expect(List.of("a_pin", "b_pin"), List.of("pull", "reversed"));
        return new Wiring.Encoder(gpio(s, "a_pin", gpios), gpio(s, "b_pin", gpios), pull(s, "off"), s.bool(
                "reversed", false));
    }

    private static Wiring.Imu imu(JsonSection s) {
        s.expect(List.of("model", "bus", "address"), List.of("forward_axis", "up_axis"));
        s.choice("model", List.of("mpu6050"), null);
        int bus = s.integer("bus", 0, 31);
        int address = s.integerOrHex("address", Mpu6050.ADDRESS_AD0_LOW, Mpu6050.ADDRESS_AD0_HIGH);
        Wiring.Axis forward = axis(s, "forward_axis", "+x");
        Wiring.Axis up = axis(s, "up_axis", "+z");
        if (forward.index() == up.index()) {
            throw s.at("up_axis", "field '" + s.name("up_axis") + "' is " + up + ", on the same axis as forward_axis "
                    + forward);
        }
        return new Wiring.Imu(bus, address, forward, up);
    }

    private static Wiring.InputPin input(JsonSection s, Map<Integer, String> gpios) {
        s.expect(List.of("pin"), List.of("active", "pull"));
        int pin = gpio(s, "pin", gpios);
        boolean activeLow = s.choice("active", List.of("low", "high"), "low").equals("low");
        return new Wiring.InputPin(pin, activeLow, pull(s, activeLow ? "up" : "down"));
    }

    private static Wiring.Axis axis(JsonSection s, String key, String otherwise) {
        String text = s.choice(key, List.of("+x", "-x", "+y", "-y", "+z", "-z"), otherwise);
        return Wiring.Axis.parse(text);
    }

    private static PullResistance pull(JsonSection s, String otherwise) {
        return switch (s.choice("pull", PULLS, otherwise)) {
            case "up" -> PullResistance.PULL_UP;
            case "down" -> PullResistance.PULL_DOWN;
            default -> PullResistance.OFF;
        };
    }

    private static int gpio(JsonSection s, String key, Map<Integer, String> gpios) {
        int pin = s.integer(key, 0, MAX_GPIO);
        String first = gpios.putIfAbsent(pin, s.name(key));
        if (first != null) {
            throw s.at(key, "GPIO " + pin + " is used twice: by '" + first + "' and by '" + s.name(key) + "'");
        }
        return pin;
    }

    private static JsonSection root(String source, String text) {
        try {
            return JsonSection.root(source, JsonParser.parse(source, text));
        } catch (TaskFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pins file " + file + ": " + e.getMessage(), e);
        }
    }
}
