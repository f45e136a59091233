package org.reconnaitre.badges.model.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.reconnaitre.badges.model.BadgeException;

/**
 * The one shared Jackson configuration: bounded sizes and depths for untrusted input, duplicate
 * keys rejected, big decimals kept exact. Internal; not part of the public API.
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
        return parse(new String(utf8, StandardCharsets.UTF_8));
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

    /** Serialises with indentation. */
    public static String writePretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        return "Malformed JSON" + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
                + ": " + (msg == null ? e.getClass().getSimpleName() : msg);
    }
}
