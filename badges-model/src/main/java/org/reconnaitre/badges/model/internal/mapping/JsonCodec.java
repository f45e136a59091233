package org.reconnaitre.badges.model.internal.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.JsonValue;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * Reads and writes {@link JsonValue} trees in one streaming pass, with the shared, bounded Jackson
 * factory of {@link Json} (same size, depth, string-length and duplicate-key rules as
 * {@link Json#parse(String)}; strings must be Unicode text, see
 * {@link Json#requireUnicodeStrings}). Numbers keep their lexical form. Also converts to and from Jackson
 * trees for internal callers (schema validation, JSON-LD). Internal; not part of the API.
 */
public final class JsonCodec {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final JsonFactory FACTORY = Json.mapper().getFactory();
    private static final JsonNodeFactory NODES = Json.mapper().getNodeFactory();

    private JsonCodec() {}

    /**
     * @return whether a JSON number has an exact {@link BigDecimal} value (its exponent fits its
     *     range), as {@link Json#parse(String)} and every numeric accessor need
     */
    public static boolean inRange(String lexical) {
        if (lexical.indexOf('e') < 0 && lexical.indexOf('E') < 0) {
            return true;
        }
        try {
            new BigDecimal(lexical);
            return true;
        } catch (NumberFormatException outOfRange) {
            return false;
        }
    }

    /** @return whether the text is a JSON number */
    public static boolean isNumber(String lexical) {
        return NUMBER.matcher(lexical).matches();
    }

    /**
     * Parses untrusted JSON text.
     *
     * @throws BadgeException {@code MALFORMED_JSON} naming the line and column of the problem
     */
    public static JsonValue parse(String text) throws BadgeException {
        if (text.length() > Json.MAX_DOCUMENT_LENGTH) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON,
                    "JSON input is larger than " + Json.MAX_DOCUMENT_LENGTH + " characters");
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "JSON input is empty");
            }
            JsonValue v = read(p, t);
            if (p.nextToken() != null) {
                throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "Malformed JSON at line "
                        + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr()
                        + ": trailing content after the JSON value");
            }
            Json.requireUnicodeStrings(text);
            return v;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "Malformed JSON"
                    + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
                    + ": " + (msg == null ? e.getClass().getSimpleName() : msg), e);
        } catch (IOException e) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "Unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static JsonValue read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    members.put(name, read(p, p.nextToken()));
                }
                expect(p, n, JsonToken.END_OBJECT);
                return new JsonValue.ObjectValue(members);
            }
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (n == null) {
                        expect(p, null, JsonToken.END_ARRAY);
                    }
                    elements.add(read(p, n));
                }
                return new JsonValue.ArrayValue(elements);
            }
            case VALUE_STRING:
                return new JsonValue.StringValue(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                try {
                    return new JsonValue.NumberValue(p.getText());
                } catch (IllegalArgumentException outOfRange) {
                    // the parser only gives well-formed numbers: the record refused the exponent
                    throw new com.fasterxml.jackson.core.JsonParseException(p, outOfRange.getMessage());
                }
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new JsonProcessingException("Unexpected token " + t, p.currentLocation()) {};
        }
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken want) throws IOException {
        if (got != want) {
            throw new JsonProcessingException("Expected " + want + " but found " + got, p.currentLocation()) {};
        }
    }

    /** Serialises a value, compactly or indented. */
    public static String write(JsonValue value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            write(g, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonValue v) throws IOException {
        if (v instanceof JsonValue.ObjectValue o) {
            g.writeStartObject();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof JsonValue.ArrayValue a) {
            g.writeStartArray();
            for (JsonValue e : a.elements()) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof JsonValue.StringValue s) {
            g.writeString(s.value());
        } else if (v instanceof JsonValue.NumberValue n) {
            g.writeNumber(n.lexical());
        } else if (v instanceof JsonValue.BooleanValue b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }

    /** Converts to a Jackson tree equal to what {@link Json#parse(String)} gives for the same text. */
    public static JsonNode toNode(JsonValue v) {
        if (v instanceof JsonValue.ObjectValue o) {
            ObjectNode node = NODES.objectNode();
            o.members().forEach((k, e) -> node.set(k, toNode(e)));
            return node;
        }
        if (v instanceof JsonValue.ArrayValue a) {
            ArrayNode node = NODES.arrayNode(a.elements().size());
            a.elements().forEach(e -> node.add(toNode(e)));
            return node;
        }
        if (v instanceof JsonValue.StringValue s) {
            return NODES.textNode(s.value());
        }
        if (v instanceof JsonValue.NumberValue n) {
            if (n.isIntegral()) {
                BigInteger i = new BigInteger(n.lexical());
                int bits = i.bitLength();
                return bits < 32 ? NODES.numberNode(i.intValue())
                        : bits < 64 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
            }
            return NODES.numberNode(new BigDecimal(n.lexical()));
        }
        if (v instanceof JsonValue.BooleanValue b) {
            return NODES.booleanNode(b.value());
        }
        return NODES.nullNode();
    }

    /** Converts a Jackson tree (numbers lose their original lexical form beyond their value). */
    public static JsonValue fromNode(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                members.put(e.getKey(), fromNode(e.getValue()));
            }
            return new JsonValue.ObjectValue(members);
        }
        if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>(node.size());
            node.forEach(e -> elements.add(fromNode(e)));
            return new JsonValue.ArrayValue(elements);
        }
        if (node.isTextual()) {
            return new JsonValue.StringValue(node.textValue());
        }
        if (node.isIntegralNumber()) {
            return new JsonValue.NumberValue(node.bigIntegerValue().toString());
        }
        if (node.isNumber()) {
            String s = node.decimalValue().toString();
            return new JsonValue.NumberValue(s.contains(".") || s.contains("E") ? s : s + ".0");
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return JsonValue.NULL;
    }
}
