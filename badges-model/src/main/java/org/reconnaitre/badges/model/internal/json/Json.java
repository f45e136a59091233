package org.reconnaitre.badges.model.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.text.TerminalText;

/**
 * The one shared Jackson configuration: bounded sizes and depths for untrusted input, duplicate
 * keys rejected, big decimals kept exact, strings that are Unicode text (no unpaired surrogate,
 * strict UTF-8 for bytes). Internal; not part of the public API.
 */
public final class Json {
    /** Largest JSON document read, in bytes or chars (8 MiB). */
    public static final int MAX_DOCUMENT_LENGTH = 8 * 1024 * 1024;
    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;
    /**
     * Most JSON tokens (each value and property name, and each object or array start and end) in
     * one document: a tree costs some 100 bytes per value, so 8 MiB of {@code {},} would hold over
     * 250 MiB of heap before any later limit is checked, and JSON-LD processing multiplies it. Two
     * hundred thousand tokens are several times what a credential within the default budget of
     * 20,000 RDF statements can have (a CLR with a hundred achievements has some tens of
     * thousands), and keep one verification well under 256 MiB.
     */
    public static final long MAX_TOKENS = 200_000;
    /** Longest string value accepted (a data: URI image can be large). */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(100)
                            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                            .maxTokenCount(MAX_TOKENS)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Writes JSON that a terminal shows as it is: DEL, C1 and format (bidi) characters escaped too. */
    private static final ObjectWriter DISPLAY_WRITER = MAPPER.writer().with(new DisplayEscapes());

    private Json() {}

    /** @return the shared mapper (thread-safe; never reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses untrusted JSON text.
     *
     * @throws BadgeException {@code MALFORMED_JSON} with the line and column of the problem
     */
    public static JsonNode parse(String text) throws BadgeException {
        if (text.length() > MAX_DOCUMENT_LENGTH) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON,
                    "JSON input is larger than " + MAX_DOCUMENT_LENGTH + " characters");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "JSON input is empty");
            }
            requireUnicodeStrings(text);
            return node;
        } catch (JsonProcessingException e) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, describe(e), e);
        } catch (NumberFormatException e) {
            // Jackson binds floats to BigDecimal, which refuses an exponent beyond the int range
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "A number is out of range (its exponent is too large)", e);
        }
    }

    /** Parses untrusted UTF-8 JSON bytes. */
    public static JsonNode parse(byte[] utf8) throws BadgeException {
        if (utf8.length > MAX_DOCUMENT_LENGTH) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON,
                    "JSON input is larger than " + MAX_DOCUMENT_LENGTH + " bytes");
        }
        return parse(utf8(utf8));
    }

    /**
     * Decodes UTF-8 strictly: a malformed sequence (an encoded surrogate, an overlong form, a
     * truncated sequence) is an error rather than a replacement character, so that the text read is
     * exactly the text that was signed.
     *
     * @throws BadgeException {@code MALFORMED_JSON} naming the offset of the first bad byte
     */
    public static String utf8(byte[] bytes) throws BadgeException {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            return new String(bytes, StandardCharsets.ISO_8859_1); // all ASCII: the common, fast case
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON,
                    "Malformed JSON: the input is not valid UTF-8 (byte offset " + in.position() + ")");
        }
        return out.flip().toString();
    }

    /**
     * Refuses a JSON text whose strings (member names or values) are not sequences of Unicode
     * scalar values: an unpaired surrogate, raw or written as an escape such as {@code \}{@code ud800}.
     * JCS, RDFC and UTF-8 cannot represent one faithfully, so what is signed and what is stored
     * would differ. Call it on text that parsed: it then knows exactly where strings are.
     *
     * @throws BadgeException {@code MALFORMED_JSON} with the line and column of the surrogate
     */
    public static void requireUnicodeStrings(String text) throws BadgeException {
        int n = text.length();
        int i = 0;
        // fast path: no escape and no surrogate at all (the common case)
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' || Character.isSurrogate(c)) {
                break;
            }
            i++;
        }
        if (i == n) {
            return;
        }
        boolean inString = false;
        int pendingHigh = -1; // index where an unpaired high surrogate began, or -1
        for (i = 0; i < n; i++) {
            char c = text.charAt(i);
            int unit;
            int start = i;
            if (!inString) {
                if (c == '"') {
                    inString = true;
                }
                continue;
            }
            if (c == '"') {
                if (pendingHigh >= 0) {
                    throw unpaired(text, pendingHigh);
                }
                inString = false;
                continue;
            }
            if (c == '\\') {
                char e = text.charAt(++i);
                if (e != 'u') {
                    if (pendingHigh >= 0) {
                        throw unpaired(text, pendingHigh);
                    }
                    continue;
                }
                unit = Integer.parseInt(text, i + 1, i + 5, 16);
                i += 4;
            } else {
                unit = c;
            }
            if (Character.isHighSurrogate((char) unit)) {
                if (pendingHigh >= 0) {
                    throw unpaired(text, pendingHigh);
                }
                pendingHigh = start;
            } else if (Character.isLowSurrogate((char) unit)) {
                if (pendingHigh < 0) {
                    throw unpaired(text, start);
                }
                pendingHigh = -1;
            } else if (pendingHigh >= 0) {
                throw unpaired(text, pendingHigh);
            }
        }
    }

    private static BadgeException unpaired(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= index || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return new BadgeException(BadgeException.Code.MALFORMED_JSON, "Malformed JSON at line " + line + ", column "
                + column + ": a string holds an unpaired UTF-16 surrogate; JSON strings must be Unicode text"
                + " (a \\ud800-\\udbff escape must be followed by a \\udc00-\\udfff escape, and only then)");
    }

    /**
     * The values of a member that may hold one value or an array of them (JSON-LD's habit).
     *
     * @return the array's elements, or the single value; empty for absent, missing or JSON null
     */
    public static java.util.List<JsonNode> elements(@org.jspecify.annotations.Nullable JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return java.util.List.of();
        }
        java.util.List<JsonNode> out = new java.util.ArrayList<>(value.isArray() ? value.size() : 1);
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    /** Serialises compactly. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /**
     * Serialises compactly for people to read on a terminal (reports): valid JSON whose DEL, C1,
     * bidi and other format characters are written as {@code \}{@code uXXXX} escapes, as controls always
     * are, so that printing it cannot rewrite the screen.
     */
    public static String writeForDisplay(JsonNode node) {
        try {
            return DISPLAY_WRITER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** @return a JSON string literal for {@code s}, escaped as {@link #writeForDisplay} does */
    public static String stringForDisplay(String s) {
        try {
            return DISPLAY_WRITER.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a string", e);
        }
    }

    /** Serialises with indentation. */
    public static String writePretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** Standard JSON escapes plus DEL, C1 and the characters {@link TerminalText} finds unsafe. */
    private static final class DisplayEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        DisplayEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7F] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @org.jspecify.annotations.Nullable SerializableString getEscapeSequence(int ch) {
            if (!TerminalText.isUnsafe(ch) || Character.isSurrogate((char) ch)) {
                return null;
            }
            return new SerializedString(TerminalText.escape(String.valueOf((char) ch)));
        }
    }

    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        return "Malformed JSON" + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
                + ": " + (msg == null ? e.getClass().getSimpleName() : msg);
    }
}
