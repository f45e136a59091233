package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOutcome;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.multiformats.Base58;

/**
 * Issue #12, class 4: the proof options are read from the JSON {@code proof} object, so only its
 * canonical compact form is accepted. A proof whose {@code expires} (or {@code created}) is written
 * in another JSON-LD spelling of the same signed configuration ({@code @nest}, full IRI, value
 * object) is refused, although its signature (made here with the issuer's key) is valid.
 */
class ProofShapeTest {
    static final Budget BUDGET = Budget.of(20_000, java.time.Duration.ofHours(1), BundledContexts.loader());
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    static final String DID = DidKey.of(KEY.publicKey());
    static final String XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime";

    static ObjectNode unsigned() throws Exception {
        return (ObjectNode) Json.parse("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\","
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"issuer\":{\"id\":\"" + DID + "\",\"type\":[\"Profile\"],\"name\":\"Example University\"},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Teamwork Badge\","
                + "\"credentialSubject\":{\"id\":\"did:example:ebfeb1f712ebc6f1c276e12ec21\","
                + "\"type\":[\"AchievementSubject\"],"
                + "\"achievement\":{\"id\":\"https://example.com/achievements/teamwork\",\"type\":[\"Achievement\"],"
                + "\"criteria\":{\"narrative\":\"Works well in a team.\"},\"description\":\"Teamwork.\",\"name\":\"Teamwork\"}}}");
    }

    /** The canonical proof (without value) with an {@code expires} date in the past. */
    static ObjectNode expiredProof() {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("type", "DataIntegrityProof");
        p.put("cryptosuite", "eddsa-rdfc-2022");
        p.put("created", "2000-01-01T00:00:00Z");
        p.put("expires", "2001-01-01T00:00:00Z");
        p.put("verificationMethod", DidKey.verificationMethodId(KEY.publicKey()));
        p.put("proofPurpose", "assertionMethod");
        return p;
    }

    /** Signs the document with this exact proof object (as an issuer who controls the key could). */
    static String signWith(ObjectNode document, ObjectNode proof) throws Exception {
        ObjectNode config = proof.deepCopy();
        config.set("@context", document.get("@context"));
        byte[] data = DataIntegrityEngine.hashData(DataIntegrityEngine.Suite.EDDSA_RDFC_2022, config, document, BUDGET);
        ObjectNode signedProof = proof.deepCopy();
        signedProof.put("proofValue", "z" + Base58.encode(KEY.sign(data)));
        ObjectNode out = document.deepCopy();
        out.set("proof", signedProof);
        return Json.write(out);
    }

    /** The canonical N-Quads of a proof configuration, as the signature covers them. */
    static String configNQuads(ObjectNode proof) throws Exception {
        ObjectNode config = proof.deepCopy();
        config.set("@context", unsigned().get("@context"));
        return Canonicalizer.rdfc(config, BUDGET);
    }

    static ProofOutcome verifyAtNow(String json) {
        ProofResult r = DataIntegrity.verify(json, KeyResolver.offline(),
                DataIntegrity.Settings.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
        assertThat(r.proofs()).as(r.summary()).hasSize(1);
        return r.proofs().get(0);
    }

    @Test
    void theCanonicalExpiredProofIsRejectedForItsDate() throws Exception {
        ProofOutcome p = verifyAtNow(signWith(unsigned(), expiredProof()));
        assertThat(p.status()).as(p.reason()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
        assertThat(p.reason()).contains("expired");
        // before its expiry the same signed proof is valid: the signature helper is right
        ProofResult before = DataIntegrity.verify(signWith(unsigned(), expiredProof()), KeyResolver.offline(),
                DataIntegrity.Settings.builder().clock(Clock.fixed(Instant.parse("2000-06-01T00:00:00Z"), ZoneOffset.UTC))
                        .build());
        assertThat(before.valid()).as(before.summary()).isTrue();
    }

    @Test
    void anotherSpellingOfTheSameSignedExpiryIsRefused() throws Exception {
        String canonical = configNQuads(expiredProof());
        Map<String, Consumer<ObjectNode>> rewrites = Map.of(
                "expires moved into @nest", p -> {
                    p.remove("expires");
                    p.putObject("@nest").put("expires", "2001-01-01T00:00:00Z");
                },
                "expires under its full IRI", p -> {
                    p.remove("expires");
                    ObjectNode v = p.putObject("https://w3id.org/security#expiration");
                    v.put("@value", "2001-01-01T00:00:00Z");
                    v.put("@type", XSD_DATETIME);
                },
                "expires as a value object", p -> p.putObject("expires").put("@value", "2001-01-01T00:00:00Z")
                        .put("@type", XSD_DATETIME),
                "expires as a one-element array", p -> p.putArray("expires").add("2001-01-01T00:00:00Z"),
                "created under its full IRI", p -> {
                    p.remove("created");
                    ObjectNode v = p.putObject("http://purl.org/dc/terms/created");
                    v.put("@value", "2000-01-01T00:00:00Z");
                    v.put("@type", XSD_DATETIME);
                });
        for (Map.Entry<String, Consumer<ObjectNode>> r : rewrites.entrySet()) {
            ObjectNode proof = expiredProof();
            r.getValue().accept(proof);
            // the rewrite is meaning-preserving: the signature covers the very same configuration
            assertThat(configNQuads(proof)).as(r.getKey()).isEqualTo(canonical);
            String json = signWith(unsigned(), proof);
            ProofOutcome p = verifyAtNow(json);
            assertThat(p.status()).as(r.getKey() + ": " + p.reason()).isEqualTo(ProofOutcome.Status.MALFORMED_PROOF);
            assertThat(p.reason()).as(r.getKey()).containsAnyOf("compact form", "plain string");

            VerificationReport report = Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().verify(json);
            assertThat(report.check("proof").orElseThrow().outcome()).as(r.getKey()).isEqualTo(CheckOutcome.FAILED);
            assertThat(report.isValid()).isFalse();
        }
    }

    @Test
    void unknownMembersKeywordsAndNonStringValuesAreRefused() throws Exception {
        List<Consumer<ObjectNode>> changes = List.of(
                p -> p.put("sec:expiration", "2001-01-01T00:00:00Z"),
                p -> p.put("@id", "urn:uuid:1"),
                p -> p.put("@type", "DataIntegrityProof"),
                p -> p.put("comment", "hello"),
                p -> p.put("challenge", 42),
                p -> p.putArray("domain"),
                p -> p.putArray("domain").add("a").add(1),
                p -> p.putArray("type").add("DataIntegrityProof"),
                p -> p.putNull("proofPurpose"));
        for (Consumer<ObjectNode> change : changes) {
            ObjectNode proof = expiredProof();
            proof.put("expires", "2030-01-01T00:00:00Z");
            change.accept(proof);
            ObjectNode signed = (ObjectNode) Json.parse(signWith(unsigned(), expiredProof()));
            ((ObjectNode) signed.get("proof")).setAll(proof);
            ProofOutcome p = verifyAtNow(Json.write(signed));
            assertThat(p.status()).as(proof + ": " + p.reason()).isEqualTo(ProofOutcome.Status.MALFORMED_PROOF);
        }
    }

    @Test
    void aProofOfAnotherTypeIsReportedAsUnsupportedNotMalformed() throws Exception {
        ObjectNode signed = (ObjectNode) Json.parse(signWith(unsigned(), expiredProof()));
        ObjectNode proof = (ObjectNode) signed.get("proof");
        proof.put("type", "JsonWebSignature2020");
        proof.remove("proofValue");
        proof.put("jws", "eyJhbGciOiJFZERTQSJ9..c2ln");
        ProofOutcome p = verifyAtNow(Json.write(signed));
        assertThat(p.status()).as(p.reason()).isEqualTo(ProofOutcome.Status.UNSUPPORTED_SUITE);
    }

    @Test
    void malformedDatesAreRejected() throws Exception {
        for (String date : List.of("2000-01-01", "2000-01-01T00:00:00", "yesterday", "2000-13-01T00:00:00Z")) {
            ObjectNode proof = expiredProof();
            proof.put("created", date);
            proof.remove("expires");
            ProofOutcome p = verifyAtNow(signWith(unsigned(), proof));
            assertThat(p.status()).as(date + ": " + p.reason()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
            assertThat(p.reason()).contains("not a date-time");
            ObjectNode expiring = expiredProof();
            expiring.put("expires", date);
            assertThat(verifyAtNow(signWith(unsigned(), expiring)).status()).as(date)
                    .isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
        }
        // a time zone offset is fine
        ObjectNode offset = expiredProof();
        offset.put("created", "2000-01-01T02:00:00+02:00");
        offset.put("expires", "2030-01-01T00:00:00.5-05:00");
        ProofOutcome p = verifyAtNow(signWith(unsigned(), offset));
        assertThat(p.status()).as(p.reason()).isEqualTo(ProofOutcome.Status.VALID);
    }
}
