package dev.metapilot.locomotion.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metapilot.env.TaskFileException;
import dev.metapilot.locomotion.json.JsonValue.JsonArray;
import dev.metapilot.locomotion.json.JsonValue.JsonBoolean;
import dev.metapilot.locomotion.json.JsonValue.JsonNull;
import dev.metapilot.locomotion.json.JsonValue.JsonNumber;
import dev.metapilot.locomotion.json.JsonValue.JsonObject;
import dev.metapilot.locomotion.json.JsonValue.JsonString;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonParserTest {

    @Test
    void parsesEveryKindOfValueWithItsPlace() throws Exception {
        String text = "\uFEFF{\n  \"a\": [1, -2.5e3, 0.25],\n  \"b\": {\"c\": true, \"d\": null},\n"
                + "  \"e\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\",\n  \"f\": false\n}\n";
        JsonObject root = (JsonObject) JsonParser.parse("f.json", new StringReader(text));
        assertThat(root.members().keySet()).containsExactly("a", "b", "e", "f");
        JsonArray a = (JsonArray) root.members().get("a").value();
        assertThat(a.items()).extracting(v -> ((JsonNumber) v).value()).containsExactly(1.0, -2500.0, 0.25);
        assertThat(((JsonNumber) a.items().get(1)).text()).isEqualTo("-2.5e3");
        assertThat(a.line()).isEqualTo(2);
        assertThat(a.column()).isEqualTo(8);
        assertThat(a.items().get(2).column()).isEqualTo(20);
        JsonValue.Member b = root.members().get("b");
        assertThat(b.line()).isEqualTo(3);
        assertThat(b.column()).isEqualTo(3);
        JsonObject bo = (JsonObject) b.value();
        assertThat(bo.members().get("c").value()).isEqualTo(new JsonBoolean(true, 3, 14));
        assertThat(bo.members().get("d").value()).isEqualTo(new JsonNull(3, 25));
        assertThat(((JsonString) root.members().get("e").value()).value()).isEqualTo("x\"\\/\b\f\n\r\té");
        assertThat(root.members().get("f").value()).isInstanceOf(JsonBoolean.class);
        assertThat(JsonParser.parse("f", " [ ] ")).isEqualTo(new JsonArray(java.util.List.of(), 1, 2));
        assertThat(JsonParser.parse("f", "{}")).isInstanceOf(JsonObject.class);
    }

    @Test
    void describesValuesForMessages() throws Exception {
        assertThat(JsonParser.parse("f", "\"heavy\"").describe()).isEqualTo("\"heavy\"");
        assertThat(JsonParser.parse("f", "\"a\\nb\"").describe()).isEqualTo("\"a\\nb\"");
        assertThat(JsonParser.parse("f", "1.50").describe()).isEqualTo("1.50");
        assertThat(JsonParser.parse("f", "{}").describe()).isEqualTo("an object");
        assertThat(JsonParser.parse("f", "[]").describe()).isEqualTo("an array");
        assertThat(JsonParser.parse("f", "null").describe()).isEqualTo("null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "``| 1 | 1 | the file holds no JSON value",
            "`{\"a\": 1,}`| 1 | 8 | trailing comma before '}'",
            "`[1, 2,]`| 1 | 6 | trailing comma before ']'",
            "`{\"a\" 1}`| 1 | 6 | expected ':' after field name 'a', got '1'",
            "`{a: 1}`| 1 | 2 | expected a quoted field name, got 'a'",
            "`{\"a\": 1 \"b\": 2}`| 1 | 9 | expected ',' or '}', got '\"'",
            "`{\"a\": 1, \"a\": 2}`| 1 | 10 | field 'a' appears twice (first at 1:2)",
            "`[01]`| 1 | 3 | a number may not have a leading zero",
            "`[1.]`| 1 | 4 | expected a digit after the decimal point",
            "`[-]`| 1 | 3 | expected a digit after '-'",
            "`[1e]`| 1 | 4 | expected a digit in the exponent",
            "`[1e999]`| 1 | 2 | number 1e999 is too large",
            "`[NaN]`| 1 | 2 | unexpected 'N', expected a value",
            "`[tru]`| 1 | 2 | unexpected 't', expected a value",
            "`[truex]`| 1 | 6 | unexpected 'x' after 'true'",
            "`\"abc`| 1 | 1 | string is not closed",
            "`\"a\\qb\"`| 1 | 3 | invalid escape \\q in a string",
            "`\"\\u12g4\"`| 1 | 2 | \\u must be followed by four hexadecimal digits",
            "`{\"a\": 1} x`| 1 | 10 | unexpected 'x' after the end of the JSON value",
            "`// comment`| 1 | 1 | unexpected '/', expected a value",
            "`[1, 2`| 1 | 6 | unexpected end of file in an array"})
    void rejectsInvalidJsonWithThePlace(String text, int line, int column, String problem) {
        assertThatThrownBy(() -> JsonParser.parse("bad.json", text)).isInstanceOfSatisfying(TaskFileException.class,
                e -> {
                    assertThat(e.getMessage()).contains(problem);
                    assertThat(e.getMessage()).startsWith("bad.json:" + line + ":" + column + ": ");
                });
    }

    @Test
    void rejectsRawNewlinesAndControlCharactersInStringsOnTheirLine() {
        assertThatThrownBy(() -> JsonParser.parse("f", "{\n  \"a\": \"x\ny\"}"))
                .hasMessageStartingWith("f:2:10: string is not closed before the end of the line");
        assertThatThrownBy(() -> JsonParser.parse("f", "[\"a\u0001\"]"))
                .hasMessageStartingWith("f:1:4: control character U+0001");
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonParser.parse("f", deep)).hasMessageContaining("nesting deeper than 64");
        String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertThat(catchNothing(ok)).isTrue();
    }

    @Test
    void aDocumentOfMoreValuesThanTheLimitIsRefusedAtTheFirstValueTooMany() {
        int zeros = JsonParser.MAX_VALUES - 1; // with the array: exactly the limit
        assertThat(catchNothing("[" + "0,".repeat(zeros - 1) + "0]")).isTrue();
        String tooMany = "[" + "0,".repeat(zeros) + "0]";
        assertThatThrownBy(() -> JsonParser.parse("f", tooMany)).hasMessage("f:1:" + (2 * zeros + 2) + ": more than "
                + JsonParser.MAX_VALUES + " values in the file");
    }

    private static boolean catchNothing(String text) {
        try {
            JsonParser.parse("f", text);
            return true;
        } catch (TaskFileException e) {
            return false;
        }
    }
}
