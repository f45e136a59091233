package org.reconnaitre.badges.model.internal.validation;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.internal.jsonld.BoundedJson;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.model.internal.jsonld.Deadline;

/**
 * Expands the document with Titanium and the bundled contexts, and reports every property and type
 * the contexts do not define, with its JSON Pointer.
 *
 * <p>How: the expansion starts from an active context whose {@code @vocab} is a sentinel IRI, so a
 * term that expansion would otherwise drop comes out as {@code sentinel + term}; and each node
 * object of a copy of the input carries its own JSON Pointer under a reserved absolute-IRI key,
 * which expansion keeps, so every sentinel found in the output is traced back to the place it came
 * from. Contexts that set their own {@code @vocab} (the VC 2.0 context does) define every term by
 * design, which matches what a JSON-LD processor in safe mode accepts.
 *
 * <p>Expansion costs about a millisecond per credential, ten times a signature check. Findings only
 * depend on the document's {@link JsonLdShape shape}, so a check remembers the findings of the last
 * {@value #MEMO_SIZE} shapes it expanded (digest → findings, bounded LRU) and replays them for
 * another document of the same shape — the common case of an issuer's badges made from one
 * template. Thread-safe.
 */
final class JsonLdCheck {
    static final String SENTINEL = "urn:reconnaitre:undefined-term:";
    static final String POINTER_KEY = "urn:reconnaitre:json-pointer";
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "sub", "jti", "nbf", "exp", "iat", "aud");
    private static final JsonObject EXPAND_CONTEXT = Json.createObjectBuilder().add("@vocab", SENTINEL).build();

    /** Wall-clock limit of one document's expansion; past it the document gets a JSONLD-INVALID finding. */
    static final java.time.Duration EXPANSION_TIMEOUT = java.time.Duration.ofSeconds(10);
    private static final java.util.regex.Pattern KEYWORD_FORM = java.util.regex.Pattern.compile("@[A-Za-z]+");
    private static final java.util.regex.Pattern ABSOLUTE_IRI = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** Shapes remembered per check (each holds a digest and a short list of findings). */
    static final int MEMO_SIZE = 512;

    private final Optional<Fetcher> fetcher;
    private final boolean jwtPayload;
    private final @Nullable ShapeMemo memo;

    JsonLdCheck(Optional<Fetcher> fetcher, boolean jwtPayload, boolean memoize) {
        this.fetcher = fetcher;
        this.jwtPayload = jwtPayload;
        this.memo = memoize ? new ShapeMemo() : null;
    }

    /** A bounded, synchronized LRU map from shape digest to findings. */
    private static final class ShapeMemo {
        private final Map<String, List<Finding>> map = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Finding>> eldest) {
                return size() > MEMO_SIZE;
            }
        };

        synchronized @Nullable List<Finding> get(String shape) {
            return map.get(shape);
        }

        synchronized void put(String shape, List<Finding> findings) {
            map.put(shape, findings);
        }
    }

    void check(JsonNode doc, Findings out) {
        if (!doc.isObject()) {
            return;
        }
        String tooMuch = org.reconnaitre.badges.model.internal.jsonld.InlineContexts.check(doc);
        if (tooMuch != null) {
            out.add(Rule.JSONLD_INVALID, "", "the document was not processed as JSON-LD: " + tooMuch
                    + " (a bound that keeps verification fast; credentials take their vocabulary from published contexts)");
            return;
        }
        if (!contextsAvailable(doc, "", out)) {
            return;
        }
        String shape = memo == null ? null : JsonLdShape.digest(doc);
        if (shape == null) {
            expandAndWalk(doc, out);
            return;
        }
        List<Finding> known = memo.get(shape);
        if (known == null) {
            Findings fresh = new Findings(Set.of());
            expandAndWalk(doc, fresh);
            known = fresh.list();
            if (known.stream().allMatch(f -> f.rule() == Rule.JSONLD_UNDEFINED_TERM || f.rule() == Rule.JSONLD_UNDEFINED_TYPE)) {
                memo.put(shape, List.copyOf(known));
            }
        }
        for (Finding f : known) {
            out.add(f.rule(), f.severity(), f.path(), f.message());
        }
    }

    private void expandAndWalk(JsonNode doc, Findings out) {
        ObjectNode marked = doc.deepCopy();
        mark(marked, "");
        JsonArray expanded;
        try {
            expanded = expand(marked);
        } catch (JsonLdError marking) {
            // A pointer marker can only upset expansion inside a language or index map that an inline
            // context declares; retry unmarked, so the verdict never depends on the markers (the
            // findings then lose their precise location).
            try {
                expanded = expand(doc);
            } catch (JsonLdError e) {
                report(e, out);
                return;
            } catch (Deadline.Exceeded e) {
                timedOut(e, out);
                return;
            } catch (RuntimeException e) {
                processorFailure(doc, e, out);
                return;
            }
        } catch (Deadline.Exceeded e) {
            timedOut(e, out);
            return;
        } catch (RuntimeException e) {
            processorFailure(doc, e, out);
            return;
        }
        walk(expanded, "", doc, out);
    }

    /**
     * A verification running on this thread ran out of time: its deadline governs, so the
     * verifier reports it (rethrown); a standalone validation gets a finding instead.
     */
    private static void timedOut(Deadline.Exceeded e, Findings out) {
        if (Deadline.active()) {
            throw e;
        }
        out.add(Rule.JSONLD_INVALID, "", "JSON-LD expansion stopped after " + EXPANSION_TIMEOUT.toSeconds()
                + " s: the document is too complex");
    }

    private JsonArray expand(JsonNode doc) throws JsonLdError {
        // a deadline-checking view of the tree (Titanium's own timeout is not checked inside context processing)
        long deadline = Deadline.within(EXPANSION_TIMEOUT);
        JsonDocument input = JsonDocument.of(MediaType.JSON_LD, (JsonStructure) BoundedJson.of(doc, deadline));
        JsonLdOptions options = fetcher.map(f -> BundledContexts.withFallback(f).newOptions())
                .orElseGet(BundledContexts::options);
        options.setExpandContext(EXPAND_CONTEXT);
        // a backstop: Titanium checks it between nodes only
        options.setTimeout(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        // only reachable when a context resets @vocab to null (the sentinel catches the rest)
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        try {
            return JsonLd.expand(input).options(options).get();
        } catch (JsonLdError e) {
            if (e.getCode() == JsonLdErrorCode.PROCESSING_TIMEOUT_EXCEEDED) {
                throw new Deadline.Exceeded("JSON-LD expansion stopped at the deadline");
            }
            throw e;
        }
    }

    /**
     * The processor failed without a JSON-LD error code. The one known cause is a string in the
     * form of a keyword ({@code "@foo"}) where an IRI is expected: JSON-LD 1.1 IRI expansion turns
     * it into null, which Titanium does not survive; other processors drop the value. Either way the
     * value would be lost, so it is an error, reported at the value when one can be found.
     */
    private static void processorFailure(JsonNode doc, RuntimeException e, Findings out) {
        String at = keywordLikeValue(doc, "");
        if (at != null) {
            out.add(Rule.JSONLD_INVALID, at, "the value " + doc.at(at) + " has the form of a JSON-LD keyword where"
                    + " an IRI or a value is expected; JSON-LD processors drop or reject it");
        } else {
            out.add(Rule.JSONLD_INVALID, "", "the JSON-LD processor could not expand this document ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** @return the pointer of the first string value (not in a {@code @context}) of the form {@code @1*ALPHA} */
    private static @Nullable String keywordLikeValue(JsonNode node, String ptr) {
        if (node.isTextual()) {
            return KEYWORD_FORM.matcher(node.asText()).matches() ? ptr : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = keywordLikeValue(node.get(i), Pointers.child(ptr, i));
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().equals("@context") && !e.getKey().equals("@type") && !e.getKey().equals("type")) {
                    String found = keywordLikeValue(e.getValue(), Pointers.child(ptr, e.getKey()));
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static void report(JsonLdError e, Findings out) {
        String msg = e.getMessage() == null ? e.getCode().toMessage() : e.getMessage();
        if (e.getCode() == JsonLdErrorCode.UNDEFINED_TERM) {
            out.add(Rule.JSONLD_UNDEFINED_TERM, "", "a property or type is not defined by the document's @context "
                    + "(a context resets @vocab to null): " + msg);
        } else if (e.getCode() == JsonLdErrorCode.LOADING_DOCUMENT_FAILED
                || e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
            out.add(Rule.JSONLD_CONTEXT_UNAVAILABLE, "", "a JSON-LD context could not be loaded: " + msg);
        } else {
            out.add(Rule.JSONLD_INVALID, "", "JSON-LD expansion failed (" + e.getCode() + "): " + msg);
        }
    }

    /** Reports every context URL that is neither bundled nor left to the caller's fetcher. */
    private boolean contextsAvailable(JsonNode node, String ptr, Findings out) {
        boolean ok = true;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                String p = Pointers.child(ptr, e.getKey());
                if (e.getKey().equals("@context")) {
                    ok &= contextEntriesAvailable(e.getValue(), p, out);
                } else {
                    ok &= contextsAvailable(e.getValue(), p, out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ok &= contextsAvailable(node.get(i), Pointers.child(ptr, i), out);
            }
        }
        return ok;
    }

    private boolean contextEntriesAvailable(JsonNode ctx, String p, Findings out) {
        if (ctx.isArray()) {
            boolean ok = true;
            for (int i = 0; i < ctx.size(); i++) {
                ok &= contextEntriesAvailable(ctx.get(i), Pointers.child(p, i), out);
            }
            return ok;
        }
        if (ctx.isTextual() && fetcher.isEmpty() && !BundledContexts.isBundled(ctx.asText())) {
            out.add(Rule.JSONLD_CONTEXT_UNAVAILABLE, p, "JSON-LD context " + ctx.asText()
                    + " is not bundled with Reconnaître and no fetcher was configured to load it");
            return false;
        }
        return true;
    }

    /** Adds each node object's JSON Pointer under {@link #POINTER_KEY}. */
    private static void mark(JsonNode node, String ptr) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                mark(node.get(i), Pointers.child(ptr, i));
            }
            return;
        }
        if (!node.isObject() || node.has("@value") || node.has("@list") || node.has("@set")) {
            if (node.isObject() && (node.has("@list") || node.has("@set"))) {
                JsonNode inner = node.has("@list") ? node.get("@list") : node.get("@set");
                mark(inner, Pointers.child(ptr, node.has("@list") ? "@list" : "@set"));
            }
            return;
        }
        ObjectNode obj = (ObjectNode) node;
        List<String> names = new java.util.ArrayList<>();
        obj.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!name.equals("@context")) {
                mark(obj.get(name), Pointers.child(ptr, name));
            }
        }
        obj.put(POINTER_KEY, ptr);
    }

    private void walk(JsonValue value, String ptr, JsonNode original, Findings out) {
        if (value instanceof JsonArray arr) {
            for (JsonValue v : arr) {
                walk(v, ptr, original, out);
            }
            return;
        }
        if (!(value instanceof JsonObject obj) || obj.containsKey("@value")) {
            return;
        }
        if (obj.containsKey("@list")) {
            walk(obj.get("@list"), ptr, original, out);
            return;
        }
        String here = pointerOf(obj).orElse(null);
        if (here == null && obj.get("@id") instanceof JsonString id && id.getString().startsWith(SENTINEL)) {
            out.add(Rule.JSONLD_UNDEFINED_TERM, ptr, "the value \"" + id.getString().substring(SENTINEL.length())
                    + "\" is used as a term but no @context defines it (relative object reference)");
        }
        String node = here == null ? ptr : here;
        for (Map.Entry<String, JsonValue> e : obj.entrySet()) {
            String key = e.getKey();
            if (key.equals(POINTER_KEY)) {
                continue;
            }
            if (key.equals("@type")) {
                undefinedTypes(e.getValue(), node, original, out);
            } else if (undefined(key)) {
                String term = key.startsWith(SENTINEL) ? key.substring(SENTINEL.length()) : key;
                if (jwtPayload && node.isEmpty() && JWT_CLAIMS.contains(term)) {
                    continue;
                }
                out.add(Rule.JSONLD_UNDEFINED_TERM, Pointers.child(node, term), "property \"" + term
                        + "\" is not defined by the document's @context; JSON-LD expansion would drop it");
            } else {
                walk(e.getValue(), node, original, out);
            }
        }
    }

    private static Optional<String> pointerOf(JsonObject obj) {
        if (obj.get(POINTER_KEY) instanceof JsonArray a && !a.isEmpty()
                && a.get(0) instanceof JsonObject v && v.get("@value") instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        return Optional.empty();
    }

    private static void undefinedTypes(JsonValue types, String node, JsonNode original, Findings out) {
        if (!(types instanceof JsonArray arr)) {
            return;
        }
        for (JsonValue t : arr) {
            if (t instanceof JsonString s && undefined(s.getString())) {
                String term = s.getString().startsWith(SENTINEL) ? s.getString().substring(SENTINEL.length()) : s.getString();
                out.add(Rule.JSONLD_UNDEFINED_TYPE, typePointer(original, node, term), "type \"" + term
                        + "\" is not defined by the document's @context and is not an absolute URL");
            }
        }
    }

    /**
     * Whether an expanded IRI stands for a term no context defines: it carries the sentinel
     * vocabulary, or it is relative. Titanium also vocab-expands an IRI that has a scheme but is not
     * valid RFC 3987 (e.g. two '#'), which JSON-LD processors treat as absolute: not reported here.
     */
    private static boolean undefined(String iri) {
        if (iri.startsWith(SENTINEL)) {
            return !isAbsolute(iri.substring(SENTINEL.length()));
        }
        return !isAbsolute(iri) && !iri.startsWith("@");
    }

    private static boolean isAbsolute(String iri) {
        // JSON-LD's notion: a scheme followed by ':' (stricter RFC 3986 syntax is ID-URI's business)
        return iri.startsWith("_:") || ABSOLUTE_IRI.matcher(iri).find();
    }

    private static String typePointer(JsonNode original, String node, String term) {
        JsonNode n = original.at(node);
        if (!n.isObject()) {
            return node;
        }
        String key = Nodes.typeKey(n);
        JsonNode t = n.path(key);
        String p = Pointers.child(node, key);
        if (t.isArray()) {
            for (int i = 0; i < t.size(); i++) {
                if (term.equals(t.get(i).asText())) {
                    return Pointers.child(p, i);
                }
            }
        }
        return p;
    }
}
