package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.internal.di.NQuads;

/**
 * "Decide from what was signed": the later checks read the credential's issuer, types, dates,
 * status entries and recipient from its JSON, by their one compact term. JSON-LD lets the same
 * signed graph be spelled in many JSON forms ({@code @nest}, full or compact IRIs, aliases defined
 * inline, value objects, {@code null}), and an RDFC proof still verifies when a holder respells it.
 * This step makes sure that what the JSON says, read that way, is what the signature covers.
 *
 * <ul>
 *   <li><b>Plain form</b> (the fast path, nearly every real credential): every {@code @context} is a
 *       URL of a bundled context, and no key below the root (the proof aside) is a keyword other
 *       than {@code @context}, contains a colon (full or compact IRI), or holds {@code null}. The
 *       bundled contexts map each decision term to one IRI and no other term to the same IRI (their
 *       terms are protected), so reading by term name is reading the signed graph. Passed without
 *       any JSON-LD work.</li>
 *   <li><b>Any other form</b>: the credential without its proof is converted to canonical RDF
 *       (the very dataset an RDFC proof signs; for JCS and JWT, the meaning of the signed JSON) and
 *       the facts the verifier decides on are read from it — the credential node's id and types,
 *       issuer, {@code validFrom}, {@code validUntil}, {@code issuanceDate}, {@code expirationDate},
 *       each status entry's list, index and purpose, each subject's id, identifiers and
 *       achievement — and compared with what the JSON says. Any difference fails the check: the
 *       credential is rejected rather than judged on a spelling that hides a signed statement.</li>
 * </ul>
 * Why compare instead of compacting the verified data and reading it: compaction of the expanded
 * form costs a second JSON-LD pass on every verification, while the comparison costs nothing on
 * the plain form and one RDF conversion (no compaction) on the rare other forms; a respelled
 * credential gains nothing by being accepted. Runs only after a proof verified. Internal.
 */
final class SignedDataStep implements Step {
    static final String ID = "signed-data";

    static final String CRED = "https://www.w3.org/2018/credentials#";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final List<String> DATES = List.of("validFrom", "validUntil", "issuanceDate", "expirationDate");
    private static final int MAX_SHOWN = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        if (ctx.signers.isEmpty() || ctx.hasFailedCheck(ProofStep.ID)) {
            ctx.skipped(ID, "Not checked: no proof verified, so there is no signed data to read.");
            return;
        }
        ObjectNode credential = ctx.credential();
        String why = plainFormProblem(credential);
        if (why == null) {
            ctx.passed(ID, "The credential is written in the plain form of its bundled contexts: what is read from it is what"
                    + " was signed.");
            return;
        }
        ObjectNode unsecured = credential.deepCopy();
        unsecured.remove("proof");
        List<NQuads.Quad> quads;
        try {
            String nquads = DataIntegrity.canonicalNQuads(Json.write(unsecured), ctx.config.dataIntegrity());
            quads = NQuads.parse(nquads);
        } catch (BadgeException | IllegalArgumentException e) {
            ctx.failed(ID, "The credential is not in the plain form of its contexts (" + why + ") and its signed data cannot"
                    + " be read to compare: " + e.getMessage());
            return;
        }
        List<String> differences = compare(credential, quads);
        if (differences.isEmpty()) {
            ctx.passed(ID, "The credential is not in the plain form of its contexts (" + why + "), but what it says about its"
                    + " issuer, dates, status and recipient is what its signed data says.");
            return;
        }
        String shown = String.join("; ", differences.subList(0, Math.min(MAX_SHOWN, differences.size())))
                + (differences.size() > MAX_SHOWN ? "; and " + (differences.size() - MAX_SHOWN) + " more" : "");
        ctx.failed(ID, "The credential's JSON does not say what its signed data says (" + shown + "). It is written in an"
                + " unusual JSON-LD form (" + why + ") that would hide or change a signed statement, so it is rejected;"
                + " the issuer should state dates, status, issuer and recipient under their usual names.");
    }

    private static boolean isBlank(String term) {
        return term.startsWith("_:");
    }

    /** @return why the credential is not in plain form, or null when it is */
    static @Nullable String plainFormProblem(ObjectNode credential) {
        for (Iterator<Map.Entry<String, JsonNode>> it = credential.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("proof")) {
                continue;
            }
            String p = problem(e.getKey(), e.getValue(), 0);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static @Nullable String problem(String key, JsonNode value, int depth) {
        if (key.equals("@context")) {
            for (JsonNode c : Json.elements(value)) {
                if (!c.isTextual()) {
                    return "an inline @context";
                }
                if (!BundledContexts.isBundled(c.asText())) {
                    return "a context that is not bundled (" + c.asText() + ")";
                }
            }
            return null;
        }
        if (key.startsWith("@")) {
            return "the keyword " + key;
        }
        if (key.indexOf(':') >= 0) {
            return "a property written as an IRI";
        }
        if (value.isNull()) {
            return "a null value for " + key;
        }
        if (depth > 64) {
            return "nesting deeper than 64 levels";
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = problem(e.getKey(), e.getValue(), depth + 1);
                if (p != null) {
                    return p;
                }
            }
        } else if (value.isArray()) {
            for (JsonNode v : value) {
                if (v.isNull()) {
                    return "a null value in " + key;
                }
                String p = v.isContainerNode() ? problem(key, v, depth + 1) : null;
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** @return the differences between what the JSON says and what the signed graph says */
    static List<String> compare(ObjectNode json, List<NQuads.Quad> quads) {
        List<String> out = new ArrayList<>();
        Graph g = new Graph(quads);
        List<String> roots = g.roots();
        if (roots.size() != 1) {
            out.add("the signed data holds " + roots.size() + " top-level credentials instead of one");
            return out;
        }
        String root = roots.get(0);
        String jsonId = text(json.get("id"));
        same(out, "id", jsonId == null ? List.of() : List.of(jsonId), isBlank(root) ? List.of() : List.of(root));
        same(out, "type", localNames(strings(json.get("type"))), localNames(g.objects(root, RDF_TYPE)));
        same(out, "issuer", listOf(issuerId(json.get("issuer"))), nonBlank(g.objects(root, CRED + "issuer")));
        for (String date : DATES) {
            same(out, date, strings(json.get(date)), g.objects(root, CRED + date));
        }
        List<String> jsonStatus = new ArrayList<>();
        for (JsonNode s : Json.elements(json.get("credentialStatus"))) {
            jsonStatus.add(statusKey(text(s.get("id")), strings(s.get("statusListCredential")),
                    strings(s.get("statusListIndex")), strings(s.get("statusPurpose"))));
        }
        List<String> rdfStatus = new ArrayList<>();
        for (String s : g.objects(root, CRED + "credentialStatus")) {
            rdfStatus.add(statusKey(isBlank(s) ? null : s, g.byLocalName(s, "statusListCredential"),
                    g.byLocalName(s, "statusListIndex"), g.byLocalName(s, "statusPurpose")));
        }
        same(out, "credentialStatus", jsonStatus, rdfStatus);
        List<String> jsonSubjects = new ArrayList<>();
        for (JsonNode s : Json.elements(json.get("credentialSubject"))) {
            List<String> ids = new ArrayList<>();
            for (JsonNode i : Json.elements(s.get("identifier"))) {
                ids.add(identityKey(strings(i.get("identityHash")), strings(i.get("identityType")),
                        strings(i.get("hashed")), strings(i.get("salt"))));
            }
            List<String> achievements = new ArrayList<>();
            for (JsonNode a : Json.elements(s.get("achievement"))) {
                achievements.add(a.isTextual() ? a.asText() : String.valueOf(text(a.get("id"))));
            }
            jsonSubjects.add(subjectKey(text(s.get("id")), ids, achievements));
        }
        List<String> rdfSubjects = new ArrayList<>();
        for (String s : g.objects(root, CRED + "credentialSubject")) {
            List<String> ids = new ArrayList<>();
            for (String i : g.byLocalName(s, "identifier")) {
                ids.add(identityKey(g.byLocalName(i, "identityHash"), g.byLocalName(i, "identityType"),
                        g.byLocalName(i, "hashed"), g.byLocalName(i, "salt")));
            }
            List<String> achievements = new ArrayList<>();
            for (String a : g.byLocalName(s, "achievement")) {
                achievements.add(isBlank(a) ? "null" : a);
            }
            rdfSubjects.add(subjectKey(isBlank(s) ? null : s, ids, achievements));
        }
        same(out, "credentialSubject", jsonSubjects, rdfSubjects);
        return out;
    }

    private static void same(List<String> out, String what, List<String> json, List<String> signed) {
        List<String> a = new ArrayList<>(json);
        List<String> b = new ArrayList<>(signed);
        a.sort(null);
        b.sort(null);
        if (!a.equals(b)) {
            out.add(what + ": the JSON says " + show(a) + ", the signed data says " + show(b));
        }
    }

    private static String show(List<String> values) {
        if (values.isEmpty()) {
            return "nothing";
        }
        String s = String.join(", ", values);
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    private static String statusKey(@Nullable String id, List<String> list, List<String> index, List<String> purpose) {
        return "{id " + id + ", list " + sorted(list) + ", index " + sorted(index) + ", purpose " + sorted(purpose) + "}";
    }

    private static String identityKey(List<String> hash, List<String> type, List<String> hashed, List<String> salt) {
        return "{" + sorted(hash) + " " + sorted(type) + " " + sorted(hashed) + " " + sorted(salt) + "}";
    }

    private static String subjectKey(@Nullable String id, List<String> identifiers, List<String> achievements) {
        return "{id " + id + ", identifiers " + sorted(identifiers) + ", achievement " + sorted(achievements) + "}";
    }

    private static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        c.sort(null);
        return c;
    }

    private static List<String> localNames(List<String> iris) {
        List<String> out = new ArrayList<>();
        for (String iri : iris) {
            int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
            out.add(cut >= 0 ? iri.substring(cut + 1) : iri);
        }
        return out;
    }

    private static List<String> nonBlank(List<String> nodes) {
        return nodes.stream().map(n -> isBlank(n) ? "(a node without id)" : n).toList();
    }

    private static List<String> listOf(@Nullable String s) {
        return s == null ? List.of() : List.of(s);
    }

    private static @Nullable String issuerId(@Nullable JsonNode issuer) {
        if (issuer == null) {
            return null;
        }
        if (issuer.isTextual()) {
            return issuer.asText();
        }
        return issuer.isObject() ? Objects.requireNonNullElse(text(issuer.get("id")), "(a node without id)") : "(not an id)";
    }

    /** Every scalar of a value or array, as its text (a JSON number or boolean as written). */
    private static List<String> strings(@Nullable JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : Json.elements(n)) {
            out.add(v.isValueNode() ? v.asText() : "(" + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return out;
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** The default graph of a dataset, indexed by subject. */
    private static final class Graph {
        private final Map<String, List<NQuads.Quad>> bySubject = new java.util.HashMap<>();
        private final java.util.Set<String> objects = new java.util.HashSet<>();
        private final List<String> credentials = new ArrayList<>();

        Graph(List<NQuads.Quad> quads) {
            for (NQuads.Quad q : quads) {
                if (q.graph() != null) {
                    continue;
                }
                bySubject.computeIfAbsent(q.subject(), k -> new ArrayList<>()).add(q);
                if (q.datatype() == null) {
                    objects.add(q.object());
                }
                if (q.predicate().equals(RDF_TYPE) && q.object().equals(CRED + "VerifiableCredential")
                        && !credentials.contains(q.subject())) {
                    credentials.add(q.subject());
                }
            }
        }

        /** @return the credential nodes that no other statement points to */
        List<String> roots() {
            return credentials.stream().filter(c -> !objects.contains(c)).toList();
        }

        List<String> objects(String subject, String predicate) {
            List<String> out = new ArrayList<>();
            for (NQuads.Quad q : bySubject.getOrDefault(subject, List.of())) {
                if (q.predicate().equals(predicate)) {
                    out.add(q.object());
                }
            }
            return out;
        }

        List<String> byLocalName(String subject, String localName) {
            List<String> out = new ArrayList<>();
            for (NQuads.Quad q : bySubject.getOrDefault(subject, List.of())) {
                String p = q.predicate();
                if (p.endsWith("#" + localName) || p.endsWith("/" + localName)) {
                    out.add(q.object());
                }
            }
            return out;
        }
    }
}
