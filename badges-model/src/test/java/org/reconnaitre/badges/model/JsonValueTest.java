package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.mapping.JsonCodec;

class JsonValueTest {

    @Test
    void keepsMemberOrderAndNumberLexicalForms() throws Exception {
        String text = "{\"z\":1,\"a\":[2.50,1e3,-0,12345678901234567890123],\"m\":{\"y\":null,\"b\":true}}";
        JsonValue v = JsonValue.parse(text);
        assertThat(v.toJson()).isEqualTo(text);
        assertThat(((JsonValue.ObjectValue) v).members().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void equalityIsJsonEquality() throws Exception {
        assertThat(JsonValue.parse("{\"a\":1.0,\"b\":2}")).isEqualTo(JsonValue.parse("{\"b\":2,\"a\":1.00}"));
        assertThat(JsonValue.parse("[1,2]")).isNotEqualTo(JsonValue.parse("[2,1]"));
        assertThat(JsonValue.parse("1.0").hashCode()).isEqualTo(JsonValue.parse("1").hashCode());
    }

    @Test
    void malformedInputIsAMalformedJsonError() {
        for (String bad : List.of("", "{", "{\"a\":1,\"a\":2}", "[1] [2]", "{'a':1}", "[1,]", "nul")) {
            assertThatThrownBy(() -> JsonValue.parse(bad)).as(bad).isInstanceOf(BadgeException.class)
                    .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_JSON);
        }
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(Json.MAX_DEPTH + 5) + "]".repeat(Json.MAX_DEPTH + 5);
        assertThatThrownBy(() -> JsonValue.parse(deep)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("Malformed JSON");
    }

    @Test
    void convertsPlainJavaValuesBothWays() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "x");
        m.put("n", 42);
        m.put("d", new BigDecimal("1.50"));
        m.put("b", false);
        m.put("l", List.of(1L, "two"));
        m.put("null", null);
        JsonValue v = JsonValue.of(m);
        assertThat(v.toJson()).isEqualTo("{\"s\":\"x\",\"n\":42,\"d\":1.50,\"b\":false,\"l\":[1,\"two\"],\"null\":null}");
        Map<?, ?> back = (Map<?, ?>) v.toJava();
        assertThat(back.get("n")).isEqualTo(42L);
        assertThat(back.get("d")).isEqualTo(new BigDecimal("1.50"));
        assertThat(back.get("l")).isEqualTo(List.of(1L, "two"));
        assertThat(back.containsKey("null")).isTrue();
        assertThatThrownBy(() -> JsonValue.of(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonValue.NumberValue("01")).isInstanceOf(IllegalArgumentException.class);
        // an exponent beyond BigDecimal's range would make decimalValue() throw later (found by badges-fuzz)
        assertThatThrownBy(() -> new JsonValue.NumberValue("2E2222222222222222222222"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThat(new JsonValue.NumberValue("1E999999999").decimalValue()).isEqualTo(new BigDecimal("1E999999999"));
        assertThatThrownBy(() -> JsonValue.parse("[1, 2E2222222222222222222222]")).isInstanceOf(BadgeException.class)
                .hasMessageContaining("line 1, column").hasMessageContaining("exponent is too large");
    }

    @Test
    void jacksonTreesConvertWithoutLoss() throws Exception {
        String text = "{\"a\":[1,2.5,3000000000,true,null,\"s\"],\"b\":{}}";
        JsonValue v = JsonValue.parse(text);
        assertThat(JsonCodec.toNode(v)).isEqualTo(Json.parse(text));
        assertThat(JsonCodec.fromNode(Json.parse(text))).isEqualTo(v);
    }

    @Test
    void objectCopiesAreImmutable() throws Exception {
        JsonValue.ObjectValue o = (JsonValue.ObjectValue) JsonValue.parse("{\"a\":1}");
        JsonValue.ObjectValue o2 = o.with("b", JsonValue.TRUE).without("a");
        assertThat(o.toJson()).isEqualTo("{\"a\":1}");
        assertThat(o2.toJson()).isEqualTo("{\"b\":true}");
        assertThatThrownBy(() -> o.members().put("x", JsonValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
    }
}
