package org.reconnaitre.badges.model.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.JsonValue;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.model.internal.mapping.JsonCodec;

/**
 * Strings are Unicode scalar values (issue #22 §4): both JSON parsers refuse an unpaired
 * surrogate, escaped or raw, in a value or a member name, with a located MALFORMED_JSON error;
 * pairs stay fine.
 */
class UnicodeStringsTest {
    private static final String BS = "\\";

    /** Texts whose strings hold an unpaired surrogate, with where it starts (line, column). */
    private static final List<Object[]> UNPAIRED = List.of(
            new Object[] {"{\"name\":\"a" + BS + "ud800\"}", 1, 11},
            new Object[] {"{\"name\":\"" + BS + "udc00x\"}", 1, 10},
            new Object[] {"{\"name\":\"" + BS + "uD83D" + BS + "u0041\"}", 1, 10},
            new Object[] {"{\"name\":\"" + BS + "ud83d\"}", 1, 10},
            new Object[] {"{\"name\":\"" + BS + "ud83d" + BS + "ud83d" + BS + "ude00\"}", 1, 10},
            new Object[] {"{\"name\":\"" + BS + "ud83d" + BS + "n\"}", 1, 10},
            new Object[] {"{\n  \"" + BS + "ud800\": 1}", 2, 0}, // a name: Jackson itself refuses it, located
            new Object[] {"{\"" + "\udbff" + "\":1}", 1, 3},
            new Object[] {"[\"ok\",\r\n \"x" + "\ud800" + "\"]", 2, 4},
            new Object[] {"[\"" + "\udc00" + "\"]", 1, 3});

    @Test
    void bothParsersRefuseAnUnpairedSurrogateWithItsLocation() {
        for (Object[] c : UNPAIRED) {
            String text = (String) c[0];
            String where = "at line " + c[1] + ", column " + ((int) c[2] == 0 ? "" : c[2] + ":");
            assertThatThrownBy(() -> Json.parse(text)).as("Json.parse " + text)
                    .isInstanceOf(BadgeException.class)
                    .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_JSON))
                    .hasMessageContaining(where).hasMessageContaining("surrogate");
            assertThatThrownBy(() -> JsonCodec.parse(text)).as("JsonCodec.parse " + text)
                    .isInstanceOf(BadgeException.class)
                    .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_JSON))
                    .hasMessageContaining(where).hasMessageContaining("surrogate");
        }
    }

    @Test
    void pairedSurrogatesEscapedOrRawAreText() throws Exception {
        String escaped = "{\"name\":\"smile " + BS + "ud83d" + BS + "ude00\",\"" + BS + "uD83D" + BS + "uDE00\":1}";
        assertThat(Json.parse(escaped).path("name").asText()).isEqualTo("smile \uD83D\uDE00");
        assertThat(JsonCodec.parse(escaped)).isEqualTo(JsonValue.parse("{\"name\":\"smile \uD83D\uDE00\",\"\uD83D\uDE00\":1}"));
        String raw = "{\"name\":\"\uD83D\uDE00\"}";
        assertThat(Json.parse(raw.getBytes(StandardCharsets.UTF_8)).path("name").asText()).isEqualTo("\uD83D\uDE00");
        // an escaped backslash before "ud800" is not an escape of a surrogate
        assertThat(Json.parse("[\"" + BS + BS + "ud800\"]").get(0).asText()).isEqualTo(BS + "ud800");
        assertThat(((JsonValue.ArrayValue) JsonCodec.parse("[\"" + BS + BS + "ud800\"]")).elements()).containsExactly(JsonValue.of(BS + "ud800"));
    }

    @Test
    void thePublicEntryPointsRefuseItToo() {
        String text = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
                + "\"issuer\":\"https://example.org/" + BS + "udbff\",\"credentialSubject\":{}}";
        assertThatThrownBy(() -> JsonValue.parse(text)).isInstanceOf(BadgeException.class).hasMessageContaining("unpaired");
        assertThat(Validator.standard().validate(text).isValid()).isFalse();
        assertThat(Validator.standard().validate(text).findings().get(0).message()).contains("unpaired");
    }

    @Test
    void bytesMustBeStrictUtf8() {
        byte[] cesuSurrogate = {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'};
        assertThatThrownBy(() -> Json.parse(cesuSurrogate)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("not valid UTF-8").hasMessageContaining("byte offset 2");
        byte[] overlong = {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'};
        assertThatThrownBy(() -> Json.parse(overlong)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("not valid UTF-8");
        byte[] truncated = {'[', '"', 'a', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> Json.parse(truncated)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("not valid UTF-8");
    }
}
