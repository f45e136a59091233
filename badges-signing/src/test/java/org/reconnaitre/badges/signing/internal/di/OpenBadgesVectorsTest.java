package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.testing.SharedData;

/**
 * The 1EdTech OB 3.0 and CLR 2.0 Data Integrity vectors (vectors/ob-v3p0/*&#47;vector.json) and the
 * known-answer tests of vectors/kat (KAT.md), reproduced byte for byte.
 */
class OpenBadgesVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @ValueSource(strings = {"obv3p0", "clrv2p0"})
    void oneEdTechVector(String name) throws Exception {
        Path dir = SharedData.openbadges().resolve("vectors/ob-v3p0/" + name);
        JsonNode v = Json.parse(Files.readString(dir.resolve("vector.json")));
        SigningKey key = SigningKey.fromEd25519Secret(HEX.parseHex(v.get("keyPair").get("privateKeyHex").asText()));
        assertThat(SigningKey.fromMultibase(v.get("keyPair").get("secretKeyMultibase").asText()).publicKey())
                .isEqualTo(key.publicKey());
        assertThat(key.publicKey().toMultibase()).isEqualTo(v.get("keyPair").get("publicKeyMultibase").asText());

        ObjectNode unsigned = (ObjectNode) v.get("unsignedCredential");
        ObjectNode config = ((ObjectNode) v.get("proofOptions")).deepCopy();
        config.set("@context", unsigned.get("@context"));
        String canonDoc = Canonicalizer.rdfc(unsigned, W3cEddsaVectorsTest.BUDGET);
        String canonProof = Canonicalizer.rdfc(config, W3cEddsaVectorsTest.BUDGET);
        assertThat(canonDoc).isEqualTo(Files.readString(dir.resolve("document-canon.txt")));
        assertThat(canonProof).isEqualTo(Files.readString(dir.resolve("proof-canon.txt")));
        JsonNode expected = v.get("expected");
        assertThat(HEX.formatHex(DataIntegrityEngine.sha256(canonDoc))).isEqualTo(expected.get("documentHashHex").asText());
        assertThat(HEX.formatHex(DataIntegrityEngine.sha256(canonProof))).isEqualTo(expected.get("proofHashHex").asText());
        byte[] data = DataIntegrityEngine.hashData(DataIntegrityEngine.Suite.EDDSA_RDFC_2022, config, unsigned,
                W3cEddsaVectorsTest.BUDGET);
        assertThat(HEX.formatHex(data)).isEqualTo(expected.get("dataToSignHex").asText());
        assertThat(HEX.formatHex(key.sign(data))).isEqualTo(expected.get("signatureHex").asText());

        JsonNode options = v.get("proofOptions");
        String signed = DataIntegrity.sign(Json.write(unsigned), key, ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022)
                .verificationMethod(options.get("verificationMethod").asText())
                .created(Instant.parse(options.get("created").asText()))
                .build());
        assertThat(Json.parse(signed).get("proof").get("proofValue").asText()).isEqualTo(expected.get("proofValue").asText());
        ObjectNode expectedSigned = ((ObjectNode) v.get("signedCredential")).deepCopy();
        JsonNode expectedProof = expectedSigned.get("proof").isArray() ? expectedSigned.get("proof").get(0)
                : expectedSigned.get("proof");
        ObjectNode ours = (ObjectNode) Json.parse(signed);
        assertThat(ours.get("proof")).isEqualTo(expectedProof);
        expectedSigned.remove("proof");
        ours.remove("proof");
        assertThat(ours).isEqualTo(expectedSigned);

        ProofResult result = DataIntegrity.verify(Json.write(v.get("signedCredential")), KeyResolver.offline());
        assertThat(result.valid()).as(result.summary()).isTrue();
        assertThat(result.proofs().get(0).verificationMethod().orElseThrow().source()).isEqualTo(KeySource.URL_FRAGMENT);
        assertThat(result.proofs().get(0).warnings()).anyMatch(w -> w.contains("fragment"));
    }

    @ParameterizedTest
    @CsvSource({
        "unsigned-vc2.json,z4cwsCTW9rNZ9j1Rc3q5mk2R8CvK6u3E3gviiJWobzKR8NyionLor4vAxF8BRksQ7kDX2ZD71UZqfzGYf9pC3xsp8,iron-signed-vc2.json",
        "unsigned-ob3.json,z3iPcSYbwHskaHfkk9GQn2C3FJWvdzEFdFgpwdGsH6gp7cdxZWdG6RHFVjL6VG5FuCcXNHZ1EFjMTM4ni5DKUoD6P,iron-signed-ob3.json"
    })
    void knownAnswerTests(String input, String proofValue, String peerSigned) throws Exception {
        Path kat = SharedData.openbadges().resolve("vectors/kat");
        SigningKey key = SigningKey.fromMultibase("z3u2RDpgFe6Voz19gxWsBkueKj6XiuC9w1bSBT4FTowsWk6A");
        String vm = "did:key:z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd#z6MkehRgf7yJbgaGfYsdoAsKdBPE3dj2CYhowQdcjqSJgvVd";
        String signed = DataIntegrity.sign(Files.readString(kat.resolve(input)), key,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).verificationMethod(vm)
                        .created(Instant.parse("2024-01-01T00:00:00Z")).build());
        assertThat(Json.parse(signed).get("proof").get("proofValue").asText()).isEqualTo(proofValue);
        // the peer compacted the same graph differently (single types, an alias type): same proof, same RDF
        assertThat(Json.parse(signed).get("proof")).isEqualTo(Json.parse(Files.readString(kat.resolve(peerSigned))).get("proof"));
        assertThat(DataIntegrity.verify(Files.readString(kat.resolve(peerSigned)), KeyResolver.offline()).valid()).isTrue();
        // the default verification method of a key without a URL key id is its did:key method
        String byDefault = DataIntegrity.sign(Files.readString(kat.resolve(input)), key,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).created(Instant.parse("2024-01-01T00:00:00Z")).build());
        assertThat(Json.parse(byDefault).get("proof").get("proofValue").asText()).isEqualTo(proofValue);
    }

    @Test
    void oneEdTechKnownAnswerWithControllerDocument() throws Exception {
        Path kat = SharedData.openbadges().resolve("vectors/kat");
        SigningKey key = SigningKey.fromEd25519Secret(
                HEX.parseHex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4"));
        String vm = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
        String signed = DataIntegrity.sign(Files.readString(kat.resolve("1edtech-ob3-unsigned.json")), key,
                ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).verificationMethod(vm)
                        .created(Instant.parse("2010-01-01T19:23:24Z")).build());
        assertThat(Json.parse(signed).get("proof").get("proofValue").asText())
                .isEqualTo("z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr");
        assertThat(Json.parse(signed)).isEqualTo(Json.parse(Files.readString(kat.resolve("1edtech-ob3-signed.json"))));

        String controllerDoc = Json.write(Json.parse(Files.readString(kat.resolve("1edtech-ob3-extra-docs.json"))).get(vm));
        KeyResolver strict = KeyResolver.builder().fragmentKeys(false).controllerDocument(controllerDoc).build();
        ProofResult r = DataIntegrity.verify(signed, strict);
        assertThat(r.valid()).as(r.summary()).isTrue();
        assertThat(r.proofs().get(0).verificationMethod().orElseThrow().source()).isEqualTo(KeySource.CONTROLLER_DOCUMENT);
        assertThat(r.proofs().get(0).warnings()).isEmpty();

        ProofResult noDoc = DataIntegrity.verify(signed, KeyResolver.builder().fragmentKeys(false).build());
        assertThat(noDoc.valid()).isFalse();
        assertThat(noDoc.proofs().get(0).status()).isEqualTo(org.reconnaitre.badges.signing.ProofOutcome.Status.KEY_UNAVAILABLE);
    }
}
