package org.reconnaitre.badges.signing.internal.di;

import com.apicatalog.jcs.JsonCanonicalizer;
import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.flattening.NodeMapBuilder;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.regex.Pattern;
import org.reconnaitre.badges.model.internal.jsonld.BoundedJson;
import org.reconnaitre.badges.model.internal.jsonld.Deadline;
import org.reconnaitre.badges.model.internal.jsonld.InlineContexts;
import org.reconnaitre.badges.signing.ProofOutcome.Status;

/**
 * JSON-LD → RDF → RDFC-1.0 canonical N-Quads (our {@link Rdfc10}, written by {@link NQuads}, which refuses
 * IRIs and labels the grammar cannot carry) under a {@link Budget} (one absolute deadline, checked
 * inside Titanium through {@link BoundedJson}, and bounds on inline contexts), failing on terms that
 * expansion would drop and on relative IRIs (the "safe mode" of other implementations); and JCS.
 * Internal. Thread-safe (no shared mutable state).
 */
public final class Canonicalizer {
    private static final Pattern ABSOLUTE_IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private Canonicalizer() {}

    /**
     * @return the canonical N-Quads of a JSON-LD document
     * @throws ProofFailure {@code INVALID_DOCUMENT} for a JSON-LD error, {@code BUDGET_EXCEEDED}
     *     when the quad or time budget runs out
     */
    public static String rdfc(JsonNode document, Budget budget) throws ProofFailure {
        return canonical(expand(document, budget), budget, null).nquads();
    }

    /** A canonicalized dataset: its canonical N-Quads and the canonicalizer (for its blank node labels). */
    public record Canonical(String nquads, Rdfc10 dataset) {}

    /**
     * Canonicalizes an expanded JSON-LD document under the budget.
     *
     * @param expanded the expanded document
     * @param budget limits
     * @param rewrite when not null, applied to every IRI in subject, object or graph position
     *     before canonicalization (a blank node label answer, {@code _:x}, makes it a blank node)
     * @return the canonical N-Quads and the canonicalizer
     * @throws ProofFailure {@code INVALID_DOCUMENT} or {@code BUDGET_EXCEEDED}
     */
    public static Canonical canonical(JsonArray expanded, Budget budget,
            java.util.function.@org.jspecify.annotations.Nullable UnaryOperator<String> rewrite) throws ProofFailure {
        checkIris(expanded);
        // one absolute deadline for the whole operation (expansion, RDF conversion, RDFC-1.0)
        Rdfc10 canon = new Rdfc10(() -> {
            if (budget.expired()) {
                throw new Deadline.Exceeded("RDFC-1.0 stopped at the deadline");
            }
        });
        int[] count = {0};
        RdfQuadConsumer counting = (s, p, o, dt, lang, dir, g) -> {
            if (++count[0] > budget.maxQuads()) {
                throw new RdfConsumerException("more than " + budget.maxQuads() + " RDF quads");
            }
            if ((count[0] & 255) == 0 && budget.expired()) {
                throw new Deadline.Exceeded("RDF conversion stopped at the deadline");
            }
            if (rewrite != null) {
                boolean literal = dt != null || lang != null || dir != null;
                return canon.quad(s.startsWith("_:") ? s : rewrite.apply(s), p,
                        literal || o.startsWith("_:") ? o : rewrite.apply(o), dt, lang, dir,
                        g == null || g.startsWith("_:") ? g : rewrite.apply(g));
            }
            return canon.quad(s, p, o, dt, lang, dir, g);
        };
        try {
            // statements are counted before node map generation: that step keeps every node in memory and is
            // quadratic in the values of one property, and it reads the expanded form through a
            // deadline-checking view (it has no timeout of its own)
            if (statements(expanded, budget.maxQuads()) > budget.maxQuads()) {
                throw new ProofFailure(Status.BUDGET_EXCEEDED, "Canonicalization refused: the document has more than "
                        + budget.maxQuads() + " RDF quads (limit set by the verifier's budget)");
            }
            NodeMap nodeMap = NodeMapBuilder.with((JsonArray) BoundedJson.view(expanded, budget.deadline()),
                    new NodeMap()).build();
            // like jsonld.js: an IRI with a scheme is emitted as is, never silently dropped
            JsonLdToRdf.with(nodeMap).produceGeneralizedRdf(false)
                    .uriValidation(com.apicatalog.jsonld.uri.UriValidationPolicy.SchemeOnly).provide(counting);
        } catch (Deadline.Exceeded e) {
            throw new ProofFailure(Status.BUDGET_EXCEEDED, budget.stoppedMessage("JSON-LD to RDF conversion"));
        } catch (NQuads.Malformed e) {
            throw new ProofFailure(Status.INVALID_DOCUMENT, "The document cannot be canonicalized faithfully: "
                    + e.getMessage());
        } catch (JsonLdError e) {
            if (e.getCause() instanceof NQuads.Malformed m) {
                throw new ProofFailure(Status.INVALID_DOCUMENT, "The document cannot be canonicalized faithfully: "
                        + m.getMessage());
            }
            if (e.getCause() instanceof Deadline.Exceeded) {
                throw new ProofFailure(Status.BUDGET_EXCEEDED, budget.stoppedMessage("JSON-LD to RDF conversion"));
            }
            if (e.getCause() instanceof RdfConsumerException) {
                throw new ProofFailure(Status.BUDGET_EXCEEDED, "Canonicalization refused: the document has "
                        + e.getCause().getMessage() + " (limit set by the verifier's budget)");
            }
            throw new ProofFailure(Status.INVALID_DOCUMENT, "JSON-LD to RDF failed: " + message(e), e);
        } catch (RuntimeException e) {
            if (count[0] > budget.maxQuads()) {
                throw new ProofFailure(Status.BUDGET_EXCEEDED, "Canonicalization refused: more than "
                        + budget.maxQuads() + " RDF quads (limit set by the verifier's budget)");
            }
            throw ProofFailure.unexpected("JSON-LD to RDF", e);
        }
        if (count[0] > budget.maxQuads()) {
            throw new ProofFailure(Status.BUDGET_EXCEEDED, "Canonicalization refused: more than "
                    + budget.maxQuads() + " RDF quads (limit set by the verifier's budget)");
        }
        try {
            return new Canonical(canon.canonicalize(), canon);
        } catch (Deadline.Exceeded | StackOverflowError e) {
            throw new ProofFailure(Status.BUDGET_EXCEEDED, "Canonicalization (RDFC-1.0) stopped at the verification"
                    + " deadline (" + budget.timeoutMillis() + " ms budget): the graph is too complex (for example many"
                    + " similar blank nodes)");
        } catch (NQuads.Malformed e) {
            throw new ProofFailure(Status.INVALID_DOCUMENT, "The document cannot be canonicalized faithfully: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            throw ProofFailure.unexpected("RDF canonicalization", e);
        }
    }

    /**
     * Counts the statements an expanded document yields (each value of a property, each type),
     * stopping past {@code limit}. Duplicates are counted each time, so this can only exceed the
     * quads that RDF conversion produces by what a document repeats.
     */
    static int statements(JsonValue v, int limit) {
        int[] n = {0};
        count(v, n, limit);
        return n[0];
    }

    private static void count(JsonValue v, int[] n, int limit) {
        if (n[0] > limit) {
            return;
        }
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                count(x, n, limit);
            }
        } else if (v instanceof JsonObject o && !o.containsKey("@value")) {
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                String k = e.getKey();
                if (k.equals("@type") || k.equals("@list") || !k.startsWith("@")) {
                    n[0] += e.getValue() instanceof JsonArray a ? a.size() : 1;
                }
                if (!k.equals("@type") && !k.equals("@id")) {
                    count(e.getValue(), n, limit);
                }
                if (n[0] > limit) {
                    return;
                }
            }
        }
    }

    /** @return the JCS (RFC 8785) serialisation */
    public static String jcs(JsonNode document) {
        return JsonCanonicalizer.canonize(JakartaJson.of(document));
    }

    /**
     * Expands with the undefined-terms policy set to fail, so no property or type is silently
     * dropped.
     */
    public static JsonArray expand(JsonNode document, Budget budget) throws ProofFailure {
        if (!document.isContainerNode()) {
            throw new ProofFailure(Status.INVALID_DOCUMENT, "the document is not a JSON object");
        }
        String tooMuch = InlineContexts.check(document);
        if (tooMuch != null) {
            throw new ProofFailure(Status.BUDGET_EXCEEDED, "The document is not processed as JSON-LD: " + tooMuch
                    + " (a bound that keeps verification fast)");
        }
        if (budget.expired()) {
            throw new ProofFailure(Status.BUDGET_EXCEEDED, budget.stoppedMessage("JSON-LD expansion"));
        }
        // a deadline-checking view: Titanium's own timeout is not checked while it processes a context
        JsonValue json = BoundedJson.of(document, budget.deadline());
        JsonLdOptions options = new JsonLdOptions(budget.loader());
        options.setDocumentLoader(budget.loader());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        // jsonld.js treats any "scheme:" string as an absolute IRI; full RFC 3986 parsing differs and is slow
        options.setUriValidation(com.apicatalog.jsonld.uri.UriValidationPolicy.SchemeOnly);
        options.setTimeout(budget.remaining()); // a backstop, checked between nodes
        try {
            return JsonLd.expand(JsonDocument.of((JsonStructure) json)).options(options).get();
        } catch (Deadline.Exceeded e) {
            throw new ProofFailure(Status.BUDGET_EXCEEDED, budget.stoppedMessage("JSON-LD expansion"));
        } catch (JsonLdError e) {
            if (e.getCode() == com.apicatalog.jsonld.JsonLdErrorCode.PROCESSING_TIMEOUT_EXCEEDED
                    || e.getCause() instanceof Deadline.Exceeded) {
                throw new ProofFailure(Status.BUDGET_EXCEEDED, budget.stoppedMessage("JSON-LD expansion"));
            }
            throw new ProofFailure(Status.INVALID_DOCUMENT, "JSON-LD expansion failed: " + message(e), e);
        } catch (RuntimeException e) {
            throw ProofFailure.unexpected("JSON-LD expansion", e);
        }
    }

    private static void checkIris(JsonValue v) throws ProofFailure {
        if (v instanceof JsonArray a) {
            for (JsonValue x : a) {
                checkIris(x);
            }
        } else if (v instanceof JsonObject o) {
            boolean valueObject = o.containsKey("@value");
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                String k = e.getKey();
                JsonValue x = e.getValue();
                if ("@value".equals(k)) {
                    continue;
                }
                if ("@id".equals(k) && x instanceof JsonString s) {
                    requireAbsolute(s.getString(), "@id");
                } else if ("@type".equals(k)) {
                    if (x instanceof JsonString s) {
                        if (!(valueObject && "@json".equals(s.getString()))) {
                            requireAbsolute(s.getString(), "@type");
                        }
                    } else if (x instanceof JsonArray arr) {
                        for (JsonValue t : arr) {
                            if (t instanceof JsonString s) {
                                requireAbsolute(s.getString(), "@type");
                            }
                        }
                    }
                } else {
                    checkIris(x);
                }
            }
        }
    }

    private static void requireAbsolute(String iri, String what) throws ProofFailure {
        if (iri.startsWith("_:") || ABSOLUTE_IRI.matcher(iri).matches()) {
            return;
        }
        String shown = iri.length() > 80 ? iri.substring(0, 77) + "..." : iri;
        throw new ProofFailure(Status.INVALID_DOCUMENT, "Relative " + what + " reference '" + shown
                + "' found: it is not defined by the document's @context, so signing it would drop it");
    }

    private static String message(JsonLdError e) {
        String m = e.getMessage();
        return (e.getCode() != null ? e.getCode() + ": " : "") + (m == null ? "" : m);
    }
}
