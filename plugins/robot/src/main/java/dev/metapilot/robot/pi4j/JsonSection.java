package dev.metapilot.robot.pi4j;

import dev.metapilot.locomotion.json.JsonValue;
import dev.metapilot.locomotion.json.JsonValue.JsonBoolean;
import dev.metapilot.locomotion.json.JsonValue.JsonNumber;
import dev.metapilot.locomotion.json.JsonValue.JsonObject;
import dev.metapilot.locomotion.json.JsonValue.JsonString;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of a configuration file, read strictly: every field is checked for type and range, unknown and missing
 * fields are errors, and every error names the file, line, column and the field's dotted path:
 * {@code pins.json:7:20: field 'left_motor.pwm_channel' must be an integer in [0, 3], got 7}.
 *
 * <p>
 * Used by {@link PinsFile} on the thread that opens the hardware; immutable.
 */
final class JsonSection {

    private final String source;
    private final String path;
    private final JsonObject object;

    private JsonSection(String source, String path, JsonObject object) {
        this.source = source;
        this.path = path;
        this.object = object;
    }

    /** The file's top-level object. */
    static JsonSection root(String source, JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw error(source, value, "the file must be an object, got " + value.describe());
        }
        return new JsonSection(source, "", o);
    }

    /**
     * Checks the field names: each of {@code required} must be there, and nothing outside {@code required} and
     * {@code optional}.
     */
    JsonSection expect(List<String> required, List<String> optional) {
        for (JsonValue.Member m : object.members().values()) {
            if (!required.contains(m.name()) && !optional.contains(m.name())) {
                String valid = String.join(", ", required) + (optional.isEmpty()
                        ? ""
                        : ", " + String.join(", ",
                                optional));
                throw new IllegalArgumentException(source + ":" + m.line() + ":" + m.column() + ": unknown field '"
                        + name(m.name()) + "'; valid here: " + valid);
            }
        }
        for (String r : required) {
            if (!object.members().containsKey(r)) {
                throw error(source, object, "missing field '" + name(r) + "'");
            }
        }
        return this;
    }

    /** Whether the field is present. */
    boolean has(String key) {
        return object.members().containsKey(key);
    }

    /** A nested object. */
    JsonSection section(String key) {
        JsonValue v = value(key);
        if (!(v instanceof JsonObject o)) {
            throw wrong(key, v, "an object");
        }
        return new JsonSection(source, name(key), o);
    }

    /** A nested object, when the field is present. */
    Optional<JsonSection> optionalSection(String key) {
        return has(key) ? Optional.of(section(key)) : Optional.empty();
    }

    /** A whole number in {@code [min, max]}. */
    int integer(String key, int min, int max) {
        JsonValue v = value(key);
        if (!(v instanceof JsonNumber n) || n.value() != Math.rint(n.value()) || n.value() < min
                || n.value() > max) {
            throw wrong(key, v, "an integer in [" + min + ", " + max + "]");
        }
        return (int) n.value();
    }

    /** A whole number in {@code [min, max]}, written as a number or as a hexadecimal string such as {@code "0x68"}. */
    int integerOrHex(String key, int min, int max) {
        JsonValue v = value(key);
        String expected = "an integer in [" + hex(min) + ", " + hex(max) + "] (a number or a string such as \""
                + hex(min) + "\")";
        if (v instanceof JsonString s && s.value().matches("0[xX][0-9a-fA-F]{1,4}")) {
            int n = Integer.parseInt(s.value().substring(2), 16);
            if (n >= min && n <= max) {
                return n;
            }
            throw wrong(key, v, expected);
        }
        if (!(v instanceof JsonNumber)) {
            throw wrong(key, v, expected);
        }
        return integer(key, min, max);
    }

    /** A number in {@code (min, max]} ({@code minExcluded}) or {@code [min, max]}. */
    double number(String key, double min, boolean minExcluded, double max) {
        JsonValue v = value(key);
        if (!(v instanceof JsonNumber n) || !(minExcluded ? n.value() > min : n.value() >= min)
                || !(n.value() <= max)) {
            throw wrong(key, v, "a number in " + (minExcluded ? "(" : "[") + min + ", " + max + "]");
        }
        return n.value();
    }

    /** {@code true} or {@code false}; {@code otherwise} when the field is absent. */
    boolean bool(String key, boolean otherwise) {
        if (!has(key)) {
            return otherwise;
        }
        JsonValue v = value(key);
        if (!(v instanceof JsonBoolean b)) {
            throw wrong(key, v, "true or false");
        }
        return b.value();
    }

    /** One of {@code choices}; {@code otherwise} when the field is absent (null: required). */
    String choice(String key, List<String> choices, String otherwise) {
        if (!has(key) && otherwise != null) {
            return otherwise;
        }
        JsonValue v = value(key);
        if (!(v instanceof JsonString s) || !choices.contains(s.value())) {
            throw wrong(key, v, "one of " + String.join(", ", choices.stream().map(c -> "\"" + c + "\"").toList()));
        }
        return s.value();
    }

    /** The dotted path of a field of this section, for messages: {@code left_motor.pwm_channel}. */
    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An error at the field's value. */
    IllegalArgumentException wrong(String key, JsonValue v, String expected) {
        return error(source, v, "field '" + name(key) + "' must be " + expected + ", got " + v.describe());
    }

    /** An error at the field's value with a free text. */
    IllegalArgumentException at(String key, String problem) {
        return error(source, value(key), problem);
    }

    private JsonValue value(String key) {
        JsonValue.Member m = object.members().get(key);
        if (m == null) {
            throw error(source, object, "missing field '" + name(key) + "'");
        }
        return m.value();
    }

    private static IllegalArgumentException error(String source, JsonValue at, String problem) {
        Objects.requireNonNull(at, "at is null");
        return new IllegalArgumentException(source + ":" + at.line() + ":" + at.column() + ": " + problem);
    }

    private static String hex(int n) {
        return "0x" + Integer.toHexString(n);
    }
}
