package org.reconnaitre.badges.model.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.internal.json.Json;

/** Small readers over Jackson trees shared by the checks. */
final class Nodes {
    static final String VC2 = "https://www.w3.org/ns/credentials/v2";
    static final String VC1 = "https://www.w3.org/2018/credentials/v1";
    static final Pattern OB3_CONTEXT = Pattern.compile(
            "^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.\\d+\\.\\d+)?\\.json$"
                    + "|^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context/ob_v3p0\\.jsonld$");
    static final Pattern CLR_CONTEXT = Pattern.compile(
            "^https://purl\\.imsglobal\\.org/spec/clr/v2p0/context(-2\\.\\d+\\.\\d+)?\\.json$");

    private Nodes() {}

    /** @return the {@code type} (or {@code @type}) strings of an object, in order */
    static Set<String> types(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode t = typeNode(node);
        if (t.isTextual()) {
            out.add(t.asText());
        } else if (t.isArray()) {
            for (JsonNode e : t) {
                if (e.isTextual()) {
                    out.add(e.asText());
                }
            }
        }
        return out;
    }

    /** @return the name of the type property used ({@code type} or {@code @type}) */
    static String typeKey(JsonNode node) {
        return node.has("type") || !node.has("@type") ? "type" : "@type";
    }

    static JsonNode typeNode(JsonNode node) {
        return node.has("type") ? node.path("type") : node.path("@type");
    }

    /** @return the string entries of {@code @context} (nulls where an entry is not a string) */
    static List<String> contextUrls(JsonNode node) {
        List<String> out = new ArrayList<>();
        JsonNode c = node.path("@context");
        if (c.isTextual()) {
            out.add(c.asText());
        } else if (c.isArray()) {
            for (JsonNode e : c) {
                out.add(e.isTextual() ? e.asText() : "");
            }
        }
        return out;
    }

    /**
     * @return the elements of a value that may be a single value or an array; unlike
     *     {@link Json#elements}, a JSON null counts as one (invalid) value, so the rules can report it
     */
    static List<JsonNode> elements(JsonNode value) {
        return value.isNull() ? List.of(value) : Json.elements(value);
    }

    /** @return the pointer of element {@code i} of {@code key}, without index for a single value */
    static String elementPointer(String parent, String key, JsonNode value, int i) {
        String p = Pointers.child(parent, key);
        return value.isArray() ? Pointers.child(p, i) : p;
    }

    /** @return whether the text is an absolute URI (RFC 3986: a scheme and a valid syntax) */
    static boolean isAbsoluteUri(String s) {
        if (s.isEmpty() || s.chars().anyMatch(ch -> ch <= 0x20)) {
            return false;
        }
        try {
            URI u = new URI(s);
            return u.isAbsolute() && u.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]*");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** @return a short description of a JSON value's kind, for messages */
    static String describe(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String s = v.asText();
            return "\"" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "\"";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return v.toString();
    }
}
