package org.reconnaitre.badges.signing.internal.di;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.json.JsonPointers;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOutcome.Status;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.internal.crypto.B64;
import org.reconnaitre.badges.signing.internal.multiformats.Multicodec;

/**
 * The {@code ecdsa-sd-2023} cryptosuite (W3C vc-di-ecdsa, selective disclosure), written from the
 * specification: base proofs (issuer), derived proofs (holder) and verification of derived proofs.
 * Blank nodes are given HMAC-based labels; each non-mandatory N-Quad is signed with an ephemeral
 * P-256 key whose public key the issuer signs together with the proof configuration and the
 * mandatory N-Quads. Internal. Thread-safe (stateless).
 */
public final class EcdsaSd2023 {
    /** The cryptosuite name. */
    public static final String ID = "ecdsa-sd-2023";
    static final byte[] BASE_HEADER = {(byte) 0xd9, 0x5d, 0x00};
    static final byte[] DERIVED_HEADER = {(byte) 0xd9, 0x5d, 0x01};
    private static final int SIGNATURE = 64;
    private static final int HMAC_KEY = 32;
    private static final int MAX_POINTERS = 1_000;
    private static final int MAX_POINTER_LENGTH = 2_000;
    private static final String SKOLEM = "urn:bnid:";
    private static final JsonProvider JSONP = JsonProvider.provider();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Skolem IRIs back to blank nodes. */
    private static final UnaryOperator<String> DESKOLEMIZE =
            iri -> iri.startsWith(SKOLEM) ? "_:" + iri.substring(SKOLEM.length()) : iri;

    private EcdsaSd2023() {}

    /** A parsed derived proof value. */
    record Derived(byte[] baseSignature, byte[] publicKey, List<byte[]> signatures, TreeMap<Integer, byte[]> labelMap,
            List<Integer> mandatoryIndexes) {}

    /** A parsed base proof value. */
    record Base(byte[] baseSignature, byte[] publicKey, byte[] hmacKey, List<byte[]> signatures,
            List<String> mandatoryPointers) {}

    // ------------------------------------------------------------------ verification

    /**
     * Checks a derived proof.
     *
     * @param document the revealed document, without its proof
     * @param config the proof without {@code proofValue}, with the document's {@code @context}
     * @param proofValue the multibase proof value
     * @param issuerKey the key of the proof's verification method
     * @param identityMandatory whether a credential's issuer and type must be among the mandatory
     *     statements ({@link #checkIdentityMandatory})
     * @throws ProofFailure with the status and reason of the first problem
     */
    public static void verify(ObjectNode document, ObjectNode config, String proofValue, VerificationKey issuerKey,
            Budget budget, boolean identityMandatory) throws ProofFailure {
        Derived d = parseDerived(proofValue, budget.maxQuads());
        VerificationKey ephemeral = ephemeralKey(d.publicKey());
        byte[] proofHash = DataIntegrityEngine.sha256(DataIntegrityEngine.rdfcConfig(config, budget));
        Canonicalizer.Canonical c = Canonicalizer.canonical(Canonicalizer.expand(document, budget), budget, null);
        Set<String> canonicalLabels = new HashSet<>(c.dataset().issued().values());
        Map<String, String> relabel = new HashMap<>();
        for (String label : canonicalLabels) {
            byte[] hmac = null;
            if (label.startsWith("_:c14n")) {
                try {
                    hmac = d.labelMap().get(Integer.parseInt(label.substring(6)));
                } catch (NumberFormatException e) {
                    hmac = null;
                }
            }
            if (hmac == null) {
                throw new ProofFailure(Status.INVALID_SIGNATURE, "The proof's label map has no entry for the blank node "
                        + label + ": the disclosed document has blank nodes the holder did not sign for");
            }
            relabel.put(label, "_:u" + B64.encode(hmac));
        }
        if (d.labelMap().size() != canonicalLabels.size()) {
            throw new ProofFailure(Status.INVALID_SIGNATURE, "The proof's label map has " + d.labelMap().size()
                    + " entries but the disclosed document has " + canonicalLabels.size() + " blank nodes");
        }
        List<String> nquads = c.dataset().relabeled(relabel::get);
        List<String> mandatory = new ArrayList<>();
        List<String> nonMandatory = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < nquads.size(); i++) {
            if (next < d.mandatoryIndexes().size() && d.mandatoryIndexes().get(next) == i) {
                mandatory.add(nquads.get(i));
                next++;
            } else {
                nonMandatory.add(nquads.get(i));
            }
        }
        if (next != d.mandatoryIndexes().size()) {
            throw new ProofFailure(Status.INVALID_SIGNATURE, "The proof lists mandatory statement "
                    + d.mandatoryIndexes().get(next) + " but the disclosed document has only " + nquads.size()
                    + " statements");
        }
        if (d.signatures().size() != nonMandatory.size()) {
            throw new ProofFailure(Status.INVALID_SIGNATURE, "The proof has " + d.signatures().size()
                    + " statement signatures but the disclosed document has " + nonMandatory.size()
                    + " non-mandatory statements: statements were added or removed after disclosure");
        }
        byte[] toVerify = concat(proofHash, d.publicKey(), DataIntegrityEngine.sha256(String.join("", mandatory)));
        if (!issuerKey.verify(toVerify, d.baseSignature())) {
            throw new ProofFailure(Status.INVALID_SIGNATURE, "The issuer's base signature does not match: the proof"
                    + " options, the mandatory statements or the disclosure key were changed, or another key signed");
        }
        for (int i = 0; i < nonMandatory.size(); i++) {
            if (!ephemeral.verify(nonMandatory.get(i).getBytes(StandardCharsets.UTF_8), d.signatures().get(i))) {
                throw new ProofFailure(Status.INVALID_SIGNATURE, "The signature of disclosed statement " + (i + 1)
                        + " of " + nonMandatory.size() + " does not match: the disclosed document was changed");
            }
        }
        if (identityMandatory) {
            checkIdentityMandatory(mandatory, nonMandatory);
        }
    }

    private static final String RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    private static final String VC_TYPE = "<https://www.w3.org/2018/credentials#VerifiableCredential>";
    private static final String VC_ISSUER = "<https://www.w3.org/2018/credentials#issuer>";

    /**
     * A credential's issuer and types must be among the statements the issuer made mandatory: when
     * a holder may leave them out, the issuer did not choose what every disclosure shows, and a
     * disclosure may equally lack the validity dates and status a verifier decides from. Applies to
     * each node of the default graph that is typed {@code VerifiableCredential} or has an issuer.
     */
    static void checkIdentityMandatory(List<String> mandatory, List<String> nonMandatory) throws ProofFailure {
        Set<String> credentials = new HashSet<>();
        for (List<String> quads : List.of(mandatory, nonMandatory)) {
            for (String q : quads) {
                String[] t = terms(q);
                if (t != null && (t[1].equals(RDF_TYPE) && t[2].equals(VC_TYPE) || t[1].equals(VC_ISSUER))) {
                    credentials.add(t[0]);
                }
            }
        }
        for (String subject : credentials) {
            boolean issuer = false;
            for (String q : mandatory) {
                String[] t = terms(q);
                issuer |= t != null && t[0].equals(subject) && t[1].equals(VC_ISSUER);
            }
            boolean typeOptional = false;
            boolean issuerOptional = false;
            for (String q : nonMandatory) {
                String[] t = terms(q);
                if (t != null && t[0].equals(subject)) {
                    typeOptional |= t[1].equals(RDF_TYPE);
                    issuerOptional |= t[1].equals(VC_ISSUER);
                }
            }
            if (!issuer || typeOptional || issuerOptional) {
                throw new ProofFailure(Status.MALFORMED_PROOF, "The issuer signed this ecdsa-sd-2023 credential"
                        + " without making its " + (typeOptional ? "type" : "issuer") + " mandatory, so holders may"
                        + " disclose copies without it (and without its validity dates or status), so this"
                        + " disclosure cannot show that nothing a verifier decides from was left out; the issuer"
                        + " must make /issuer and /type mandatory (a verifier may accept such disclosures with"
                        + " the option acceptOptionalSdIdentity)");
            }
        }
    }

    /** Subject, predicate and object of a default-graph N-Quad line, or null. */
    private static String @Nullable [] terms(String nquad) {
        String[] t = nquad.split(" ", 4);
        return t.length == 4 && t[3].startsWith(".") ? t : null;
    }

    private static VerificationKey ephemeralKey(byte[] multikey) throws ProofFailure {
        var decoded = Multicodec.unwrap(multikey);
        if (decoded.isEmpty() || decoded.get().codec() != Multicodec.P256_PUB) {
            throw new ProofFailure(Status.MALFORMED_PROOF,
                    "The proof's disclosure public key is not a P-256 multikey (0x8024 + 33-byte compressed point)");
        }
        try {
            return VerificationKey.p256(decoded.get().key());
        } catch (BadgeException e) {
            throw new ProofFailure(Status.MALFORMED_PROOF, "The proof's disclosure public key: " + e.getMessage());
        }
    }

    static byte[] decodeProofValue(String proofValue) throws ProofFailure {
        if (!proofValue.startsWith("u")) {
            throw new ProofFailure(Status.MALFORMED_PROOF,
                    "An ecdsa-sd-2023 proofValue must be multibase base64url without padding ('u...')");
        }
        byte[] bytes;
        try {
            bytes = B64.decode(proofValue.substring(1));
        } catch (IllegalArgumentException e) {
            throw new ProofFailure(Status.MALFORMED_PROOF, "The proofValue is not valid base64url: " + e.getMessage());
        }
        if (bytes.length < 3 || bytes[0] != BASE_HEADER[0] || bytes[1] != BASE_HEADER[1]
                || (bytes[2] != BASE_HEADER[2] && bytes[2] != DERIVED_HEADER[2])) {
            throw new ProofFailure(Status.MALFORMED_PROOF,
                    "The proofValue does not start with an ecdsa-sd-2023 header (0xd95d00 base, 0xd95d01 derived)");
        }
        return bytes;
    }

    /** Parses a derived proof value; a base proof value is refused with an explanation. */
    static Derived parseDerived(String proofValue, int maxItems) throws ProofFailure {
        byte[] bytes = decodeProofValue(proofValue);
        if (bytes[2] == BASE_HEADER[2]) {
            throw new ProofFailure(Status.MALFORMED_PROOF, "This is an ecdsa-sd-2023 base proof: it is meant for"
                    + " the holder, who derives a selective disclosure from it; a verifier checks only derived proofs");
        }
        try {
            Cbor.Reader r = new Cbor.Reader(bytes, 3);
            expect(r.array(5, "the derived proof"), 5, "the derived proof's number of components");
            byte[] baseSignature = fixed(r.bytes(SIGNATURE, "the base signature"), SIGNATURE, "the base signature");
            byte[] publicKey = fixed(r.bytes(35, "the disclosure public key"), 35, "the disclosure public key");
            int n = r.array(maxItems, "the number of statement signatures");
            List<byte[]> signatures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                signatures.add(fixed(r.bytes(SIGNATURE, "a statement signature"), SIGNATURE, "a statement signature"));
            }
            int m = r.map(maxItems, "the number of label map entries");
            TreeMap<Integer, byte[]> labels = new TreeMap<>();
            for (int i = 0; i < m; i++) {
                int key = (int) r.uint(Integer.MAX_VALUE, "a label map key");
                byte[] value = fixed(r.bytes(32, "a label map value"), 32, "a label map value (an HMAC-SHA-256)");
                if (labels.put(key, value) != null) {
                    throw new Cbor.CborException("the label map has the key " + key + " twice");
                }
            }
            int k = r.array(maxItems, "the number of mandatory indexes");
            List<Integer> mandatory = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                int index = (int) r.uint(Integer.MAX_VALUE, "a mandatory index");
                if (!mandatory.isEmpty() && index <= mandatory.get(mandatory.size() - 1)) {
                    throw new Cbor.CborException("the mandatory indexes are not in increasing order");
                }
                mandatory.add(index);
            }
            r.end();
            return new Derived(baseSignature, publicKey, signatures, labels, mandatory);
        } catch (Cbor.CborException e) {
            throw new ProofFailure(Status.MALFORMED_PROOF, "Malformed ecdsa-sd-2023 derived proofValue: " + e.getMessage());
        }
    }

    /** Parses a base proof value. */
    static Base parseBase(String proofValue, int maxItems) throws ProofFailure {
        byte[] bytes = decodeProofValue(proofValue);
        if (bytes[2] != BASE_HEADER[2]) {
            throw new ProofFailure(Status.MALFORMED_PROOF,
                    "This is a derived ecdsa-sd-2023 proof; a disclosure can only be derived from a base proof");
        }
        try {
            Cbor.Reader r = new Cbor.Reader(bytes, 3);
            expect(r.array(5, "the base proof"), 5, "the base proof's number of components");
            byte[] baseSignature = fixed(r.bytes(SIGNATURE, "the base signature"), SIGNATURE, "the base signature");
            byte[] publicKey = fixed(r.bytes(35, "the disclosure public key"), 35, "the disclosure public key");
            byte[] hmacKey = fixed(r.bytes(HMAC_KEY, "the HMAC key"), HMAC_KEY, "the HMAC key");
            int n = r.array(maxItems, "the number of statement signatures");
            List<byte[]> signatures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                signatures.add(fixed(r.bytes(SIGNATURE, "a statement signature"), SIGNATURE, "a statement signature"));
            }
            int k = r.array(MAX_POINTERS, "the number of mandatory pointers");
            List<String> pointers = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                pointers.add(r.text(MAX_POINTER_LENGTH, "a mandatory pointer"));
            }
            r.end();
            return new Base(baseSignature, publicKey, hmacKey, signatures, pointers);
        } catch (Cbor.CborException e) {
            throw new ProofFailure(Status.MALFORMED_PROOF, "Malformed ecdsa-sd-2023 base proofValue: " + e.getMessage());
        }
    }

    static String serializeBase(Base b) {
        Cbor.Writer w = new Cbor.Writer().raw(BASE_HEADER).array(5).bytes(b.baseSignature()).bytes(b.publicKey())
                .bytes(b.hmacKey()).array(b.signatures().size());
        b.signatures().forEach(w::bytes);
        w.array(b.mandatoryPointers().size());
        b.mandatoryPointers().forEach(w::text);
        return "u" + B64.encode(w.toByteArray());
    }

    static String serializeDerived(Derived d) {
        Cbor.Writer w = new Cbor.Writer().raw(DERIVED_HEADER).array(5).bytes(d.baseSignature()).bytes(d.publicKey())
                .array(d.signatures().size());
        d.signatures().forEach(w::bytes);
        w.map(d.labelMap().size());
        d.labelMap().forEach((k, v) -> w.uint(k).bytes(v));
        w.array(d.mandatoryIndexes().size());
        d.mandatoryIndexes().forEach(w::uint);
        return "u" + B64.encode(w.toByteArray());
    }

    private static void expect(int actual, int expected, String what) throws Cbor.CborException {
        if (actual != expected) {
            throw new Cbor.CborException(what + " is " + actual + ", expected " + expected);
        }
    }

    private static byte[] fixed(byte[] value, int length, String what) throws Cbor.CborException {
        if (value.length != length) {
            throw new Cbor.CborException(what + " has " + value.length + " bytes, expected " + length);
        }
        return value;
    }

    // ------------------------------------------------------------------ issuer: base proof

    /** Secrets of a base proof; random unless a test fixes them. */
    record Secrets(byte[] hmacKey, SigningKey ephemeral) {
        static Secrets random() {
            byte[] key = new byte[HMAC_KEY];
            RANDOM.nextBytes(key);
            return new Secrets(key, SigningKey.generate(KeyType.P256));
        }
    }

    /**
     * Creates a base proof value.
     *
     * @param document the document without proof
     * @param config the proof configuration (with {@code @context})
     * @param key the issuer's P-256 key
     * @param callerPointers JSON Pointers to what every disclosure must reveal, completed by
     *     {@link #withDecisionPointers}
     */
    static String createBase(ObjectNode document, ObjectNode config, SigningKey key, List<String> callerPointers,
            Budget budget, Secrets secrets) throws ProofFailure {
        List<String> mandatoryPointers = withDecisionPointers(document, callerPointers);
        byte[] proofHash = DataIntegrityEngine.sha256(DataIntegrityEngine.rdfcConfig(config, budget));
        Grouped g = canonicalizeAndGroup(document, secrets.hmacKey(), Map.of("mandatory", mandatoryPointers), budget);
        Group mandatory = g.groups().get("mandatory");
        byte[] publicKey = Multicodec.P256_PUB.wrap(secrets.ephemeral().publicKey().encoded());
        List<byte[]> signatures = new ArrayList<>();
        for (String q : mandatory.nonMatching().values()) {
            signatures.add(secrets.ephemeral().sign(q.getBytes(StandardCharsets.UTF_8)));
        }
        byte[] mandatoryHash = DataIntegrityEngine.sha256(String.join("", mandatory.matching().values()));
        byte[] baseSignature = key.sign(concat(proofHash, publicKey, mandatoryHash));
        return serializeBase(new Base(baseSignature, publicKey, secrets.hmacKey(), signatures,
                List.copyOf(mandatoryPointers)));
    }

    /**
     * What a verifier decides from, and a holder must therefore never be able to leave out: the
     * credential's type and issuer, its validity dates (VC 2.0 and 1.1), its status entries, the
     * subject's id and the achievement's identity. {@code @context} and the root {@code type} are in
     * every disclosure by construction (each selection starts with them).
     */
    static final List<String> DECISION_POINTERS = List.of("/issuer", "/validFrom", "/validUntil", "/issuanceDate",
            "/expirationDate", "/credentialStatus", "/credentialSubject/id", "/credentialSubject/achievement/id",
            "/credentialSubject/achievement/type");

    /**
     * The caller's mandatory pointers, followed by each of {@link #DECISION_POINTERS} that matches
     * the document (through every element of an array on the way, e.g.
     * {@code /credentialSubject/0/id}) and that no caller pointer already covers (is equal to or a
     * parent of); {@code /type} when the result would otherwise be empty. A caller's list that
     * covers everything is returned unchanged.
     */
    static List<String> withDecisionPointers(ObjectNode document, List<String> callerPointers) {
        List<String> out = new ArrayList<>(callerPointers);
        for (String pointer : DECISION_POINTERS) {
            List<String> matches = new ArrayList<>();
            expandPointer(document, JsonPointers.tokens(pointer), 0, "", matches);
            for (String match : matches) {
                if (out.stream().noneMatch(q -> match.equals(q) || match.startsWith(q + "/"))) {
                    out.add(match);
                }
            }
        }
        if (out.isEmpty() && document.has("type")) {
            out.add("/type");
        }
        return List.copyOf(out);
    }

    private static void expandPointer(JsonNode node, List<String> tokens, int at, String prefix, List<String> out) {
        if (at == tokens.size()) {
            out.add(prefix);
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                expandPointer(node.get(i), tokens, at, prefix + "/" + i, out);
            }
            return;
        }
        JsonNode child = node.isObject() ? node.get(tokens.get(at)) : null;
        if (child != null && !child.isNull()) {
            expandPointer(child, tokens, at + 1, prefix + "/" + tokens.get(at), out);
        }
    }

    // ------------------------------------------------------------------ holder: derived proof

    /**
     * Derives a selective disclosure from a document with a base proof.
     *
     * @param json the document with its base proof
     * @param selectivePointers JSON Pointers to what to reveal besides the mandatory statements
     * @return the revealed document with its derived proof
     * @throws BadgeException {@code MALFORMED_JSON}, {@code INVALID_DOCUMENT} (no base proof, a
     *     pointer that matches nothing, a proof that does not fit the document)
     */
    public static String derive(String json, List<String> selectivePointers, Budget budget) throws BadgeException {
        checkPointers(selectivePointers);
        JsonNode parsed = Json.parse(json);
        if (!(parsed instanceof ObjectNode doc)) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Only a JSON object can be disclosed");
        }
        ObjectNode proof = baseProof(doc.get("proof"));
        ObjectNode unsecured = doc.deepCopy();
        unsecured.remove("proof");
        try {
            Base base = parseBase(text(proof, "proofValue"), budget.maxQuads());
            List<String> combined = new ArrayList<>(base.mandatoryPointers());
            combined.addAll(selectivePointers);
            Map<String, List<String>> groups = new LinkedHashMap<>();
            groups.put("mandatory", base.mandatoryPointers());
            groups.put("selective", selectivePointers);
            groups.put("combined", combined);
            Grouped g = canonicalizeAndGroup(unsecured, base.hmacKey(), groups, budget);
            Group mandatoryGroup = g.groups().get("mandatory");
            Group selectiveGroup = g.groups().get("selective");
            Group combinedGroup = g.groups().get("combined");
            if (mandatoryGroup.nonMatching().size() != base.signatures().size()) {
                throw new ProofFailure(Status.INVALID_DOCUMENT, "The base proof has " + base.signatures().size()
                        + " statement signatures but the document has " + mandatoryGroup.nonMatching().size()
                        + " non-mandatory statements: the document was changed after signing");
            }
            List<Integer> mandatoryIndexes = new ArrayList<>();
            int i = 0;
            for (Integer index : combinedGroup.matching().keySet()) {
                if (mandatoryGroup.matching().containsKey(index)) {
                    mandatoryIndexes.add(i);
                }
                i++;
            }
            List<byte[]> signatures = new ArrayList<>();
            i = 0;
            for (Integer index : mandatoryGroup.nonMatching().keySet()) {
                if (selectiveGroup.matching().containsKey(index)) {
                    signatures.add(base.signatures().get(i));
                }
                i++;
            }
            TreeMap<Integer, byte[]> labelMap = new TreeMap<>();
            for (Map.Entry<String, String> e : combinedGroup.selection().issued().entrySet()) {
                String hmacLabel = g.labelMap().get(e.getKey());
                if (hmacLabel == null || !e.getValue().startsWith("_:c14n")) {
                    throw new ProofFailure(Status.INVALID_DOCUMENT, "The disclosed statements use a blank node"
                            + " the document does not have (JSON-LD lists cannot be selectively disclosed)");
                }
                labelMap.put(Integer.parseInt(e.getValue().substring(6)), B64.decode(hmacLabel.substring(1)));
            }
            ObjectNode reveal = select(unsecured, combined);
            ObjectNode derivedProof = proof.deepCopy();
            derivedProof.put("proofValue", serializeDerived(new Derived(base.baseSignature(), base.publicKey(),
                    signatures, labelMap, mandatoryIndexes)));
            reveal.set("proof", derivedProof);
            return json.indexOf('\n') >= 0 ? DataIntegrityEngine.pretty(reveal) : Json.write(reveal);
        } catch (ProofFailure f) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Cannot derive a disclosure: "
                    + f.getMessage(), f);
        }
    }

    private static ObjectNode baseProof(@Nullable JsonNode proofNode) throws BadgeException {
        List<ObjectNode> found = new ArrayList<>();
        if (proofNode != null && proofNode.isArray()) {
            proofNode.forEach(p -> {
                if (p instanceof ObjectNode o && ID.equals(text(o, "cryptosuite"))) {
                    found.add(o);
                }
            });
        } else if (proofNode instanceof ObjectNode o && ID.equals(text(o, "cryptosuite"))) {
            found.add(o);
        }
        if (found.size() != 1) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, found.isEmpty()
                    ? "The document has no ecdsa-sd-2023 proof to derive from"
                    : "The document has " + found.size() + " ecdsa-sd-2023 proofs; derive from a document with one");
        }
        return found.get(0);
    }

    /** Checks JSON Pointer syntax (RFC 6901), a non-empty pointer each. */
    public static void checkPointers(List<String> pointers) throws BadgeException {
        if (pointers.size() > MAX_POINTERS) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "More than " + MAX_POINTERS + " pointers");
        }
        for (String p : pointers) {
            if (p == null || !p.startsWith("/") || p.length() > MAX_POINTER_LENGTH || p.matches(".*~([^01]|$).*")) {
                throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Not a JSON Pointer to a member of"
                        + " the document (RFC 6901, starting with '/'): " + p);
            }
        }
    }

    // ------------------------------------------------------------------ canonicalize and group

    /** Canonical HMAC-relabeled N-Quads and, per group of pointers, the indexes they select. */
    record Grouped(List<String> nquads, Map<String, String> labelMap, Map<String, Group> groups) {}

    /** Statements selected by a group of pointers (index → N-Quad) and the others; and the selection's dataset. */
    record Group(TreeMap<Integer, String> matching, TreeMap<Integer, String> nonMatching, Rdfc10 selection) {}

    static Grouped canonicalizeAndGroup(ObjectNode document, byte[] hmacKey, Map<String, List<String>> groups,
            Budget budget) throws ProofFailure {
        JsonArray expanded = Canonicalizer.expand(document, budget);
        JsonArray skolemized = (JsonArray) skolemize(expanded, new int[1], false);
        ObjectNode compact = compact(skolemized, document.get("@context"), budget);
        Canonicalizer.Canonical full = Canonicalizer.canonical(skolemized, budget, DESKOLEMIZE);
        Mac mac = hmac(hmacKey);
        Map<String, String> labelMap = new HashMap<>();
        Map<String, String> c14nToNew = new HashMap<>();
        for (Map.Entry<String, String> e : full.dataset().issued().entrySet()) {
            String label = "u" + B64.encode(mac.doFinal(e.getValue().substring(2).getBytes(StandardCharsets.UTF_8)));
            labelMap.put(e.getKey(), label);
            c14nToNew.put(e.getValue(), "_:" + label);
        }
        List<String> nquads = full.dataset().relabeled(c14nToNew::get);
        Map<String, Group> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            ObjectNode selection = select(compact, group.getValue());
            Canonicalizer.Canonical sc = Canonicalizer.canonical(Canonicalizer.expand(selection, budget), budget,
                    DESKOLEMIZE);
            Set<String> selected = new HashSet<>(sc.dataset().relabeledInput(in -> {
                String l = labelMap.get(in);
                return l == null ? "_:unmatched-" + in.substring(2) : "_:" + l;
            }));
            TreeMap<Integer, String> matching = new TreeMap<>();
            TreeMap<Integer, String> nonMatching = new TreeMap<>();
            for (int i = 0; i < nquads.size(); i++) {
                (selected.contains(nquads.get(i)) ? matching : nonMatching).put(i, nquads.get(i));
            }
            out.put(group.getKey(), new Group(matching, nonMatching, sc.dataset()));
        }
        return new Grouped(nquads, labelMap, out);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * Gives every node object of an expanded document an IRI: its blank node identifier, or a new
     * one, under {@code urn:bnid:} ({@code e} for existing identifiers, {@code m} for minted ones).
     */
    static JsonValue skolemize(JsonValue v, int[] counter, boolean reverseMap) {
        if (v instanceof JsonArray a) {
            JsonArrayBuilder b = JSONP.createArrayBuilder();
            for (JsonValue x : a) {
                b.add(skolemize(x, counter, false));
            }
            return b.build();
        }
        if (!(v instanceof JsonObject o) || o.containsKey("@value")) {
            return v;
        }
        JsonObjectBuilder b = JSONP.createObjectBuilder();
        boolean node = !reverseMap && !o.containsKey("@list");
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String k = e.getKey();
            JsonValue x = e.getValue();
            if ("@id".equals(k) && x instanceof JsonString s && s.getString().startsWith("_:")) {
                b.add(k, SKOLEM + "e" + s.getString().substring(2));
            } else if ("@reverse".equals(k)) {
                b.add(k, skolemize(x, counter, true));
            } else if (k.startsWith("@") && !"@graph".equals(k) && !"@included".equals(k) && !"@list".equals(k)
                    && !"@set".equals(k)) {
                b.add(k, x);
            } else {
                b.add(k, skolemize(x, counter, false));
            }
        }
        if (node && !o.containsKey("@id")) {
            b.add("@id", SKOLEM + "m" + counter[0]++);
        }
        return b.build();
    }

    private static ObjectNode compact(JsonArray expanded, @Nullable JsonNode context, Budget budget)
            throws ProofFailure {
        JsonObjectBuilder ctx = JSONP.createObjectBuilder();
        if (context != null) {
            ctx.add("@context", org.reconnaitre.badges.model.internal.jsonld.BoundedJson.of(context, budget.deadline()));
        }
        JsonLdOptions options = new JsonLdOptions(budget.loader());
        options.setDocumentLoader(budget.loader());
        options.setUriValidation(com.apicatalog.jsonld.uri.UriValidationPolicy.SchemeOnly);
        options.setTimeout(budget.remaining());
        try {
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(ctx.build()))
                    .options(options).get();
            JsonNode node = toJackson(compacted);
            if (!(node instanceof ObjectNode obj)) {
                throw new ProofFailure(Status.INVALID_DOCUMENT, "JSON-LD compaction did not give an object");
            }
            return obj;
        } catch (org.reconnaitre.badges.model.internal.jsonld.Deadline.Exceeded e) {
            throw new ProofFailure(Status.BUDGET_EXCEEDED, budget.stoppedMessage("JSON-LD compaction"));
        } catch (JsonLdError e) {
            if (e.getCode() == com.apicatalog.jsonld.JsonLdErrorCode.PROCESSING_TIMEOUT_EXCEEDED) {
                throw new ProofFailure(Status.BUDGET_EXCEEDED, budget.stoppedMessage("JSON-LD compaction"));
            }
            throw new ProofFailure(Status.INVALID_DOCUMENT, "JSON-LD compaction failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw ProofFailure.unexpected("JSON-LD compaction", e);
        }
    }

    static JsonNode toJackson(JsonValue v) {
        JsonNodeFactory f = Json.mapper().getNodeFactory();
        switch (v.getValueType()) {
            case OBJECT: {
                ObjectNode o = f.objectNode();
                for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
                    o.set(e.getKey(), toJackson(e.getValue()));
                }
                return o;
            }
            case ARRAY: {
                ArrayNode a = f.arrayNode();
                for (JsonValue x : v.asJsonArray()) {
                    a.add(toJackson(x));
                }
                return a;
            }
            case STRING:
                return f.textNode(((JsonString) v).getString());
            case NUMBER: {
                JsonNumber n = (JsonNumber) v;
                return n.isIntegral() ? f.numberNode(n.bigIntegerValue()) : f.numberNode(n.bigDecimalValue());
            }
            case TRUE:
                return f.booleanNode(true);
            case FALSE:
                return f.booleanNode(false);
            default:
                return f.nullNode();
        }
    }

    // ------------------------------------------------------------------ JSON Pointer selection

    /**
     * The part of a compact JSON-LD document the pointers reach: each pointed value whole, with the
     * {@code id} and {@code type} of every object on the way (blank node identifiers excepted) and
     * the document's {@code @context}; arrays keep the selected elements in order.
     */
    static ObjectNode select(ObjectNode document, List<String> pointers) throws ProofFailure {
        ObjectNode selection = Json.mapper().createObjectNode();
        if (document.has("@context")) {
            selection.set("@context", document.get("@context").deepCopy());
        }
        selection.setAll(initial(document));
        // sparse arrays: slots not (yet) selected hold this marker, removed at the end
        ObjectNode hole = Json.mapper().createObjectNode();
        List<ArrayNode> arrays = new ArrayList<>();
        for (String pointer : pointers) {
            if (!pointer.startsWith("/")) {
                throw new ProofFailure(Status.INVALID_DOCUMENT, pointer.isEmpty() ? "The empty JSON Pointer selects nothing"
                        : "Not a JSON Pointer (RFC 6901, starting with '/'): " + pointer);
            }
            List<String> tokens = JsonPointers.tokens(pointer);
            JsonNode value = document;
            JsonNode selectedParent = selection;
            JsonNode selectedValue = selection;
            for (String token : tokens) {
                selectedParent = selectedValue;
                value = child(value, token);
                if (value == null) {
                    throw new ProofFailure(Status.INVALID_DOCUMENT, "The JSON Pointer '" + pointer
                            + "' does not match the document");
                }
                selectedValue = child(selectedParent, token);
                if (selectedValue == null || selectedValue == hole) {
                    if (value.isArray()) {
                        ArrayNode a = Json.mapper().createArrayNode();
                        for (int i = 0; i < value.size(); i++) {
                            a.add(hole);
                        }
                        arrays.add(a);
                        selectedValue = a;
                    } else {
                        selectedValue = initial(value);
                    }
                    set(selectedParent, token, selectedValue);
                }
            }
            JsonNode result;
            if (value.isObject() && selectedValue instanceof ObjectNode so) {
                ObjectNode merged = so.deepCopy();
                value.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue().deepCopy()));
                result = merged;
            } else {
                result = value.deepCopy();
            }
            set(selectedParent, tokens.get(tokens.size() - 1), result);
        }
        Set<ArrayNode> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (ArrayNode a : arrays) {
            if (seen.add(a)) {
                for (int i = a.size() - 1; i >= 0; i--) {
                    if (a.get(i) == hole) {
                        a.remove(i);
                    }
                }
            }
        }
        return selection;
    }

    private static ObjectNode initial(JsonNode source) {
        ObjectNode selection = Json.mapper().createObjectNode();
        JsonNode id = source.get("id");
        if (source.isObject() && id != null && id.isTextual() && !id.asText().startsWith("_:")) {
            selection.set("id", id.deepCopy());
        }
        JsonNode type = source.get("type");
        if (source.isObject() && type != null) {
            selection.set("type", type.deepCopy());
        }
        return selection;
    }

    private static @Nullable JsonNode child(JsonNode parent, String token) {
        if (parent.isObject()) {
            return parent.get(token);
        }
        if (parent.isArray() && token.matches("0|[1-9][0-9]{0,8}")) {
            int i = Integer.parseInt(token);
            return i < parent.size() ? parent.get(i) : null;
        }
        return null;
    }

    private static void set(JsonNode parent, String token, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set(token, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(token), value);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
