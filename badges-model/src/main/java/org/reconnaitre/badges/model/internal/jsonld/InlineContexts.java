package org.reconnaitre.badges.model.internal.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Bounds on what the inline ({@code @context} objects written in the document itself) contexts of
 * one document may define, checked before any JSON-LD processing. A JSON-LD processor applies a
 * property- or type-scoped context again at every use of its term, so a few kilobytes of context
 * used many times cost minutes; credentials issued in practice define a handful of terms inline, if
 * any (their vocabulary comes from the published contexts, which are bundled). The limits are
 * totals over every inline context of the document: the top-level one, those of nested nodes and
 * of proofs, and scoped contexts inside term definitions. Internal. Thread-safe (stateless).
 */
public final class InlineContexts {
    /** Most term definitions all inline contexts of a document may hold. */
    public static final int MAX_TERMS = 256;
    /** Most scoped contexts (an {@code @context} inside a term definition) in all inline contexts. */
    public static final int MAX_SCOPED_CONTEXTS = 16;
    /** Deepest nesting of a scoped context inside another one's term definition. */
    public static final int MAX_NESTING = 4;
    /** Most inline context objects (each {@code @context} object, scoped ones included). */
    public static final int MAX_CONTEXT_OBJECTS = 64;

    private InlineContexts() {}

    private static final class Count {
        int terms;
        int scoped;
        int objects;
        @Nullable String problem;
    }

    /**
     * @param document a JSON-LD document
     * @return null when within the limits, else a sentence saying which bound was hit
     */
    public static @Nullable String check(JsonNode document) {
        Count c = new Count();
        walk(document, c, 0);
        return c.problem;
    }

    private static void walk(JsonNode node, Count c, int depth) {
        if (c.problem != null || depth > 256) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                walk(n, c, depth + 1);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("@context")) {
                    context(e.getValue(), c, 0);
                } else {
                    walk(e.getValue(), c, depth + 1);
                }
                if (c.problem != null) {
                    return;
                }
            }
        }
    }

    private static void context(JsonNode ctx, Count c, int nesting) {
        if (ctx.isArray()) {
            for (JsonNode entry : ctx) {
                context(entry, c, nesting);
                if (c.problem != null) {
                    return;
                }
            }
            return;
        }
        if (!ctx.isObject()) {
            return; // a URL (bundled or fetched) or null
        }
        if (nesting > MAX_NESTING) {
            c.problem = "its inline JSON-LD contexts nest scoped contexts more than " + MAX_NESTING + " levels deep";
            return;
        }
        if (++c.objects > MAX_CONTEXT_OBJECTS) {
            c.problem = "it has more than " + MAX_CONTEXT_OBJECTS + " inline JSON-LD context objects";
            return;
        }
        for (Map.Entry<String, JsonNode> e : ctx.properties()) {
            if (e.getKey().startsWith("@")) {
                continue; // @vocab, @base, @version, @protected, @import, @language, @direction, @propagate
            }
            if (++c.terms > MAX_TERMS) {
                c.problem = "its inline JSON-LD contexts define more than " + MAX_TERMS + " terms";
                return;
            }
            JsonNode scoped = e.getValue().isObject() ? e.getValue().get("@context") : null;
            if (scoped != null && !scoped.isNull()) {
                if (++c.scoped > MAX_SCOPED_CONTEXTS) {
                    c.problem = "its inline JSON-LD contexts define more than " + MAX_SCOPED_CONTEXTS
                            + " property- or type-scoped contexts";
                    return;
                }
                context(scoped, c, nesting + 1);
                if (c.problem != null) {
                    return;
                }
            }
        }
    }
}
