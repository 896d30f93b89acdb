package dev.metapilot.locomotion.json;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value with the 1-based line and column where it starts.
 *
 * <p>
 * Produced by {@link JsonParser} on the caller's thread; immutable.
 */
public sealed interface JsonValue {

    /** 1-based line of the value's first character. */
    int line();

    /** 1-based column of the value's first character. */
    int column();

    /** What the value is, for messages: {@code "heavy"} (quoted), {@code 1.5}, {@code true}, {@code an object}. */
    String describe();

    /**
     * One member of an object, with the place of its key.
     *
     * @param name the key
     * @param line 1-based line of the key
     * @param column 1-based column of the key
     */
    record Member(String name, int line, int column, JsonValue value) {}

    /** An object; members keep the file's order and keys are unique. */
    record JsonObject(Map<String, Member> members, int line, int column) implements JsonValue {

        public JsonObject {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /** An array. */
    record JsonArray(List<JsonValue> items, int line, int column) implements JsonValue {

        public JsonArray {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    /** A string. */
    record JsonString(String value, int line, int column) implements JsonValue {

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }

    /**
     * A number, with the text it was written as.
     *
     * @param value the nearest double
     * @param text the literal as written
     */
    record JsonNumber(double value, String text, int line, int column) implements JsonValue {

        @Override
        public String describe() {
            return text;
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(boolean value, int line, int column) implements JsonValue {

        @Override
        public String describe() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}. */
    record JsonNull(int line, int column) implements JsonValue {

        @Override
        public String describe() {
            return "null";
        }
    }
}
