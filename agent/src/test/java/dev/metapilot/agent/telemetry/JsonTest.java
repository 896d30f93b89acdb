package dev.metapilot.agent.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedValuesAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\u0001");
        m.put("n", 3);
        m.put("x", 0.5);
        m.put("nan", Double.NaN);
        m.put("list", List.of(1, true));
        m.put("arr", new float[]{1f, 2f});
        m.put("null", null);
        assertThat(Json.write(m)).isEqualTo(
                "{\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"n\":3,\"x\":0.5,\"nan\":\"NaN\",\"list\":[1,true],"
                        + "\"arr\":[1.0,2.0],\"null\":null}");
    }
}
