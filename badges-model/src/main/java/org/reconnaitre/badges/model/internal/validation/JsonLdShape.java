package org.reconnaitre.badges.model.internal.validation;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;

/**
 * The part of a document that the JSON-LD check's verdict depends on, as a SHA-256 digest: two
 * documents with the same shape get the same findings, so {@link JsonLdCheck} expands one document
 * per shape and replays its findings for the others (an issuer's badges share one template).
 *
 * <p>The shape keeps every key, the array and object structure, every {@code @context} value, the
 * JSON type of every leaf, and the string values that expansion reads as terms: values of
 * {@code @}-keywords other than {@code @id}/{@code @value}, of the keyword aliases of the bundled
 * contexts ({@code type}, {@code id} is an IRI and is not kept), and of every term that a bundled
 * context types {@code @vocab} ({@code proofPurpose}), and every string that starts with {@code @}
 * (expansion treats keyword-like values specially). Every other string becomes the same
 * placeholder and every number {@code 0}: expansion maps such a leaf to a value object or to an IRI
 * resolved against the base, and neither can be an undefined term. Findings of other kinds (an
 * expansion error, whose message may quote a value) are never remembered. A document with a context that
 * is not a bundled URL (an inline context, or one that only a fetcher serves) has no shape, since
 * it could define new {@code @vocab} terms; it is expanded every time.
 *
 * <p>{@code JsonLdShapeTest} checks the claim on every shared fixture: a copy with every
 * placeholder-able leaf changed gets the same findings from a full expansion.
 */
final class JsonLdShape {
    /** Keys whose string values are kept in the shape. */
    static final Set<String> TERM_VALUED_KEYS = termValuedKeys();

    private static final JsonStringEncoder ENC = JsonStringEncoder.getInstance();

    private JsonLdShape() {}

    /** @return the hex SHA-256 of the document's shape, or {@code null} when it has none */
    static @Nullable String digest(JsonNode doc) {
        StringBuilder sb = new StringBuilder(1024);
        if (!append(doc, false, sb)) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean append(JsonNode node, boolean keepStrings, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                sb.append('{');
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    quote(e.getKey(), sb);
                    sb.append(':');
                    if (e.getKey().equals("@context")) {
                        if (!appendContext(e.getValue(), sb)) {
                            return false;
                        }
                    } else if (!append(e.getValue(), keepsStrings(e.getKey()), sb)) {
                        return false;
                    }
                    sb.append(',');
                }
                sb.append('}');
            }
            case ARRAY -> {
                sb.append('[');
                for (JsonNode v : node) {
                    if (!append(v, keepStrings, sb)) {
                        return false;
                    }
                    sb.append(',');
                }
                sb.append(']');
            }
            case STRING -> {
                if (keepStrings || node.textValue().startsWith("@")) {
                    quote(node.textValue(), sb);
                } else {
                    sb.append('s');
                }
            }
            case NUMBER -> sb.append('0');
            case BOOLEAN -> sb.append(node.booleanValue() ? 't' : 'f');
            default -> sb.append('n');
        }
        return true;
    }

    /** @return whether the string values of this key are kept in the shape */
    static boolean keepsStrings(String key) {
        return key.startsWith("@") ? !key.equals("@id") && !key.equals("@value") : TERM_VALUED_KEYS.contains(key);
    }

    private static boolean appendContext(JsonNode ctx, StringBuilder sb) {
        if (ctx.isTextual() && BundledContexts.isBundled(ctx.textValue())) {
            quote(ctx.textValue(), sb);
            return true;
        }
        if (ctx.isArray()) {
            sb.append('[');
            for (JsonNode c : ctx) {
                if (!c.isTextual() || !BundledContexts.isBundled(c.textValue())) {
                    return false;
                }
                quote(c.textValue(), sb);
                sb.append(',');
            }
            sb.append(']');
            return true;
        }
        return false;
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        ENC.quoteAsString(s, sb);
        sb.append('"');
    }

    /** Keyword aliases and {@code @vocab}-typed terms of every bundled context, scoped ones included. */
    private static Set<String> termValuedKeys() {
        Set<String> keys = new HashSet<>();
        for (String url : BundledContexts.urls()) {
            try {
                collect(Json.parse(BundledContexts.bytes(url)).path("@context"), keys);
            } catch (BadgeException e) {
                throw new IllegalStateException("bundled context " + url + " unreadable", e);
            }
        }
        return Set.copyOf(keys);
    }

    private static void collect(JsonNode ctx, Set<String> keys) {
        if (ctx.isArray()) {
            ctx.forEach(c -> collect(c, keys));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = ctx.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode def = e.getValue();
            if (def.isTextual() && def.textValue().startsWith("@") && !def.textValue().equals("@id")) {
                keys.add(e.getKey());
            } else if (def.isObject()) {
                String id = def.path("@id").asText("");
                if ((id.startsWith("@") && !id.equals("@id")) || def.path("@type").asText("").equals("@vocab")) {
                    keys.add(e.getKey());
                }
                collect(def.path("@context"), keys);
            }
        }
    }
}
