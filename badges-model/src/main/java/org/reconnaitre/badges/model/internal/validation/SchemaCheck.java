package org.reconnaitre.badges.model.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.Validator.DocumentKind;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * The 1EdTech OB 3.0 JSON Schemas (draft 2019-09) bundled in the jar, compiled once per JVM. The
 * schema loader never fetches: the schemas are self-contained and remote fetching is switched
 * off, so an external {@code $ref} fails instead of reaching the network.
 */
final class SchemaCheck {
    private static final String BASE = "/org/reconnaitre/badges/model/schemas/";

    /** A compiled schema with its raw tree (used to wrap single values where it wants arrays). */
    record Compiled(String file, JsonNode raw, Schema schema) {}

    /** Lazily compiled, shared by every validator. */
    private static final class Holder {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
                b -> b.schemaLoader(l -> l.fetchRemoteResources(false).block(SchemaCheck::remote)));
        static final Map<DocumentKind, Compiled> SCHEMAS = Map.of(
                DocumentKind.OPEN_BADGE_CREDENTIAL, compile("ob-v3p0/achievementcredential.json"),
                DocumentKind.ENDORSEMENT_CREDENTIAL, compile("ob-v3p0/endorsementcredential.json"),
                DocumentKind.PROFILE, compile("ob-v3p0/profile.json"));

        private static Compiled compile(String file) {
            try (InputStream in = SchemaCheck.class.getResourceAsStream(BASE + file)) {
                if (in == null) {
                    throw new IllegalStateException("bundled schema missing: " + file);
                }
                JsonNode raw = Json.mapper().readTree(in);
                Schema schema = REGISTRY.getSchema(SchemaLocation.of(raw.path("$id").asText("urn:reconnaitre:" + file)), raw);
                schema.initializeValidators();
                return new Compiled(file, raw, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled schema " + file, e);
            }
        }
    }

    private SchemaCheck() {}

    /** Nothing is ever fetched: every schema is bundled and self-contained. */
    private static boolean remote(com.networknt.schema.AbsoluteIri iri) {
        String s = iri.toString();
        return !s.startsWith("classpath:") && !s.startsWith("resource:");
    }

    /** Compiles a schema with the shared registry (tests: an external $ref must fail, not fetch). */
    static Schema compile(JsonNode schema) {
        Schema s = Holder.REGISTRY.getSchema(SchemaLocation.of("urn:reconnaitre:test"), schema);
        s.initializeValidators();
        return s;
    }

    /** @return the schema used for a kind of document, if any */
    static Optional<Compiled> schemaFor(DocumentKind kind) {
        return Optional.ofNullable(Holder.SCHEMAS.get(kind));
    }

    static void check(JsonNode doc, DocumentKind kind, Findings out) {
        Optional<Compiled> compiled = schemaFor(kind);
        if (compiled.isEmpty() || !appliesTo(doc, kind)) {
            return;
        }
        Compiled c = compiled.get();
        JsonNode normalised = normalise(doc.deepCopy(), c.raw(), c.raw());
        List<Error> errors = c.schema().validate(normalised);
        java.util.Set<String> oneOfAt = new java.util.HashSet<>();
        for (Error e : errors) {
            if ("oneOf".equals(e.getKeyword())) {
                oneOfAt.add(pointer(e.getInstanceLocation()));
            }
        }
        for (Error e : errors) {
            if (wrongBranch(e, oneOfAt)) {
                continue;
            }
            String ptr = Pointers.mapBack(doc, pointer(e.getInstanceLocation()));
            out.add(Rule.SCHEMA, ptr, message(e, c.file()));
        }
    }

    /**
     * A oneOf branch whose {@code type} does not even match the value (ProfileRef's string branch
     * for an issuer object) was not the one meant: its error only confuses the reader, the oneOf
     * error and the errors of the matching branch say what is wrong.
     */
    private static boolean wrongBranch(Error e, java.util.Set<String> oneOfAt) {
        return "type".equals(e.getKeyword()) && e.getEvaluationPath().toString().contains("oneOf")
                && oneOfAt.contains(pointer(e.getInstanceLocation()));
    }

    /**
     * The bundled schemas are the VCDM 2.0 ("canonical") variants: a VCDM 1.1 credential would need
     * the "any" schemas, which are not published in any repository, so only credentials that use the
     * VCDM 2.0 context are schema-checked (a credential without any base context gets VC-CONTEXT-BASE).
     */
    static boolean appliesTo(JsonNode doc, DocumentKind kind) {
        if (kind == DocumentKind.PROFILE) {
            return true;
        }
        List<String> ctx = Nodes.contextUrls(doc);
        return ctx.contains(Nodes.VC2);
    }

    private static String message(Error e, String file) {
        String m = e.getMessage();
        // networknt prefixes the instance location ("$.issuer: ..."); the finding carries it as a pointer
        int colon = m.indexOf(": ");
        if (m.startsWith("$") && colon > 0) {
            m = m.substring(colon + 2);
        }
        return m + " (schema " + file + ", keyword " + e.getKeyword() + ")";
    }

    static String pointer(NodePath path) {
        String p = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            p = el instanceof Integer n ? Pointers.child(p, n) : Pointers.child(p, String.valueOf(el));
        }
        return p;
    }

    // ---- wrapping single values where the schema wants an array ----

    static JsonNode normalise(JsonNode instance, JsonNode schema, JsonNode root) {
        JsonNode s = resolve(schema, root);
        if (instance.isNull() || instance.isMissingNode()) {
            return instance;
        }
        if (wantsArray(s, root) && !instance.isArray()) {
            ArrayNode wrapped = Json.mapper().createArrayNode();
            wrapped.add(instance);
            instance = wrapped;
        }
        if (instance.isArray()) {
            JsonNode items = itemsOf(s, root);
            if (items != null) {
                ArrayNode arr = (ArrayNode) instance;
                for (int i = 0; i < arr.size(); i++) {
                    arr.set(i, normalise(arr.get(i), items, root));
                }
            }
        } else if (instance.isObject()) {
            JsonNode props = propertiesOf(s, root);
            if (props != null) {
                ObjectNode obj = (ObjectNode) instance;
                List<String> names = new ArrayList<>();
                obj.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    if (props.has(name)) {
                        obj.set(name, normalise(obj.get(name), props.get(name), root));
                    }
                }
            }
        }
        return instance;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode s = schema;
        for (int guard = 0; guard < 16 && s.has("$ref"); guard++) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return s;
            }
            s = root.at(ref.substring(1));
        }
        return s;
    }

    private static boolean wantsArray(JsonNode s, JsonNode root) {
        if ("array".equals(s.path("type").asText())) {
            return true;
        }
        for (JsonNode branch : s.path("allOf")) {
            if ("array".equals(resolve(branch, root).path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable JsonNode itemsOf(JsonNode s, JsonNode root) {
        if (s.path("items").isObject()) {
            return s.get("items");
        }
        for (JsonNode branch : s.path("allOf")) {
            JsonNode b = resolve(branch, root);
            if (b.path("items").isObject()) {
                return b.get("items");
            }
        }
        return null;
    }

    private static @Nullable JsonNode propertiesOf(JsonNode s, JsonNode root) {
        if (s.path("properties").isObject()) {
            return s.get("properties");
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            for (Iterator<JsonNode> it = s.path(combinator).elements(); it.hasNext(); ) {
                JsonNode b = resolve(it.next(), root);
                if (b.path("properties").isObject()) {
                    return b.get("properties");
                }
            }
        }
        return null;
    }
}
