package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;

/** Sign → verify for every suite; tampering breaks the proof; graph-preserving edits do not (RDFC). */
class DataIntegrityRoundTripTest {
    static final Instant CREATED = Instant.parse("2024-06-01T12:00:00Z");

    static String credential() throws IOException {
        try (InputStream in = DataIntegrityRoundTripTest.class.getResourceAsStream("/di/ob3-unsigned.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SigningKey keyFor(Cryptosuite suite) {
        return SigningKey.generate(suite.keyType());
    }

    static ProofOptions options(Cryptosuite suite) {
        return ProofOptions.builder(suite).created(CREATED).build();
    }

    @ParameterizedTest
    @EnumSource(value = Cryptosuite.class, names = "ECDSA_SD_2023", mode = EnumSource.Mode.EXCLUDE) // EcdsaSd2023*Test
    void signThenVerify(Cryptosuite suite) throws Exception {
        SigningKey key = keyFor(suite);
        String unsigned = credential();
        String signed = DataIntegrity.sign(unsigned, key, options(suite));

        ProofResult r = DataIntegrity.verify(signed, KeyResolver.offline());
        assertThat(r.valid()).as(r.summary()).isTrue();
        ProofOutcome p = r.proofs().get(0);
        assertThat(p.cryptosuite()).isEqualTo(suite.id());
        assertThat(p.verificationMethodId()).isEqualTo(DidKey.verificationMethodId(key.publicKey()));
        assertThat(p.verificationMethod().orElseThrow().source()).isEqualTo(KeySource.DID_KEY);
        assertThat(p.verificationMethod().orElseThrow().controller()).isEqualTo(key.publicKey().didKey());
        assertThat(p.created()).isEqualTo("2024-06-01T12:00:00Z");
        assertThat(p.warnings()).isEmpty();

        // the caller's JSON is kept: same keys in the same order, then the proof; pretty in, pretty out
        List<String> before = fieldNames(Json.parse(unsigned));
        List<String> after = fieldNames(Json.parse(signed));
        before.add("proof");
        assertThat(after).isEqualTo(before);
        assertThat(signed).contains("\n  \"proof\": {");
        // deterministic signatures: same input and options give the same bytes
        assertThat(DataIntegrity.sign(unsigned, key, options(suite))).isEqualTo(signed);
    }

    @ParameterizedTest
    @EnumSource(value = Cryptosuite.class, names = "ECDSA_SD_2023", mode = EnumSource.Mode.EXCLUDE) // EcdsaSd2023*Test
    void everyMeaningfulChangeBreaksTheProof(Cryptosuite suite) throws Exception {
        String signed = DataIntegrity.sign(credential(), keyFor(suite), options(suite));
        Map<String, Consumer<ObjectNode>> tampers = Map.of(
                "change a value", d -> d.put("name", "Senior Java developer"),
                "remove a property", d -> ((ObjectNode) d.get("credentialSubject").get("achievement")).remove("description"),
                "add a defined property", d -> d.put("validUntil", "2030-01-01T00:00:00Z"),
                "change the issuer", d -> ((ObjectNode) d.get("issuer")).put("id", "https://attacker.example/profile"),
                "change a date", d -> d.put("validFrom", "2023-01-01T00:00:00Z"),
                "change the subject", d -> ((ObjectNode) d.get("credentialSubject")).put("id", "did:example:someone-else"),
                "change the proof date", d -> ((ObjectNode) d.get("proof")).put("created", "2025-01-01T00:00:00Z"),
                "change the proof purpose", d -> ((ObjectNode) d.get("proof")).put("proofPurpose", "authentication"));
        for (Map.Entry<String, Consumer<ObjectNode>> t : tampers.entrySet()) {
            ObjectNode doc = (ObjectNode) Json.parse(signed);
            t.getValue().accept(doc);
            // a verifier expecting the changed purpose gets past the purpose check, to the signature
            DataIntegrity.Settings settings = t.getKey().contains("purpose")
                    ? DataIntegrity.Settings.builder().expectedProofPurpose("authentication").build()
                    : DataIntegrity.Settings.defaults();
            ProofResult r = DataIntegrity.verify(Json.write(doc), KeyResolver.offline(), settings);
            assertThat(r.valid()).as(t.getKey()).isFalse();
            assertThat(r.proofs().get(0).status()).as(t.getKey()).isEqualTo(ProofOutcome.Status.INVALID_SIGNATURE);
        }
        ObjectNode doc = (ObjectNode) Json.parse(signed);
        doc.put("undefinedTerm", "not in any context");
        ProofResult r = DataIntegrity.verify(Json.write(doc), KeyResolver.offline());
        assertThat(r.proofs().get(0).status()).isEqualTo(ProofOutcome.Status.INVALID_DOCUMENT);
        assertThat(r.proofs().get(0).reason()).contains("undefinedTerm");
    }

    @ParameterizedTest
    @EnumSource(value = Cryptosuite.class, names = {"EDDSA_RDFC_2022", "ECDSA_RDFC_2019"})
    void rdfcSuitesAcceptChangesThatKeepTheGraph(Cryptosuite suite) throws Exception {
        String signed = DataIntegrity.sign(credential(), keyFor(suite), options(suite));
        ObjectNode doc = (ObjectNode) Json.parse(signed);
        // reverse the key order, compact the whitespace, and write one single-valued array as a value
        ObjectNode reordered = Json.mapper().createObjectNode();
        List<String> names = fieldNames(doc);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, doc.get(n)));
        ((ObjectNode) reordered.get("issuer")).put("type", "Profile");
        String edited = Json.write(reordered);
        assertThat(edited).isNotEqualTo(signed);
        ProofResult r = DataIntegrity.verify(edited, KeyResolver.offline());
        assertThat(r.valid()).as(r.summary()).isTrue();
    }

    @Test
    void jcsSuiteAcceptsWhitespaceAndKeyOrderButNotACompactedArray() throws Exception {
        Cryptosuite suite = Cryptosuite.EDDSA_JCS_2022;
        String signed = DataIntegrity.sign(credential(), keyFor(suite), options(suite));
        ObjectNode doc = (ObjectNode) Json.parse(signed);
        ObjectNode reordered = Json.mapper().createObjectNode();
        List<String> names = fieldNames(doc);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, doc.get(n)));
        assertThat(DataIntegrity.verify(Json.write(reordered), KeyResolver.offline()).valid()).isTrue();
        ((ObjectNode) reordered.get("issuer")).put("type", "Profile");
        assertThat(DataIntegrity.verify(Json.write(reordered), KeyResolver.offline()).proofs().get(0).status())
                .isEqualTo(ProofOutcome.Status.INVALID_SIGNATURE);
    }

    @Test
    void proofSetsAreCheckedProofByProof() throws Exception {
        SigningKey ed = SigningKey.generate(KeyType.ED25519);
        SigningKey p256 = SigningKey.generate(KeyType.P256);
        String once = DataIntegrity.sign(credential(), ed, options(Cryptosuite.EDDSA_RDFC_2022));
        String twice = DataIntegrity.sign(once, p256, options(Cryptosuite.ECDSA_RDFC_2019));
        JsonNode proof = Json.parse(twice).get("proof");
        assertThat(proof.isArray()).isTrue();
        assertThat(proof).hasSize(2);
        ProofResult r = DataIntegrity.verify(twice, KeyResolver.offline());
        assertThat(r.valid()).as(r.summary()).isTrue();
        assertThat(r.proofs()).extracting(ProofOutcome::cryptosuite).containsExactly("eddsa-rdfc-2022", "ecdsa-rdfc-2019");

        ObjectNode doc = (ObjectNode) Json.parse(twice);
        ((ArrayNode) doc.get("proof")).remove(0);
        doc.put("name", "changed");
        ProofResult bad = DataIntegrity.verify(Json.write(doc), KeyResolver.offline());
        assertThat(bad.valid()).isFalse();
    }

    @Test
    void keyAndSuiteMustMatchAndUndefinedTermsAreNotSigned() throws Exception {
        SigningKey p256 = SigningKey.generate(KeyType.P256);
        assertThatThrownBy(() -> DataIntegrity.sign(credential(), p256, options(Cryptosuite.EDDSA_RDFC_2022)))
                .isInstanceOfSatisfying(BadgeException.class,
                        e -> assertThat(e.code()).isEqualTo(BadgeException.Code.SIGNING_FAILED));
        assertThatThrownBy(() -> Cryptosuite.defaultFor(KeyType.RSA)).isInstanceOf(IllegalArgumentException.class);

        ObjectNode doc = (ObjectNode) Json.parse(credential());
        doc.put("favouriteColour", "blue");
        SigningKey ed = SigningKey.generate(KeyType.ED25519);
        for (Cryptosuite suite : List.of(Cryptosuite.EDDSA_RDFC_2022, Cryptosuite.EDDSA_JCS_2022)) {
            assertThatThrownBy(() -> DataIntegrity.sign(Json.write(doc), ed, options(suite)))
                    .isInstanceOf(BadgeException.class).hasMessageContaining("favouriteColour");
        }
        ObjectNode relType = (ObjectNode) Json.parse(credential());
        ((ObjectNode) relType.get("issuer")).put("type", "NotAType");
        assertThatThrownBy(() -> DataIntegrity.sign(Json.write(relType), ed, options(Cryptosuite.EDDSA_RDFC_2022)))
                .isInstanceOf(BadgeException.class).hasMessageContaining("NotAType");
    }

    @Test
    void keyIdThatIsAUrlBecomesTheVerificationMethod() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String vm = "https://issuer.example/profile#" + key.publicKey().toMultibase();
        String signed = DataIntegrity.sign(credential(), key.withKeyId(vm), options(Cryptosuite.EDDSA_RDFC_2022));
        ProofResult r = DataIntegrity.verify(signed, KeyResolver.offline());
        assertThat(r.valid()).isTrue();
        assertThat(r.proofs().get(0).verificationMethodId()).isEqualTo(vm);
        assertThat(r.proofs().get(0).verificationMethod().orElseThrow().source()).isEqualTo(KeySource.URL_FRAGMENT);
        assertThat(r.proofs().get(0).verificationMethod().orElseThrow().controller()).isEqualTo("https://issuer.example/profile");
    }

    @Test
    void twoThreadsGetTheSameResult() throws Exception {
        String signed = DataIntegrity.sign(credential(), SigningKey.generate(KeyType.ED25519),
                options(Cryptosuite.EDDSA_RDFC_2022));
        KeyResolver resolver = KeyResolver.offline();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ProofResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> DataIntegrity.verify(signed, resolver)));
            }
            ProofResult first = futures.get(0).get();
            assertThat(first.valid()).isTrue();
            for (Future<ProofResult> f : futures) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = n.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
