package org.reconnaitre.badges.signing.internal.di;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.ProofOutcome;
import org.reconnaitre.badges.signing.ProofOutcome.Status;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationMethod;
import org.reconnaitre.badges.signing.internal.multiformats.Base58;

/**
 * Creates and checks Data Integrity proofs. Internal; the public surface is
 * {@code org.reconnaitre.badges.signing.DataIntegrity}. Thread-safe (stateless).
 */
public final class DataIntegrityEngine {
    /** Proof type of the W3C Data Integrity suites. */
    public static final String DATA_INTEGRITY_PROOF = "DataIntegrityProof";
    /** Legacy proof type (verification only). */
    public static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";
    /** Most proofs checked on one document: each costs a canonicalization (issue #12, bounded work). */
    static final int MAX_PROOFS = 4;

    /** The suites this engine checks. */
    enum Suite {
        EDDSA_RDFC_2022(true, KeyType.ED25519),
        EDDSA_2022(true, KeyType.ED25519),
        ECDSA_RDFC_2019(true, KeyType.P256),
        ECDSA_SD_2023(true, KeyType.P256),
        EDDSA_JCS_2022(false, KeyType.ED25519),
        ED25519_SIGNATURE_2020(true, KeyType.ED25519);

        final boolean rdfc;
        final KeyType keyType;

        Suite(boolean rdfc, KeyType keyType) {
            this.rdfc = rdfc;
            this.keyType = keyType;
        }

        static Suite of(Cryptosuite c) {
            switch (c) {
                case ECDSA_RDFC_2019:
                    return ECDSA_RDFC_2019;
                case EDDSA_JCS_2022:
                    return EDDSA_JCS_2022;
                default:
                    return EDDSA_RDFC_2022;
            }
        }
    }

    private DataIntegrityEngine() {}

    /**
     * Signs: parses the caller's JSON, adds a proof (appending to an existing proof set), writes it
     * back with the caller's key order (pretty-printed when the input had line breaks).
     */
    public static String sign(String json, SigningKey key, ProofOptions options, Budget budget) throws BadgeException {
        return sign(json, key, options, budget, null);
    }

    /** As above; {@code sdSecrets} fixes the HMAC key and disclosure key of an ecdsa-sd-2023 base proof (tests). */
    static String sign(String json, SigningKey key, ProofOptions options, Budget budget,
            EcdsaSd2023.@Nullable Secrets sdSecrets) throws BadgeException {
        JsonNode parsed = Json.parse(json);
        if (!(parsed instanceof ObjectNode doc)) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Only a JSON object can be signed");
        }
        Cryptosuite cs = options.cryptosuite();
        if (key.type() != cs.keyType()) {
            throw new BadgeException(BadgeException.Code.SIGNING_FAILED, "Cryptosuite " + cs.id() + " needs a "
                    + cs.keyType() + " key, not " + key.type());
        }
        String vm = options.verificationMethod().orElseGet(() -> key.keyId().contains(":") ? key.keyId()
                : DidKey.verificationMethodId(key.publicKey()));
        Instant created = options.created().orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));

        ObjectNode unsecured = doc.deepCopy();
        unsecured.remove("proof");
        ObjectNode proof = Json.mapper().createObjectNode();
        proof.put("type", DATA_INTEGRITY_PROOF);
        proof.put("cryptosuite", cs.id());
        proof.put("created", DateTimeFormatter.ISO_INSTANT.format(created));
        options.expires().ifPresent(e -> proof.put("expires", DateTimeFormatter.ISO_INSTANT.format(e)));
        proof.put("verificationMethod", vm);
        proof.put("proofPurpose", options.proofPurpose());
        options.challenge().ifPresent(c -> proof.put("challenge", c));
        if (options.domains().size() == 1) {
            proof.put("domain", options.domains().get(0));
        } else if (!options.domains().isEmpty()) {
            options.domains().forEach(proof.withArray("domain")::add);
        }
        if (cs == Cryptosuite.EDDSA_JCS_2022 && unsecured.has("@context")) {
            // eddsa-jcs-2022 keeps the document's @context in the proof itself
            proof.set("@context", unsecured.get("@context").deepCopy());
        }
        ObjectNode config = proof.deepCopy();
        if (unsecured.has("@context")) {
            config.set("@context", unsecured.get("@context"));
        }
        try {
            if (cs == Cryptosuite.ECDSA_SD_2023) {
                proof.put("proofValue", EcdsaSd2023.createBase(unsecured, config, key, options.mandatoryPointers(),
                        budget, sdSecrets != null ? sdSecrets : EcdsaSd2023.Secrets.random()));
            } else {
                proof.put("proofValue", "z" + Base58.encode(key.sign(hashData(Suite.of(cs), config, unsecured, budget))));
            }
        } catch (ProofFailure f) {
            throw new BadgeException(BadgeException.Code.SIGNING_FAILED, "Cannot sign: " + f.getMessage(), f);
        }

        JsonNode existing = doc.get("proof");
        if (existing == null) {
            doc.set("proof", proof);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(proof);
        } else {
            ArrayNode set = Json.mapper().createArrayNode();
            set.add(existing);
            set.add(proof);
            doc.set("proof", set);
        }
        return json.indexOf('\n') >= 0 ? pretty(doc) : Json.write(doc);
    }

    /** Canonical form of a document without its proof: RDFC-1.0 N-Quads. */
    public static String canonicalNQuads(String json, Budget budget) throws BadgeException {
        JsonNode parsed = Json.parse(json);
        if (!(parsed instanceof ObjectNode doc)) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, "Not a JSON object");
        }
        ObjectNode unsecured = doc.deepCopy();
        unsecured.remove("proof");
        try {
            return Canonicalizer.rdfc(unsecured, budget);
        } catch (ProofFailure f) {
            throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, f.getMessage(), f);
        }
    }

    /**
     * Checks every proof, and its proof options against what the verifier expects. Never throws
     * for bad input.
     */
    public static ProofResult verify(String json, KeyResolver resolver, Budget budget,
            ProofChecks.Expectations expect) {
        JsonNode parsed;
        try {
            parsed = Json.parse(json);
        } catch (BadgeException e) {
            return new ProofResult(List.of(), e.getMessage());
        }
        if (!(parsed instanceof ObjectNode doc)) {
            return new ProofResult(List.of(), "The document is not a JSON object");
        }
        JsonNode proofNode = doc.get("proof");
        if (proofNode == null || proofNode.isNull() || (proofNode.isArray() && proofNode.isEmpty())) {
            return new ProofResult(List.of(), "The document has no proof");
        }
        List<JsonNode> proofs = new ArrayList<>();
        if (proofNode.isArray()) {
            proofNode.forEach(proofs::add);
        } else {
            proofs.add(proofNode);
        }
        if (proofs.size() > MAX_PROOFS) {
            return new ProofResult(List.of(), "The document has " + proofs.size() + " proofs, more than the "
                    + MAX_PROOFS + " a verifier checks (a bound that keeps verification fast)");
        }
        // totals over every inline context, the proofs' included, before any JSON-LD processing
        String tooMuch = org.reconnaitre.badges.model.internal.jsonld.InlineContexts.check(doc);
        if (tooMuch != null) {
            return new ProofResult(List.of(), "The document is not processed as JSON-LD: " + tooMuch
                    + " (a bound that keeps verification fast)");
        }
        // a proof set holds each proof once: a copied proof adds no signer, and a set that counts
        // one signature twice is not what any issuer produced
        for (int i = 0; i < proofs.size(); i++) {
            for (int j = i + 1; j < proofs.size(); j++) {
                if (proofs.get(i).equals(proofs.get(j)) || sameProofValue(proofs.get(i), proofs.get(j))) {
                    return new ProofResult(List.of(), "The document holds the same proof twice (proofs " + (i + 1)
                            + " and " + (j + 1) + "): a proof set lists each proof once");
                }
            }
        }
        ObjectNode unsecured = doc.deepCopy();
        unsecured.remove("proof");
        Map<String, byte[]> docHashes = new HashMap<>();
        List<ProofOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < proofs.size(); i++) {
            outcomes.add(verifyOne(i, proofs.get(i), proofs, unsecured, resolver, budget, docHashes, expect));
        }
        return new ProofResult(outcomes, "");
    }

    private static boolean sameProofValue(JsonNode a, JsonNode b) {
        JsonNode x = a.get("proofValue");
        JsonNode y = b.get("proofValue");
        return x != null && x.isTextual() && !x.asText().isEmpty() && x.equals(y);
    }

    private static ProofOutcome verifyOne(int index, JsonNode proofNode, List<JsonNode> all, ObjectNode unsecured,
            KeyResolver resolver, Budget budget, Map<String, byte[]> docHashes, ProofChecks.Expectations expect) {
        if (!(proofNode instanceof ObjectNode proof)) {
            return outcome(index, "", "", "", "", "", Status.MALFORMED_PROOF, "The proof is not a JSON object",
                    null, List.of());
        }
        // the options are read from the JSON members: only their one compact spelling is accepted
        // (a proof of another, unsupported type, e.g. with a 'jws', is reported as unsupported below)
        String shape = ProofChecks.shapeProblem(proof);
        JsonNode typeNode = proof.get("type");
        boolean otherType = typeNode != null && typeNode.isTextual()
                && !DATA_INTEGRITY_PROOF.equals(typeNode.asText()) && !ED25519_SIGNATURE_2020.equals(typeNode.asText());
        if (shape != null && !otherType) {
            return outcome(index, text(proof, "type"), text(proof, "cryptosuite"), text(proof, "verificationMethod"),
                    text(proof, "proofPurpose"), text(proof, "created"), Status.MALFORMED_PROOF, shape, null, List.of());
        }
        String type = text(proof, "type");
        String cryptosuite = text(proof, "cryptosuite");
        String vmId = text(proof, "verificationMethod");
        String purpose = text(proof, "proofPurpose");
        String created = text(proof, "created");
        List<String> warnings = new ArrayList<>();
        Suite suite;
        if (DATA_INTEGRITY_PROOF.equals(type)) {
            switch (cryptosuite) {
                case "eddsa-rdfc-2022":
                    suite = Suite.EDDSA_RDFC_2022;
                    break;
                case "eddsa-2022":
                    suite = Suite.EDDSA_2022;
                    warnings.add("The cryptosuite name 'eddsa-2022' is a pre-final draft name; it was checked as"
                            + " eddsa-rdfc-2022 (issuers should use 'eddsa-rdfc-2022')");
                    break;
                case "ecdsa-rdfc-2019":
                    suite = Suite.ECDSA_RDFC_2019;
                    break;
                case "eddsa-jcs-2022":
                    suite = Suite.EDDSA_JCS_2022;
                    break;
                case EcdsaSd2023.ID:
                    suite = Suite.ECDSA_SD_2023;
                    break;
                default:
                    return outcome(index, type, cryptosuite, vmId, purpose, created, Status.UNSUPPORTED_SUITE,
                            "Unsupported cryptosuite '" + cryptosuite + "' (supported: eddsa-rdfc-2022, ecdsa-rdfc-2019,"
                                    + " ecdsa-sd-2023, eddsa-jcs-2022, and eddsa-2022 for compatibility)", null, warnings);
            }
        } else if (ED25519_SIGNATURE_2020.equals(type)) {
            suite = Suite.ED25519_SIGNATURE_2020;
        } else {
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.UNSUPPORTED_SUITE,
                    "Unsupported proof type '" + type + "' (supported: DataIntegrityProof, Ed25519Signature2020)",
                    null, warnings);
        }
        String proofValue = text(proof, "proofValue");
        byte[] signature = new byte[0];
        if (suite == Suite.ECDSA_SD_2023) {
            try {
                EcdsaSd2023.decodeProofValue(proofValue);
            } catch (ProofFailure f) {
                return outcome(index, type, cryptosuite, vmId, purpose, created, f.status(), f.getMessage(), null,
                        warnings);
            }
        } else if (proofValue.isEmpty() || !proofValue.startsWith("z")) {
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.MALFORMED_PROOF,
                    "proofValue is missing or not multibase base58btc ('z...')", null, warnings);
        } else {
            try {
                signature = Base58.decode(proofValue.substring(1));
            } catch (IllegalArgumentException e) {
                return outcome(index, type, cryptosuite, vmId, purpose, created, Status.MALFORMED_PROOF,
                        "proofValue is not valid base58btc: " + e.getMessage(), null, warnings);
            }
        }
        if (vmId.isEmpty()) {
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.KEY_UNAVAILABLE,
                    "The proof has no verificationMethod, so no key can be found for it", null, warnings);
        }
        if (purpose.isEmpty()) {
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.MALFORMED_PROOF,
                    "The proof has no proofPurpose", null, warnings);
        }
        ProofChecks.Verdict options = ProofChecks.judge(proof, expect);
        if (options.failure() != null) {
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.PROOF_OPTIONS_REJECTED,
                    options.failure(), null, warnings);
        }
        warnings.addAll(options.warnings());
        VerificationMethod vm;
        try {
            vm = resolver.resolve(vmId);
        } catch (BadgeException e) {
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.KEY_UNAVAILABLE,
                    "Cannot obtain the key " + abbreviate(vmId) + ": " + e.getMessage(), null, warnings);
        }
        if (vm.source() == KeySource.URL_FRAGMENT) {
            warnings.add("The key was read from the verification method URL's fragment (1EdTech compatibility"
                    + " mode); no controller document vouches for it beyond the URL");
        }
        if (vm.key().type() != suite.keyType) {
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.KEY_MISMATCH,
                    "The key is " + vm.key().type() + " but the suite needs " + suite.keyType, vm, warnings);
        }

        ObjectNode doc = unsecured;
        String docKey = "";
        JsonNode previous = proof.get("previousProof");
        if (previous != null) {
            List<String> ids = new ArrayList<>();
            if (previous.isTextual()) {
                ids.add(previous.asText());
            } else if (previous.isArray()) {
                previous.forEach(p -> ids.add(p.asText()));
            }
            ArrayNode chain = Json.mapper().createArrayNode();
            for (String id : ids) {
                Optional<JsonNode> match = all.stream().filter(p -> id.equals(text(p, "id"))).findFirst();
                if (match.isEmpty()) {
                    return outcome(index, type, cryptosuite, vmId, purpose, created, Status.MALFORMED_PROOF,
                            "previousProof '" + abbreviate(id) + "' is not among the document's proofs", vm, warnings);
                }
                chain.add(match.get());
            }
            doc = unsecured.deepCopy();
            doc.set("proof", chain.size() == 1 ? chain.get(0) : chain);
            docKey = String.join("\u0000", ids);
        }

        ObjectNode config = proof.deepCopy();
        config.remove("proofValue");
        JsonNode docContext = doc.get("@context");
        JsonNode proofContext = proof.get("@context");
        if (proofContext != null && suite != Suite.ED25519_SIGNATURE_2020) {
            if (!startsWith(docContext, proofContext)) {
                return outcome(index, type, cryptosuite, vmId, purpose, created, Status.MALFORMED_PROOF,
                        "The proof's @context does not match the start of the document's @context", vm, warnings);
            }
            doc = doc.deepCopy();
            doc.set("@context", proofContext);
            docKey = docKey + "\u0001ctx";
        } else if (docContext != null) {
            config.set("@context", docContext);
        }

        if (suite == Suite.ECDSA_SD_2023) {
            try {
                EcdsaSd2023.verify(doc, config, proofValue, vm.key(), budget, expect.sdIdentityMandatory());
            } catch (ProofFailure f) {
                return outcome(index, type, cryptosuite, vmId, purpose, created, f.status(), f.getMessage(), vm,
                        warnings);
            } catch (RuntimeException e) {
                return outcome(index, type, cryptosuite, vmId, purpose, created, Status.MALFORMED_PROOF,
                        "The ecdsa-sd-2023 proof could not be checked (" + e.getClass().getSimpleName() + ")", vm, warnings);
            }
            return outcome(index, type, cryptosuite, vmId, purpose, created, Status.VALID, "", vm, warnings);
        }
        try {
            String cacheKey = suite.rdfc + "\u0002" + docKey;
            byte[] docHash = docHashes.get(cacheKey);
            if (docHash == null || proofContext != null) {
                docHash = sha256(suite.rdfc ? Canonicalizer.rdfc(doc, budget) : jcsChecked(doc, budget));
                docHashes.put(cacheKey, docHash);
            }
            byte[] configHash = sha256(suite.rdfc ? rdfcConfig(config, budget) : jcsChecked(config, budget));
            byte[] data = concat(configHash, docHash);
            if (!vm.key().verify(data, signature)) {
                return outcome(index, type, cryptosuite, vmId, purpose, created, Status.INVALID_SIGNATURE,
                        "The signature does not match the document: it was changed after signing, or signed with"
                                + " another key", vm, warnings);
            }
        } catch (ProofFailure f) {
            return outcome(index, type, cryptosuite, vmId, purpose, created, f.status(), f.getMessage(), vm, warnings);
        }
        return outcome(index, type, cryptosuite, vmId, purpose, created, Status.VALID, "", vm, warnings);
    }

    static byte[] hashData(Suite suite, ObjectNode config, ObjectNode document, Budget budget) throws ProofFailure {
        if (suite.rdfc) {
            return concat(sha256(rdfcConfig(config, budget)), sha256(Canonicalizer.rdfc(document, budget)));
        }
        return concat(sha256(jcsChecked(config, budget)), sha256(jcsChecked(document, budget)));
    }

    static String rdfcConfig(ObjectNode config, Budget budget) throws ProofFailure {
        Optional<String> fast = ProofConfigTemplate.canonical(config);
        return fast.isPresent() ? fast.get() : Canonicalizer.rdfc(config, budget);
    }

    /** JCS, after checking that JSON-LD expansion would drop nothing (when the document has a context). */
    private static String jcsChecked(ObjectNode node, Budget budget) throws ProofFailure {
        if (node.has("@context")) {
            Canonicalizer.expand(node, budget);
        }
        return Canonicalizer.jcs(node);
    }

    private static boolean startsWith(@Nullable JsonNode docContext, JsonNode proofContext) {
        if (docContext == null) {
            return false;
        }
        List<JsonNode> d = new ArrayList<>();
        List<JsonNode> p = new ArrayList<>();
        if (docContext.isArray()) {
            docContext.forEach(d::add);
        } else {
            d.add(docContext);
        }
        if (proofContext.isArray()) {
            proofContext.forEach(p::add);
        } else {
            p.add(proofContext);
        }
        if (p.size() > d.size()) {
            return false;
        }
        for (int i = 0; i < p.size(); i++) {
            if (!p.get(i).equals(d.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static ProofOutcome outcome(int index, String type, String cryptosuite, String vmId, String purpose,
            String created, Status status, String reason, @Nullable VerificationMethod vm, List<String> warnings) {
        return new ProofOutcome(index, type, cryptosuite, vmId, purpose, created, status, reason,
                Optional.ofNullable(vm), warnings);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    static String pretty(JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return Json.mapper().writer(printer).writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
