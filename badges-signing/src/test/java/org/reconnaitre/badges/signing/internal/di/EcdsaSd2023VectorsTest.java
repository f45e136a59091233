package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.internal.multiformats.Multicodec;

/**
 * Reproduces the W3C vc-di-ecdsa {@code ecdsa-sd-2023} test vectors (src/test/resources/di/ecdsa-sd-2023,
 * see NOTICE.md): the issuer's base signature and every statement signature of the published base
 * proof verify over the statements and hashes we compute; deriving from the published base proof
 * with the published selective pointers gives the published disclosure byte for byte; a base
 * proof we create with the published keys and HMAC key has the same components.
 */
class EcdsaSd2023VectorsTest {
    static final List<String> MANDATORY = List.of("/issuer", "/credentialSubject/sailNumber",
            "/credentialSubject/sails/1", "/credentialSubject/boards/0/year", "/credentialSubject/sails/2");
    static final List<String> SELECTIVE = List.of("/credentialSubject/boards/0", "/credentialSubject/boards/1");
    static final Budget BUDGET = Budget.of(20_000, java.time.Duration.ofHours(1),
            org.reconnaitre.badges.model.internal.jsonld.BundledContexts.loader());

    static String resource(String name) throws IOException {
        try (InputStream in = EcdsaSd2023VectorsTest.class.getResourceAsStream("/di/ecdsa-sd-2023/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static JsonNode keys() throws Exception {
        return Json.parse(resource("SDKeyMaterial.json"));
    }

    static byte[] hmacKey() throws Exception {
        return HexFormat.of().parseHex(keys().get("hmacKeyString").asText());
    }

    @Test
    void thePublishedBaseProofVerifiesOverOurStatementsAndHashes() throws Exception {
        ObjectNode signed = (ObjectNode) Json.parse(resource("addSignedSDBase.json"));
        ObjectNode proof = (ObjectNode) signed.get("proof");
        EcdsaSd2023.Base base = EcdsaSd2023.parseBase(proof.get("proofValue").asText(), 1000);
        assertThat(base.mandatoryPointers()).isEqualTo(MANDATORY);
        assertThat(base.hmacKey()).isEqualTo(hmacKey());
        assertThat(base.publicKey()).isEqualTo(Multicodec.P256_PUB.wrap(
                VerificationKey.fromMultikey(keys().get("proofKeyPair").get("publicKeyMultibase").asText()).encoded()));

        ObjectNode unsecured = signed.deepCopy();
        unsecured.remove("proof");
        EcdsaSd2023.Grouped g = EcdsaSd2023.canonicalizeAndGroup(unsecured, base.hmacKey(),
                java.util.Map.of("mandatory", base.mandatoryPointers()), BUDGET);
        EcdsaSd2023.Group mandatory = g.groups().get("mandatory");
        assertThat(mandatory.matching()).isNotEmpty();
        assertThat(g.nquads()).allMatch(q -> !q.contains("_:c14n") && !q.contains("_:b"));
        // the statement signatures of the vector, made by its disclosure key, match our non-mandatory statements
        VerificationKey ephemeral = VerificationKey.fromMultikey(keys().get("proofKeyPair").get("publicKeyMultibase").asText());
        assertThat(base.signatures()).hasSize(mandatory.nonMatching().size());
        int i = 0;
        for (String q : mandatory.nonMatching().values()) {
            assertThat(ephemeral.verify(q.getBytes(StandardCharsets.UTF_8), base.signatures().get(i++))).as(q).isTrue();
        }
        // the issuer's base signature matches our proof hash and mandatory hash
        ObjectNode config = proof.deepCopy();
        config.remove("proofValue");
        config.set("@context", unsecured.get("@context"));
        byte[] proofHash = DataIntegrityEngine.sha256(DataIntegrityEngine.rdfcConfig(config, BUDGET));
        byte[] mandatoryHash = DataIntegrityEngine.sha256(String.join("", mandatory.matching().values()));
        byte[] data = DataIntegrityEngine.concat(DataIntegrityEngine.concat(proofHash, base.publicKey()), mandatoryHash);
        VerificationKey issuer = VerificationKey.fromMultikey(keys().get("baseKeyPair").get("publicKeyMultibase").asText());
        assertThat(issuer.verify(data, base.baseSignature())).isTrue();
        data[0] ^= 1;
        assertThat(issuer.verify(data, base.baseSignature())).isFalse();
    }

    @Test
    void derivingFromThePublishedBaseProofGivesThePublishedDisclosure() throws Exception {
        String derived = DataIntegrity.derive(resource("addSignedSDBase.json"), SELECTIVE);
        JsonNode expected = Json.parse(resource("derivedRevealDocument.json"));
        JsonNode actual = Json.parse(derived);
        assertThat(actual.get("proof").get("proofValue").asText()).isEqualTo(expected.get("proof").get("proofValue").asText());
        assertThat(actual).isEqualTo(expected);
        // same member order as the JavaScript implementation (the disclosed year of board 0 first)
        assertThat(Json.write(actual)).isEqualTo(Json.write(expected));
        ProofResult r = DataIntegrity.verify(derived, KeyResolver.offline());
        assertThat(r.valid()).as(r.summary()).isTrue();
    }

    @Test
    void aBaseProofWeCreateWithThePublishedSecretsHasThePublishedComponents() throws Exception {
        SigningKey issuer = SigningKey.fromMultibase(keys().get("baseKeyPair").get("privateKeyMultibase").asText());
        SigningKey ephemeral = SigningKey.fromMultibase(keys().get("proofKeyPair").get("privateKeyMultibase").asText());
        ObjectNode unsigned = (ObjectNode) Json.parse(resource("addSignedSDBase.json"));
        ObjectNode published = (ObjectNode) unsigned.remove("proof");
        ProofOptions options = ProofOptions.builder(Cryptosuite.ECDSA_SD_2023)
                .verificationMethod(published.get("verificationMethod").asText())
                .created(Instant.parse(published.get("created").asText()))
                .mandatoryPointers(MANDATORY)
                .build();
        String ours = DataIntegrityEngine.sign(Json.write(unsigned), issuer, options, BUDGET,
                new EcdsaSd2023.Secrets(hmacKey(), ephemeral));
        ObjectNode ourProof = (ObjectNode) Json.parse(ours).get("proof");
        for (String field : List.of("type", "cryptosuite", "created", "verificationMethod", "proofPurpose")) {
            assertThat(ourProof.get(field)).as(field).isEqualTo(published.get(field));
        }
        EcdsaSd2023.Base a = EcdsaSd2023.parseBase(ourProof.get("proofValue").asText(), 1000);
        EcdsaSd2023.Base b = EcdsaSd2023.parseBase(published.get("proofValue").asText(), 1000);
        assertThat(a.publicKey()).isEqualTo(b.publicKey());
        assertThat(a.hmacKey()).isEqualTo(b.hmacKey());
        assertThat(a.mandatoryPointers()).isEqualTo(b.mandatoryPointers());
        assertThat(a.signatures()).hasSameSizeAs(b.signatures());
        // ECDSA signatures differ (the vectors' were randomised, ours are RFC 6979), but ours derive and verify
        String disclosed = DataIntegrity.derive(ours, SELECTIVE);
        ProofResult r = DataIntegrity.verify(disclosed, KeyResolver.offline());
        assertThat(r.valid()).as(r.summary()).isTrue();
        JsonNode expected = Json.parse(resource("derivedRevealDocument.json"));
        ObjectNode withoutProof = (ObjectNode) Json.parse(disclosed);
        withoutProof.remove("proof");
        ObjectNode expectedWithoutProof = expected.deepCopy();
        expectedWithoutProof.remove("proof");
        assertThat(withoutProof).isEqualTo(expectedWithoutProof);
    }

    @Test
    void cborRoundTrips() throws Exception {
        String pv = Json.parse(resource("derivedRevealDocument.json")).get("proof").get("proofValue").asText();
        EcdsaSd2023.Derived d = EcdsaSd2023.parseDerived(pv, 1000);
        assertThat(d.signatures()).hasSize(6);
        assertThat(d.labelMap()).hasSize(6);
        assertThat(d.mandatoryIndexes()).containsExactly(0, 1, 2, 5, 6, 8, 9, 10, 14, 15, 16, 17, 18, 19);
        assertThat(EcdsaSd2023.serializeDerived(d)).isEqualTo(pv);
        String base = Json.parse(resource("addSignedSDBase.json")).get("proof").get("proofValue").asText();
        assertThat(EcdsaSd2023.serializeBase(EcdsaSd2023.parseBase(base, 1000))).isEqualTo(base);
    }
}
