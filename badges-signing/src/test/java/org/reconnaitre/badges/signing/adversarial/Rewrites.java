package org.reconnaitre.badges.signing.adversarial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Meaning-preserving JSON-LD rewrites: each writes the same RDF in another JSON form. A rewrite is
 * applied to one decision-relevant property of a credential (or, for the context rewrites, to the
 * document); it answers false when it does not apply there.
 */
final class Rewrites {
    static final String CRED = "https://www.w3.org/2018/credentials#";
    static final String OBV = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
    static final String XSD_DATE_TIME = "http://www.w3.org/2001/XMLSchema#dateTime";

    private Rewrites() {}

    /** How the contexts coerce a term's value. */
    enum Kind { DATE, ID, PLAIN, KEYWORD }

    /** A decision-relevant property: where it lives (the credential or its subject), its IRI and coercion. */
    record Prop(String label, boolean inSubject, String term, String iri, Kind kind) {
        ObjectNode holder(ObjectNode credential) {
            if (!inSubject) {
                return credential;
            }
            JsonNode s = credential.get("credentialSubject");
            if (s instanceof ArrayNode a && a.size() > 0) {
                s = a.get(0);
            }
            return s instanceof ObjectNode o ? o : null;
        }
    }

    static final List<Prop> PROPS = List.of(
            new Prop("validFrom", false, "validFrom", CRED + "validFrom", Kind.DATE),
            new Prop("validUntil", false, "validUntil", CRED + "validUntil", Kind.DATE),
            new Prop("issuanceDate", false, "issuanceDate", CRED + "issuanceDate", Kind.DATE),
            new Prop("expirationDate", false, "expirationDate", CRED + "expirationDate", Kind.DATE),
            new Prop("credentialStatus", false, "credentialStatus", CRED + "credentialStatus", Kind.ID),
            new Prop("issuer", false, "issuer", CRED + "issuer", Kind.ID),
            new Prop("type", false, "type", "@type", Kind.KEYWORD),
            new Prop("credentialSubject/id", true, "id", "@id", Kind.KEYWORD),
            new Prop("identifier", true, "identifier", OBV + "identifier", Kind.PLAIN),
            new Prop("achievement", true, "achievement", OBV + "achievement", Kind.PLAIN));

    /** A rewrite of one property. */
    interface PropRewrite {
        boolean apply(ObjectNode credential, ObjectNode holder, Prop p);
    }

    /** A rewrite of the whole document. */
    interface DocRewrite {
        boolean apply(ObjectNode credential);
    }

    static final Map<String, PropRewrite> PROP_REWRITES = new java.util.LinkedHashMap<>();
    static final Map<String, DocRewrite> DOC_REWRITES = new java.util.LinkedHashMap<>();

    static {
        PROP_REWRITES.put("nest", Rewrites::nest);
        PROP_REWRITES.put("full-iri", Rewrites::fullIri);
        PROP_REWRITES.put("compact-iri", Rewrites::compactIri);
        PROP_REWRITES.put("term-alias", Rewrites::alias);
        PROP_REWRITES.put("value-object", Rewrites::valueObject);
        PROP_REWRITES.put("single-element-array", Rewrites::array);
        PROP_REWRITES.put("at-keywords", Rewrites::atKeywords);
        PROP_REWRITES.put("null-other-spelling", Rewrites::nullBeside);
        DOC_REWRITES.put("context-reorder-tail", Rewrites::reorderTail);
        DOC_REWRITES.put("context-added-unused", c -> addContext(c, "xUnused", TextNode.valueOf("https://example.org/unused#")));
        DOC_REWRITES.put("context-added-empty", c -> addContext(c, null, null));
    }

    /** {@code "p": v} becomes {@code "@nest": {"p": v}}. */
    static boolean nest(ObjectNode c, ObjectNode h, Prop p) {
        JsonNode v = h.remove(p.term);
        if (v == null) {
            return false;
        }
        (h.get("@nest") instanceof ObjectNode n ? n : h.putObject("@nest")).set(p.term, v);
        return true;
    }

    /** The property under its full IRI, its coercion written out (a value object, or a node reference). */
    static boolean fullIri(ObjectNode c, ObjectNode h, Prop p) {
        return rename(h, p.term, p.iri, p);
    }

    /** A compact IRI with a prefix defined in an added inline context. */
    static boolean compactIri(ObjectNode c, ObjectNode h, Prop p) {
        if (p.kind == Kind.KEYWORD || !h.has(p.term)) {
            return false;
        }
        boolean cred = p.iri.startsWith(CRED);
        String prefix = cred ? "xcred" : "xobv";
        addContext(c, prefix, TextNode.valueOf(cred ? CRED : OBV));
        return rename(h, p.term, prefix + ":" + p.iri.substring((cred ? CRED : OBV).length()), p);
    }

    /** A new term, defined inline with the same IRI and coercion, used instead of the usual one. */
    static boolean alias(ObjectNode c, ObjectNode h, Prop p) {
        if (!h.has(p.term)) {
            return false;
        }
        String alias = "xAlias" + Character.toUpperCase(p.term.charAt(0)) + p.term.substring(1);
        JsonNode definition;
        if (p.kind == Kind.KEYWORD) {
            definition = TextNode.valueOf(p.iri);
        } else {
            ObjectNode d = Doc.JSON.createObjectNode().put("@id", p.iri);
            if (p.kind == Kind.DATE) {
                d.put("@type", XSD_DATE_TIME);
            } else if (p.kind == Kind.ID) {
                d.put("@type", "@id");
            }
            definition = d;
        }
        addContext(c, alias, definition);
        JsonNode v = h.remove(p.term);
        h.set(alias, v);
        return true;
    }

    /** A date as {@code {"@value": ..., "@type": xsd:dateTime}}; an IRI as a node reference {@code {"@id": ...}}. */
    static boolean valueObject(ObjectNode c, ObjectNode h, Prop p) {
        JsonNode v = h.get(p.term);
        if (v == null || !v.isTextual() || (p.kind != Kind.DATE && p.kind != Kind.ID)) {
            return false;
        }
        h.set(p.term, explicit(v, p));
        return true;
    }

    /** {@code v} becomes {@code [v]}. */
    static boolean array(ObjectNode c, ObjectNode h, Prop p) {
        JsonNode v = h.get(p.term);
        if (v == null || v.isArray()) {
            return false;
        }
        h.putArray(p.term).add(v);
        return true;
    }

    /** {@code id}/{@code type} written {@code @id}/{@code @type}: the property itself, or inside its value. */
    static boolean atKeywords(ObjectNode c, ObjectNode h, Prop p) {
        if (p.kind == Kind.KEYWORD) {
            return renameKey(h, p.term, p.iri);
        }
        JsonNode v = h.get(p.term);
        boolean any = false;
        for (JsonNode o : v == null ? List.<JsonNode>of() : v.isArray() ? iterable(v) : List.of(v)) {
            if (o instanceof ObjectNode obj) {
                any |= renameKey(obj, "id", "@id");
                any |= renameKey(obj, "type", "@type");
            }
        }
        return any;
    }

    /** {@code "validUntil": null} beside {@code expirationDate} (and the other pairs): null means "absent" in JSON-LD. */
    static boolean nullBeside(ObjectNode c, ObjectNode h, Prop p) {
        String other = switch (p.term) {
            case "expirationDate" -> "validUntil";
            case "validUntil" -> "expirationDate";
            case "issuanceDate" -> "validFrom";
            case "validFrom" -> "issuanceDate";
            default -> null;
        };
        if (other == null || !h.has(p.term) || h.has(other)) {
            return false;
        }
        h.putNull(other);
        return true;
    }

    /** Swaps the last two {@code @context} entries when there are three or more (the base context stays first). */
    static boolean reorderTail(ObjectNode c) {
        if (!(c.get("@context") instanceof ArrayNode a) || a.size() < 3) {
            return false;
        }
        JsonNode last = a.remove(a.size() - 1);
        a.insert(a.size() - 1, last);
        return true;
    }

    // ---------------------------------------------------------------- helpers

    /** Appends an inline context (merging into a previously appended one) defining {@code term}; null: an empty one. */
    static boolean addContext(ObjectNode c, String term, JsonNode definition) {
        JsonNode ctx = c.get("@context");
        ArrayNode a;
        if (ctx instanceof ArrayNode arr) {
            a = arr;
        } else {
            a = Doc.JSON.createArrayNode();
            if (ctx != null) {
                a.add(ctx);
            }
            c.set("@context", a);
        }
        if (term == null) {
            a.addObject();
            return true;
        }
        ObjectNode inline = a.size() > 0 && a.get(a.size() - 1) instanceof ObjectNode o && o.has("xAdded") ? o : null;
        if (inline == null) {
            inline = a.addObject();
            inline.put("xAdded", "https://example.org/added#");
        }
        inline.set(term, definition);
        return true;
    }

    private static boolean rename(ObjectNode h, String from, String to, Prop p) {
        JsonNode v = h.get(from);
        if (v == null) {
            return false;
        }
        h.remove(from);
        h.set(to, p.kind == Kind.KEYWORD ? v : explicit(v, p));
        return true;
    }

    private static boolean renameKey(ObjectNode h, String from, String to) {
        if (!h.has(from)) {
            return false;
        }
        h.set(to, h.remove(from));
        return true;
    }

    /** The value with its term's coercion written out, so that it means the same under a bare IRI. */
    static JsonNode explicit(JsonNode v, Prop p) {
        if (v.isArray()) {
            ArrayNode out = Doc.JSON.createArrayNode();
            for (JsonNode e : v) {
                out.add(explicit(e, p));
            }
            return out;
        }
        if (v.isTextual() && p.kind == Kind.DATE) {
            return Doc.JSON.createObjectNode().put("@value", v.asText()).put("@type", XSD_DATE_TIME);
        }
        if (v.isTextual() && p.kind == Kind.ID) {
            return Doc.JSON.createObjectNode().put("@id", v.asText());
        }
        return v;
    }

    static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            l.add(it.next());
        }
        return l;
    }
}
