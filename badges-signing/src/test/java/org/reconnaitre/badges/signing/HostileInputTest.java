package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;

/** Hostile or broken input gives a failed result with a reason, quickly; never an exception or a hang. */
class HostileInputTest {
    private static final SigningKey KEY;

    static {
        try {
            KEY = SigningKey.fromEd25519Secret(new byte[32]);
        } catch (BadgeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The "poison graph": n blank nodes, each linked to every other, all alike to RDFC-1.0. */
    static ObjectNode poisonGraph(int n) {
        ObjectNode doc = Json.mapper().createObjectNode();
        ObjectNode ctx = doc.putObject("@context");
        ctx.put("@vocab", "urn:example:");
        ArrayNode graph = doc.putArray("@graph");
        for (int i = 0; i < n; i++) {
            ObjectNode node = graph.addObject();
            node.put("@id", "_:b" + i);
            ArrayNode links = node.putArray("link");
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    links.addObject().put("@id", "_:b" + j);
                }
            }
        }
        return doc;
    }

    static ObjectNode withProof(ObjectNode doc) {
        ObjectNode proof = doc.putObject("proof");
        proof.put("type", "DataIntegrityProof");
        proof.put("cryptosuite", "eddsa-rdfc-2022");
        proof.put("verificationMethod", DidKey.verificationMethodId(KEY.publicKey()));
        proof.put("proofPurpose", "assertionMethod");
        proof.put("created", "2024-01-01T00:00:00Z");
        proof.put("proofValue", "z" + "2".repeat(80));
        return doc;
    }

    @Test
    void poisonGraphExceedsTheTimeBudgetFast() {
        DataIntegrity.Settings settings = DataIntegrity.Settings.builder().timeout(Duration.ofMillis(300)).build();
        String json = Json.write(withProof(poisonGraph(24)));
        long start = System.nanoTime();
        ProofResult r = DataIntegrity.verify(json, KeyResolver.offline(), settings);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.valid()).isFalse();
        assertThat(r.proofs().get(0).status()).as(r.summary()).isEqualTo(ProofOutcome.Status.BUDGET_EXCEEDED);
        assertThat(r.proofs().get(0).reason()).contains("300 ms");
        assertThat(ms).isLessThan(5_000);

        assertThatThrownBy(() -> DataIntegrity.sign(Json.write(poisonGraph(24)), KEY,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build(), settings))
                .isInstanceOf(BadgeException.class).hasMessageContaining("300 ms");
    }

    @Test
    void tooManyQuadsIsRefused() {
        DataIntegrity.Settings settings = DataIntegrity.Settings.builder().maxQuads(50).build();
        String json = Json.write(withProof(poisonGraph(12)));
        ProofResult r = DataIntegrity.verify(json, KeyResolver.offline(), settings);
        assertThat(r.proofs().get(0).status()).isEqualTo(ProofOutcome.Status.BUDGET_EXCEEDED);
        assertThat(r.proofs().get(0).reason()).contains("50");
    }

    @Test
    void malformedDocumentsGiveAProblemNotAnException() {
        assertThat(DataIntegrity.verify("{not json", KeyResolver.offline()).problem()).contains("Malformed JSON");
        assertThat(DataIntegrity.verify("[1,2]", KeyResolver.offline()).problem()).contains("not a JSON object");
        assertThat(DataIntegrity.verify("{}", KeyResolver.offline()).problem()).contains("no proof");
        assertThat(DataIntegrity.verify("[".repeat(10_000), KeyResolver.offline()).valid()).isFalse();
        assertThat(DataIntegrity.verify("{\"proof\": 5}", KeyResolver.offline()).proofs().get(0).status())
                .isEqualTo(ProofOutcome.Status.MALFORMED_PROOF);
    }

    @Test
    void malformedProofsAreReported() throws Exception {
        String signed = DataIntegrity.sign(DataIntegrityRoundTripTest.credential(), KEY,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build());
        ObjectNode doc = (ObjectNode) Json.parse(signed);
        ObjectNode proof = (ObjectNode) doc.get("proof");

        proof.put("proofValue", "z0OIl");
        assertThat(status(doc)).isEqualTo(ProofOutcome.Status.MALFORMED_PROOF);
        proof.put("proofValue", "uAAAA");
        assertThat(status(doc)).isEqualTo(ProofOutcome.Status.MALFORMED_PROOF);
        proof.put("proofValue", "z2222");
        assertThat(status(doc)).isEqualTo(ProofOutcome.Status.INVALID_SIGNATURE);
        proof.put("cryptosuite", "bbs-2023");
        assertThat(status(doc)).isEqualTo(ProofOutcome.Status.UNSUPPORTED_SUITE);
        proof.put("cryptosuite", "ecdsa-rdfc-2019");
        assertThat(status(doc)).isEqualTo(ProofOutcome.Status.KEY_MISMATCH);
        proof.put("cryptosuite", "eddsa-rdfc-2022");
        proof.put("verificationMethod", "did:example:123#key");
        assertThat(status(doc)).isEqualTo(ProofOutcome.Status.KEY_UNAVAILABLE);
        proof.put("verificationMethod", "https://issuer.example/keys/1");
        ProofResult r = DataIntegrity.verify(Json.write(doc), KeyResolver.offline());
        assertThat(r.proofs().get(0).status()).isEqualTo(ProofOutcome.Status.KEY_UNAVAILABLE);
        assertThat(r.proofs().get(0).reason()).contains("https://issuer.example/keys/1").contains("Fetcher");
    }

    @Test
    void aKeywordLikeIriGivesAReasonNotTheProcessorsInternalMessage() throws Exception {
        ObjectNode doc = (ObjectNode) Json.parse(DataIntegrityRoundTripTest.credential());
        doc.put("issuer", "@foo"); // an IRI-valued property: JSON-LD IRI expansion gives null, Titanium throws
        ProofResult r = DataIntegrity.verify(Json.write(withProof(doc)), KeyResolver.offline());
        assertThat(r.proofs().get(0).status()).as(r.summary()).isEqualTo(ProofOutcome.Status.INVALID_DOCUMENT);
        assertThat(r.proofs().get(0).reason()).contains("could not be processed (NullPointerException)", "\"@foo\"")
                .doesNotContain("JsonObjects");
    }

    @Test
    void unknownContextsAreNeverFetched() throws Exception {
        String signed = DataIntegrity.sign(DataIntegrityRoundTripTest.credential(), KEY,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build());
        ObjectNode doc = (ObjectNode) Json.parse(signed);
        ((ArrayNode) doc.get("@context")).add("https://attacker.example/context.jsonld");
        ProofResult r = DataIntegrity.verify(Json.write(doc), KeyResolver.offline());
        assertThat(r.proofs().get(0).status()).isEqualTo(ProofOutcome.Status.INVALID_DOCUMENT);
        assertThat(r.proofs().get(0).reason()).contains("attacker.example");
    }

    private static ProofOutcome.Status status(ObjectNode doc) {
        return DataIntegrity.verify(Json.write(doc), KeyResolver.offline()).proofs().get(0).status();
    }
}
