package org.reconnaitre.badges.signing.internal.di;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Iterator;
import java.util.Map;

/** Converts a Jackson tree into a Jakarta JSON-P value for Titanium. Internal. Thread-safe. */
public final class JakartaJson {
    private static final JsonProvider JSONP = JsonProvider.provider();

    private JakartaJson() {}

    /** @return the equivalent Jakarta JSON value (numbers keep their exact value) */
    public static JsonValue of(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                JsonObjectBuilder b = JSONP.createObjectBuilder();
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.add(e.getKey(), of(e.getValue()));
                }
                return b.build();
            }
            case ARRAY: {
                JsonArrayBuilder b = JSONP.createArrayBuilder();
                for (JsonNode n : node) {
                    b.add(of(n));
                }
                return b.build();
            }
            case STRING:
                return JSONP.createValue(node.textValue());
            case BOOLEAN:
                return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return JSONP.createValue(node.bigIntegerValue());
                }
                return JSONP.createValue(node.decimalValue());
            default:
                return JsonValue.NULL;
        }
    }
}
