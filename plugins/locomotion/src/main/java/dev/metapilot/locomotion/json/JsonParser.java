package dev.metapilot.locomotion.json;

import dev.metapilot.env.TaskFileException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259): one value per document, no comments, no trailing commas, no duplicate keys, no
 * control characters in strings, finite numbers only, nesting at most {@value #MAX_DEPTH} deep, at most
 * {@value #MAX_VALUES} values and {@value #MAX_LENGTH} characters. A UTF-8 byte order mark is skipped. Every problem is
 * a {@link TaskFileException} with its 1-based line and column.
 *
 * <p>
 * Used by the task file reader on the caller's thread; one instance per document.
 */
public final class JsonParser {

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;
    /** Longest document accepted, in characters. */
    public static final int MAX_LENGTH = 16 * 1024 * 1024;
    /**
     * Most values (numbers, strings, literals, arrays and objects) in one document: a locomotion task has 16, and a
     * parsed value takes tens of bytes, so a document of small values cannot fill the heap (16 MiB of {@code 0,} would
     * otherwise take about 700 MB).
     */
    public static final int MAX_VALUES = 1 << 18;

    private final String source;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int values;

    private JsonParser(String source, String text) {
        this.source = source;
        this.text = text;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
        this.lineStart = pos;
    }

    /**
     * Parses the whole of {@code in} as one JSON value.
     *
     * @param source the file name used in messages
     * @throws TaskFileException at the first syntax error
     */
    public static JsonValue parse(String source, Reader in) throws TaskFileException, IOException {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0;) {
            sb.append(buffer, 0, n);
            if (sb.length() > MAX_LENGTH) {
                throw new TaskFileException(source, 1, 0, "file is longer than " + MAX_LENGTH + " characters");
            }
        }
        return parse(source, sb.toString());
    }

    /**
     * Parses {@code text} as one JSON value.
     *
     * @param source the file name used in messages
     * @throws TaskFileException at the first syntax error
     */
    public static JsonValue parse(String source, String text) throws TaskFileException {
        JsonParser p = new JsonParser(source, text);
        p.skipWhitespace();
        if (p.atEnd()) {
            throw p.error("the file holds no JSON value");
        }
        JsonValue value = p.value(0);
        p.skipWhitespace();
        if (!p.atEnd()) {
            throw p.error("unexpected " + p.describeHere() + " after the end of the JSON value");
        }
        return value;
    }

    private JsonValue value(int depth) throws TaskFileException {
        if (atEnd()) {
            throw error("unexpected end of file, expected a value");
        }
        if (++values > MAX_VALUES) {
            throw error("more than " + MAX_VALUES + " values in the file");
        }
        int valueLine = line;
        int valueColumn = column();
        char c = text.charAt(pos);
        switch (c) {
            case '{' :
                return object(depth, valueLine, valueColumn);
            case '[' :
                return array(depth, valueLine, valueColumn);
            case '"' :
                return new JsonValue.JsonString(string(), valueLine, valueColumn);
            case 't' :
                literal("true");
                return new JsonValue.JsonBoolean(true, valueLine, valueColumn);
            case 'f' :
                literal("false");
                return new JsonValue.JsonBoolean(false, valueLine, valueColumn);
            case 'n' :
                literal("null");
                return new JsonValue.JsonNull(valueLine, valueColumn);
            default :
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(valueLine, valueColumn);
                }
                throw error("unexpected " + describeHere() + ", expected a value");
        }
    }

    private JsonValue.JsonObject object(int depth, int objectLine, int objectColumn) throws TaskFileException {
        enter(depth);
        pos++; // {
        Map<String, JsonValue.Member> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonValue.JsonObject(members, objectLine, objectColumn);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error(atEnd()
                        ? "unexpected end of file in an object"
                        : "expected a quoted field name, got "
                                + describeHere());
            }
            int keyLine = line;
            int keyColumn = column();
            String key = string();
            if (members.containsKey(key)) {
                throw new TaskFileException(source, keyLine, keyColumn, "field '" + key + "' appears twice (first at "
                        + members.get(key).line() + ":" + members.get(key).column() + ")");
            }
            skipWhitespace();
            expect(':', "':' after field name '" + key + "'");
            skipWhitespace();
            members.put(key, new JsonValue.Member(key, keyLine, keyColumn, value(depth + 1)));
            if (closedAfterItem('}', "an object")) {
                return new JsonValue.JsonObject(members, objectLine, objectColumn);
            }
        }
    }

    private JsonValue.JsonArray array(int depth, int arrayLine, int arrayColumn) throws TaskFileException {
        enter(depth);
        pos++; // [
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.JsonArray(items, arrayLine, arrayColumn);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth + 1));
            if (closedAfterItem(']', "an array")) {
                return new JsonValue.JsonArray(items, arrayLine, arrayColumn);
            }
        }
    }

    /**
     * After an object member or array item: consumes a ',' (false: another item follows) or {@code close} (true: the
     * container ends); refuses a trailing comma and anything else, naming {@code container} at the end of the file.
     */
    private boolean closedAfterItem(char close, String container) throws TaskFileException {
        skipWhitespace();
        char c = peek();
        if (c == ',') {
            int commaColumn = column();
            int commaLine = line;
            pos++;
            skipWhitespace();
            if (peek() == close) {
                throw new TaskFileException(source, commaLine, commaColumn, "trailing comma before '" + close + "'");
            }
            return false;
        }
        if (c == close) {
            pos++;
            return true;
        }
        throw error(atEnd()
                ? "unexpected end of file in " + container
                : "expected ',' or '" + close + "', got " + describeHere());
    }

    private String string() throws TaskFileException {
        int startLine = line;
        int startColumn = column();
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new TaskFileException(source, startLine, startColumn, "string is not closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error(c == '\n' || c == '\r'
                        ? "string is not closed before the end of the line"
                        : "control character U+" + String.format("%04X", (int) c) + " in a string (escape it)");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            int escapeColumn = column();
            pos++;
            if (atEnd()) {
                throw new TaskFileException(source, startLine, startColumn, "string is not closed");
            }
            char e = text.charAt(pos);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 >= text.length()) {
                        throw new TaskFileException(source, line, escapeColumn, "incomplete \\u escape");
                    }
                    int code = 0;
                    for (int i = 1; i <= 4; i++) {
                        int digit = Character.digit(text.charAt(pos + i), 16);
                        if (digit < 0) {
                            throw new TaskFileException(source, line, escapeColumn,
                                    "\\u must be followed by four hexadecimal digits");
                        }
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw new TaskFileException(source, line, escapeColumn, "invalid escape \\" + printable(e)
                        + " in a string");
            }
            pos++;
        }
    }

    private JsonValue.JsonNumber number(int numberLine, int numberColumn) throws TaskFileException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("a number may not have a leading zero");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit after '-', got " + describeHere());
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point, got " + describeHere());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, got " + describeHere());
            }
            digits();
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (!Double.isFinite(value)) {
            throw new TaskFileException(source, numberLine, numberColumn, "number " + literal + " is too large");
        }
        return new JsonValue.JsonNumber(value, literal, numberLine, numberColumn);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private void literal(String word) throws TaskFileException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeHere() + ", expected a value");
        }
        pos += word.length();
        if (Character.isLetterOrDigit(peek())) {
            throw error("unexpected " + describeHere() + " after '" + word + "'");
        }
    }

    private void expect(char c, String what) throws TaskFileException {
        if (peek() != c) {
            throw error("expected " + what + ", got " + describeHere());
        }
        pos++;
    }

    private void enter(int depth) throws TaskFileException {
        if (depth >= MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void skipWhitespace() {
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    /** The character at the position, or 0 at the end. */
    private char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private String describeHere() {
        return atEnd() ? "end of file" : "'" + printable(text.charAt(pos)) + "'";
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("U+%04X", (int) c) : Character.toString(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private TaskFileException error(String problem) {
        return new TaskFileException(source, line, column(), problem);
    }
}
