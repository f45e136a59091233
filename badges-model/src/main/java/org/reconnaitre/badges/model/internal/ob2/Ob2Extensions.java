package org.reconnaitre.badges.model.internal.ob2;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;

/**
 * Validates the Open Badges 2.0 extension nodes of a document: every object whose {@code type}
 * includes {@code Extension} is matched with the {@code obi:validation} entries of its extension
 * context(s) (an entry names the type it validates and a JSON Schema), compacted with the OB 2.0
 * context plus that extension context (so {@code http://schema.org/text} becomes the extension's
 * {@code exampleProperty}), and validated against the schema.
 *
 * <p>Contexts and schemas come only from the bundled copies or the caller's {@link Fetcher}; a
 * context or schema that cannot be obtained leaves the node {@link Outcome#UNCHECKED} with the
 * reason. Bounded: at most {@value #MAX_NODES} extension nodes per document, contexts and schemas
 * of at most {@value #MAX_RESOURCE_BYTES} bytes, schemas nested at most {@value #MAX_SCHEMA_DEPTH}
 * levels, extension nodes of at most {@value #MAX_NODE_CHARS} characters, compacted within
 * {@link #COMPACTION_TIMEOUT} each (a node that takes longer fails with the reason). Stateless and
 * thread-safe (compiled schemas are cached per URL). Internal.
 */
public final class Ob2Extensions {

    /** What was concluded about one extension node. */
    public enum Outcome {
        /** The node validates against every JSON Schema its extension context names for its type. */
        PASSED,
        /** The node fails a schema, or its type is not one its extension context validates. */
        FAILED,
        /** The node could not be checked (context or schema unavailable); the reason says why. */
        UNCHECKED
    }

    /**
     * The result for one extension node.
     *
     * @param outcome the outcome
     * @param path where the node is, as a JSON pointer from the document root
     * @param message one sentence with the extension type and the reason
     */
    public record Result(Outcome outcome, String path, String message) {}

    static final int MAX_NODES = 16;
    static final int MAX_RESOURCE_BYTES = 256 * 1024;
    static final int MAX_SCHEMA_DEPTH = 32;
    static final int MAX_NODE_CHARS = 256 * 1024;
    /** Wall-clock limit of one node's compaction (Titanium checks it as it goes). */
    static final java.time.Duration COMPACTION_TIMEOUT = java.time.Duration.ofSeconds(5);
    private static final int MAX_WALK_DEPTH = 24;

    static final String OB2_CONTEXT = "https://w3id.org/openbadges/v2";
    private static final String OBI = "https://w3id.org/openbadges#";
    private static final String SCHEMA_BASE = "/org/reconnaitre/badges/model/schemas/";

    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 64;

    private Ob2Extensions() {}

    /**
     * @param document an OB 2.0 document (assertion, badge class, issuer)
     * @param fetcher the caller's fetcher for contexts and schemas that are not bundled
     * @return one result per extension node, in document order (empty when there is none)
     */
    public static List<Result> validate(JsonNode document, Fetcher fetcher) {
        List<Found> found = new ArrayList<>();
        walk(document, "", List.of(), 0, found);
        List<Result> results = new ArrayList<>();
        for (Found f : found) {
            if (results.size() >= MAX_NODES) {
                results.add(new Result(Outcome.UNCHECKED, f.path(), "More than " + MAX_NODES
                        + " extension nodes: the rest were not validated."));
                break;
            }
            try {
                results.addAll(validateNode(f, fetcher));
            } catch (RuntimeException e) {
                results.add(new Result(Outcome.UNCHECKED, f.path(), "The extension node at " + f.path()
                        + " could not be validated (" + e.getClass().getSimpleName() + ")."));
            }
        }
        return results;
    }

    /** An extension node, its pointer and the context entries in scope (outermost first). */
    private record Found(ObjectNode node, String path, List<JsonNode> contexts) {}

    private static void walk(JsonNode n, String path, List<JsonNode> inherited, int depth, List<Found> out) {
        if (depth > MAX_WALK_DEPTH || out.size() > MAX_NODES) {
            return;
        }
        if (n instanceof ObjectNode o) {
            List<JsonNode> scope = inherited;
            JsonNode ctx = o.get("@context");
            if (ctx != null) {
                scope = new ArrayList<>(inherited);
                if (ctx.isArray()) {
                    ctx.forEach(scope::add);
                } else {
                    scope.add(ctx);
                }
            }
            if (isExtension(o)) {
                out.add(new Found(o, path.isEmpty() ? "/" : path, scope));
            }
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                if (!e.getKey().equals("@context")) {
                    walk(e.getValue(), path + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), scope, depth + 1, out);
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), path + "/" + i, inherited, depth + 1, out);
            }
        }
    }

    private static boolean isExtension(ObjectNode o) {
        for (String t : texts(o.get("type"))) {
            if (t.equals("Extension") || t.equals("obi:Extension") || t.equals(OBI + "Extension")) {
                return true;
            }
        }
        return false;
    }

    /** A validation entry of an extension context. */
    private record Validation(String contextUrl, ObjectNode context, String type, String expandedType, String schemaUrl) {}

    private static List<Result> validateNode(Found f, Fetcher fetcher) {
        String at = f.path();
        List<String> contextUrls = new ArrayList<>();
        Map<String, String> prefixes = new HashMap<>(ob2Terms());
        for (JsonNode c : f.contexts()) {
            if (c.isTextual() && !isOb2Context(c.asText())) {
                contextUrls.add(c.asText());
            } else if (c.isObject()) {
                addTerms(c, prefixes);
            }
        }
        if (contextUrls.isEmpty()) {
            return List.of(new Result(Outcome.UNCHECKED, at, "The extension node at " + at + " names no extension"
                    + " context, so there is no JSON Schema to validate it against."));
        }
        List<Validation> validations = new ArrayList<>();
        for (String url : contextUrls) {
            byte[] bytes;
            try {
                bytes = obtain(url, fetcher, "extension context");
            } catch (BadgeException e) {
                return List.of(new Result(Outcome.UNCHECKED, at, "The extension node at " + at + " was not validated: "
                        + e.getMessage()));
            }
            JsonNode doc;
            try {
                doc = Json.parse(bytes);
            } catch (BadgeException e) {
                return List.of(new Result(Outcome.UNCHECKED, at, "The extension context " + url + " is not JSON: "
                        + e.getMessage()));
            }
            JsonNode inner = doc.get("@context");
            if (inner != null && inner.isObject()) {
                addTerms(inner, prefixes);
            }
            Map<String, String> own = new HashMap<>(ob2Terms());
            if (inner != null && inner.isObject()) {
                addTerms(inner, own);
            }
            for (JsonNode v : Json.elements(first(doc, "obi:validation", "validation", OBI + "validation"))) {
                String type = text(first(v, "obi:validatesType", "validatesType", OBI + "validatesType"));
                String schema = text(first(v, "obi:validationSchema", "validationSchema", OBI + "validationSchema"));
                if (type != null && schema != null && doc instanceof ObjectNode od) {
                    validations.add(new Validation(url, od, type, expand(type, own), schema.strip()));
                }
            }
        }
        List<String> nodeTypes = new ArrayList<>();
        for (String t : texts(f.node().get("type"))) {
            nodeTypes.add(expand(t, prefixes));
        }
        if (validations.isEmpty()) {
            return List.of(new Result(Outcome.UNCHECKED, at, "The extension context(s) " + contextUrls
                    + " of the node at " + at + " declare no obi:validation JSON Schema, so the node was not validated."));
        }
        List<Result> out = new ArrayList<>();
        for (Validation v : validations) {
            if (!nodeTypes.contains(v.expandedType())) {
                continue;
            }
            out.add(validateAgainst(f, v, fetcher));
        }
        if (out.isEmpty()) {
            List<String> declared = validations.stream().map(Validation::type).toList();
            out.add(new Result(Outcome.FAILED, at, "The extension node at " + at + " has type(s) "
                    + texts(f.node().get("type")) + ", none of which is validated by its extension context(s) "
                    + contextUrls + " (they validate " + declared + "): the node does not follow its extension."));
        }
        return out;
    }

    private static Result validateAgainst(Found f, Validation v, Fetcher fetcher) {
        String at = f.path();
        Schema schema;
        try {
            schema = schema(v.schemaUrl(), fetcher);
        } catch (BadgeException e) {
            return new Result(Outcome.UNCHECKED, at, "Extension " + v.type() + " at " + at + " was not validated: "
                    + e.getMessage());
        }
        JsonNode compacted;
        try {
            compacted = compact(f, v, fetcher);
        } catch (JsonLdError e) {
            boolean loading = e.getCode() == JsonLdErrorCode.LOADING_DOCUMENT_FAILED
                    || e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED;
            return new Result(loading ? Outcome.UNCHECKED : Outcome.FAILED, at, "Extension " + v.type() + " at " + at
                    + (loading ? " was not validated: " : " is not valid JSON-LD: ") + e.getMessage());
        } catch (BadgeException e) {
            return new Result(Outcome.UNCHECKED, at, "Extension " + v.type() + " at " + at + " was not validated: "
                    + e.getMessage());
        } catch (org.reconnaitre.badges.model.internal.jsonld.Deadline.Exceeded e) {
            return new Result(Outcome.FAILED, at, "Extension " + v.type() + " at " + at + " was not validated: its"
                    + " JSON-LD processing stopped at the verification deadline (the node is too complex)");
        } catch (RuntimeException e) {
            // Titanium fails without an error code on a keyword-like string ("@foo") where an IRI is expected
            return new Result(Outcome.FAILED, at, "Extension " + v.type() + " at " + at + " is not valid JSON-LD:"
                    + " the JSON-LD processor could not compact it (a value in the form of a keyword where an IRI"
                    + " is expected?)");
        }
        List<Error> errors = schema.validate(compacted);
        if (errors.isEmpty()) {
            return new Result(Outcome.PASSED, at, "Extension " + v.type() + " at " + at + " validates against "
                    + v.schemaUrl() + ".");
        }
        List<String> messages = errors.stream().limit(3).map(Error::getMessage).toList();
        return new Result(Outcome.FAILED, at, "Extension " + v.type() + " at " + at + " does not validate against "
                + v.schemaUrl() + ": " + String.join("; ", messages) + (errors.size() > 3 ? "; ..." : "") + ".");
    }

    /** The node compacted with the OB 2.0 context and the extension context, without its @context. */
    private static JsonNode compact(Found f, Validation v, Fetcher fetcher) throws JsonLdError, BadgeException {
        ObjectNode input = f.node().deepCopy();
        input.remove("@context");
        ArrayNode scope = Json.mapper().createArrayNode();
        f.contexts().forEach(scope::add);
        ObjectNode wrapped = Json.mapper().createObjectNode();
        wrapped.set("@context", scope);
        input.properties().forEach(e -> wrapped.set(e.getKey(), e.getValue()));
        String text = Json.write(wrapped);
        if (text.length() > MAX_NODE_CHARS) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "the node is larger than " + MAX_NODE_CHARS
                    + " characters");
        }
        ObjectNode ctx = Json.mapper().createObjectNode();
        ArrayNode list = ctx.putArray("@context");
        list.add(OB2_CONTEXT);
        JsonNode inner = v.context().get("@context");
        if (inner != null) {
            if (inner.isArray()) {
                inner.forEach(list::add);
            } else {
                list.add(inner);
            }
        }
        String tooMuch = org.reconnaitre.badges.model.internal.jsonld.InlineContexts.check(wrapped);
        if (tooMuch != null) {
            throw new JsonLdError(JsonLdErrorCode.INVALID_LOCAL_CONTEXT, "the node is not processed as JSON-LD: " + tooMuch);
        }
        // a deadline-checking view: Titanium's timeout is not checked while it processes a context
        long deadline = org.reconnaitre.badges.model.internal.jsonld.Deadline.within(COMPACTION_TIMEOUT);
        jakarta.json.JsonObject out = JsonLd.compact(JsonDocument.of((jakarta.json.JsonStructure)
                        org.reconnaitre.badges.model.internal.jsonld.BoundedJson.of(wrapped, deadline)),
                        JsonDocument.of(new StringReader(Json.write(ctx))))
                .options(options(fetcher))
                .get();
        JsonNode compacted = Json.parse(out.toString());
        if (compacted instanceof ObjectNode o) {
            o.remove("@context");
        }
        return compacted;
    }

    private static JsonLdOptions options(Fetcher fetcher) {
        JsonLdOptions options = BundledContexts.withFallback(fetcher).newOptions();
        options.setTimeout(COMPACTION_TIMEOUT);
        return options;
    }

    static Schema schema(String url, Fetcher fetcher) throws BadgeException {
        Schema cached = COMPILED.get(url);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = obtainSchema(url, fetcher);
        JsonNode raw = Json.parse(bytes);
        if (!raw.isObject()) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "the JSON Schema " + url + " is not an object");
        }
        if (depth(raw, 0) > MAX_SCHEMA_DEPTH) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "the JSON Schema " + url + " is nested deeper than "
                    + MAX_SCHEMA_DEPTH + " levels");
        }
        Schema s;
        try {
            s = Holder.REGISTRY.getSchema(SchemaLocation.of(url), raw);
            s.initializeValidators();
        } catch (RuntimeException e) {
            throw new BadgeException(BadgeException.Code.MALFORMED_JSON, "the JSON Schema " + url
                    + " cannot be used (" + e.getMessage() + ")", e);
        }
        if (COMPILED.size() < MAX_COMPILED && BUNDLED_SCHEMAS.containsKey(url)) {
            COMPILED.put(url, s); // only bundled schemas are cached: a fetched one may change
        }
        return s;
    }

    private static final class Holder {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                b -> b.schemaLoader(l -> l.fetchRemoteResources(false).block(iri -> true)));
    }

    private static int depth(JsonNode n, int d) {
        int max = d;
        if (d > MAX_SCHEMA_DEPTH) {
            return d;
        }
        for (JsonNode c : n) {
            if (c.isContainerNode()) {
                max = Math.max(max, depth(c, d + 1));
            }
        }
        return max;
    }

    private static byte[] obtainSchema(String url, Fetcher fetcher) throws BadgeException {
        String file = BUNDLED_SCHEMAS.get(url);
        if (file != null) {
            try (InputStream in = Ob2Extensions.class.getResourceAsStream(SCHEMA_BASE + file)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new BadgeException(BadgeException.Code.IO, "the bundled JSON Schema " + file + " cannot be read", e);
            }
        }
        return obtain(url, fetcher, "JSON Schema");
    }

    /** A bundled context, or the resource the fetcher serves (at most {@value #MAX_RESOURCE_BYTES} bytes). */
    private static byte[] obtain(String url, Fetcher fetcher, String what) throws BadgeException {
        if (BundledContexts.isBundled(url)) {
            return BundledContexts.bytes(url);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BadgeException(BadgeException.Code.FETCH_REFUSED, "the " + what + " URL " + url + " is not valid");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new BadgeException(BadgeException.Code.FETCH_REFUSED, "the " + what + " " + url
                    + " is not an HTTP(S) URL and is not bundled");
        }
        Fetcher.Response r;
        try {
            r = fetcher.fetch(uri);
        } catch (BadgeException e) {
            throw new BadgeException(e.code(), "the " + what + " " + url + " is not bundled and could not be fetched ("
                    + e.getMessage() + ")", e);
        }
        if (!r.ok()) {
            throw new BadgeException(BadgeException.Code.FETCH_FAILED, "fetching the " + what + " " + url
                    + " gave HTTP " + r.status());
        }
        byte[] body = r.body();
        if (body.length > MAX_RESOURCE_BYTES) {
            throw new BadgeException(BadgeException.Code.FETCH_FAILED, "the " + what + " " + url + " is larger than "
                    + MAX_RESOURCE_BYTES + " bytes");
        }
        return body;
    }

    /** URL (and alias) to file of the bundled JSON Schemas. */
    private static final Map<String, String> BUNDLED_SCHEMAS = loadSchemaIndex();

    private static Map<String, String> loadSchemaIndex() {
        try (InputStream in = Ob2Extensions.class.getResourceAsStream(SCHEMA_BASE + "index.json")) {
            if (in == null) {
                return Map.of();
            }
            JsonNode root = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> map = new LinkedHashMap<>();
            for (JsonNode s : root.path("schemas")) {
                String file = s.path("file").asText();
                if (s.path("url").isTextual()) {
                    map.put(s.path("url").asText(), file);
                }
                s.path("aliases").forEach(a -> map.put(a.asText(), file));
            }
            return Collections.unmodifiableMap(map);
        } catch (IOException | BadgeException e) {
            throw new IllegalStateException("cannot read the bundled schema index", e);
        }
    }

    private static volatile @Nullable Map<String, String> ob2Terms;

    /** Term and prefix definitions of the bundled OB 2.0 context. */
    private static Map<String, String> ob2Terms() {
        Map<String, String> t = ob2Terms;
        if (t == null) {
            Map<String, String> m = new HashMap<>();
            try {
                addTerms(Json.parse(BundledContexts.bytes(OB2_CONTEXT)).get("@context"), m);
            } catch (BadgeException e) {
                throw new IllegalStateException("the bundled OB 2.0 context cannot be read", e);
            }
            t = Collections.unmodifiableMap(m);
            ob2Terms = t;
        }
        return t;
    }

    private static void addTerms(@Nullable JsonNode ctx, Map<String, String> into) {
        if (ctx == null || !ctx.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : ctx.properties()) {
            JsonNode v = e.getValue();
            String iri = v.isTextual() ? v.asText() : v.isObject() ? text(v.get("@id")) : null;
            if (iri != null && !e.getKey().startsWith("@")) {
                into.put(e.getKey(), iri);
            }
        }
    }

    /** Expands a term or compact IRI with simple term and prefix definitions (bounded). */
    static String expand(String value, Map<String, String> terms) {
        String v = value.strip();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < 8 && seen.add(v); i++) {
            String direct = terms.get(v);
            if (direct != null) {
                v = direct;
                continue;
            }
            int colon = v.indexOf(':');
            if (colon > 0 && !v.startsWith("//", colon + 1)) {
                String prefix = terms.get(v.substring(0, colon));
                if (prefix != null) {
                    v = prefix + v.substring(colon + 1);
                    continue;
                }
            }
            break;
        }
        return v;
    }

    private static boolean isOb2Context(String url) {
        return url.equals(OB2_CONTEXT) || url.equals("https://openbadgespec.org/v2/context.json")
                || url.equals("https://w3id.org/openbadges/v1") || url.equals("https://w3id.org/openbadges/legacy-v1");
    }

    private static @Nullable JsonNode first(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static List<String> texts(@Nullable JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : Json.elements(n)) {
            if (e.isTextual()) {
                out.add(e.asText());
            }
        }
        return out;
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
