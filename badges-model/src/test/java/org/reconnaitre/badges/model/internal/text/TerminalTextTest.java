package org.reconnaitre.badges.model.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;

/** What a terminal shows (issue #12 class 8): controls, DEL, C1 and bidi/format characters are escaped. */
class TerminalTextTest {
    private static final String BS = "\\";

    @Test
    void everyControlAndFormatCharacterBecomesAVisibleEscape() {
        for (int cp : new int[] {0x00, 0x07, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
                0x061C, 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                0x2028, 0x2029, 0xFEFF, 0x00AD}) {
            String s = "a" + new String(Character.toChars(cp)) + "b";
            String escaped = TerminalText.escape(s);
            assertThat(escaped).as(Integer.toHexString(cp)).isEqualTo("a" + BS + String.format("u%04x", cp) + "b");
            assertThat(TerminalText.isUnsafe(cp)).isTrue();
        }
        // a supplementary format character (a tag) is escaped as its two UTF-16 units
        assertThat(TerminalText.escape("x\uDB40\uDC01")).isEqualTo("x" + BS + "udb40" + BS + "udc01");
        // a lone surrogate cannot be printed faithfully
        assertThat(TerminalText.escape("x\uD800y")).isEqualTo("x" + BS + "ud800y");
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "Université Paris-Saclay — Ω 漢字 \uD83D\uDE00 did:web:example.org#key-1 \"quoted\" " + BS + "n";
        assertThat(TerminalText.escape(text)).isSameAs(text);
        for (int cp = 0x20; cp < 0x7F; cp++) {
            assertThat(TerminalText.isUnsafe(cp)).isFalse();
        }
        assertThat(TerminalText.isUnsafe(0xA0)).isFalse();
        assertThat(TerminalText.isUnsafe('é')).isFalse();
    }

    @Test
    void anEscSequenceCannotEraseALine() {
        String issuer = "did:web:evil.example\u001b[2K\r\u001b[32mVALID\u202e";
        String shown = TerminalText.escape(issuer);
        assertThat(shown).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u202e")
                .contains(BS + "u001b[2K" + BS + "u000d").contains(BS + "u202e");
    }

    @Test
    void jsonTextKeepsItsMeaning() throws Exception {
        String doc = "{\r\n  \"name\": \"a\u202eb\u0085c\u007f\",\n\t\"n\": 1\r}";
        String shown = TerminalText.escapeJsonText(doc);
        assertThat(shown).doesNotContain("\u202e").doesNotContain("\u0085").doesNotContain("\u007f")
                .doesNotContain("\r}");
        assertThat(Json.parse(shown)).isEqualTo(Json.parse(doc));
        // escapes already in the text are kept, including an escaped quote
        String quoted = "[\"x" + BS + "\"\u202e\"]";
        assertThat(Json.parse(TerminalText.escapeJsonText(quoted))).isEqualTo(Json.parse(quoted));
        // controls that JSON forbids raw are shown, not kept
        assertThat(TerminalText.escapeJsonText("\"a\u001bb\"")).isEqualTo("\"a" + BS + "u001bb\"");
        String plain = "eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln";
        assertThat(TerminalText.escapeJsonText(plain)).isSameAs(plain);
    }

    @Test
    void jsonForDisplayEscapesDelC1AndBidiAndStaysValid() throws Exception {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("issuer", "x\u001b[2K\ry\u007f\u0085\u202e\u2066z\u00e9\uD83D\uDE00");
        String json = Json.writeForDisplay(node);
        assertThat(json).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u007f")
                .doesNotContain("\u0085").doesNotContain("\u202e").doesNotContain("\u2066")
                .contains("é").contains("\uD83D\uDE00");
        JsonNode back = Json.parse(json);
        assertThat(back).isEqualTo(node);
        assertThat(Json.stringForDisplay("a\u202eb")).isEqualTo("\"a" + BS + "u202eb\"");
    }
}
