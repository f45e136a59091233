package org.reconnaitre.badges.signing.internal.di;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.ProofResult;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.internal.multiformats.Base58;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Reproduces the W3C vc-di-eddsa test vectors byte for byte: canonical form, hashes, signature,
 * proofValue and the signed document. The eddsa-rdfc-2022 vector is committed under
 * src/test/resources/w3c-vc-di-eddsa (W3C Software and Document License); the others come from
 * the shared folder.
 */
class W3cEddsaVectorsTest {
    static final Budget BUDGET = Budget.of(20_000, java.time.Duration.ofHours(1), BundledContexts.loader());
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void committedEddsaRdfc2022Vector() throws Exception {
        Path base = Path.of(W3cEddsaVectorsTest.class.getResource("/w3c-vc-di-eddsa/keyPair.json").toURI()).getParent();
        check(base, "eddsa-rdfc-2022", "DataInt", true);
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022,DataInt,true", "eddsa-jcs-2022,JCS,false", "Ed25519Signature2020,EdSig,true"})
    void sharedVectors(String dir, String suffix, boolean rdfc) throws Exception {
        check(SharedData.openbadges().resolve("vectors/w3c-vc-di-eddsa"), dir, suffix, rdfc);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"signedProofSet1.json", "signedProofSet2.json",
        "signedProofChain1.json", "signedProofChain2.json"})
    void proofSetsAndChains(String file) throws Exception {
        Path d = SharedData.openbadges().resolve("vectors/w3c-vc-di-eddsa/proof-set-chain");
        String text = read(d.resolve(file));
        ProofResult result = DataIntegrity.verify(text, KeyResolver.offline());
        assertThat(result.valid()).as(result.summary()).isTrue();
        JsonNode proofs = Json.parse(text).get("proof");
        assertThat(result.proofs()).hasSize(proofs.isArray() ? proofs.size() : 1);
        // a chained proof fails when the proof it builds on is altered
        if (file.contains("Chain") && proofs.isArray()) {
            ObjectNode doc = (ObjectNode) Json.parse(text);
            ((ObjectNode) doc.get("proof").get(0)).put("created", "2020-01-01T00:00:00Z");
            ProofResult broken = DataIntegrity.verify(Json.write(doc), KeyResolver.offline());
            assertThat(broken.proofs().get(0).valid()).isFalse();
            assertThat(broken.proofs().stream().skip(1).anyMatch(p -> !p.valid())).isTrue();
        }
    }

    private static void check(Path base, String dir, String suffix, boolean rdfc) throws Exception {
        Path d = base.resolve(dir);
        SigningKey key = SigningKey.fromMultibase(Json.parse(read(base.resolve("keyPair.json")))
                .get("privateKeyMultibase").asText());
        assertThat(key.publicKey().toMultibase()).isEqualTo(Json.parse(read(base.resolve("keyPair.json")))
                .get("publicKeyMultibase").asText());
        String signedText = read(d.resolve("signed" + suffix + ".json"));
        ObjectNode signed = (ObjectNode) Json.parse(signedText);
        ObjectNode unsecured = signed.deepCopy();
        unsecured.remove("proof");
        ObjectNode config = (ObjectNode) Json.parse(read(d.resolve("proofConfig" + suffix + ".json")));

        String canonDoc = rdfc ? Canonicalizer.rdfc(unsecured, BUDGET) : Canonicalizer.jcs(unsecured);
        String canonProof = rdfc ? Canonicalizer.rdfc(config, BUDGET) : Canonicalizer.jcs(config);
        assertThat(canonDoc).isEqualTo(read(d.resolve("canonDoc" + suffix + ".txt")));
        assertThat(canonProof).isEqualTo(read(d.resolve("proofCanon" + suffix + ".txt")));
        assertThat(HEX.formatHex(DataIntegrityEngine.sha256(canonDoc)))
                .isEqualTo(read(d.resolve("docHash" + suffix + ".txt")).strip());
        assertThat(HEX.formatHex(DataIntegrityEngine.sha256(canonProof)))
                .isEqualTo(read(d.resolve("proofHash" + suffix + ".txt")).strip());
        byte[] combined = DataIntegrityEngine.concat(DataIntegrityEngine.sha256(canonProof),
                DataIntegrityEngine.sha256(canonDoc));
        assertThat(HEX.formatHex(combined)).isEqualTo(read(d.resolve("combinedHash" + suffix + ".txt")).strip());
        byte[] sig = key.sign(combined);
        assertThat(HEX.formatHex(sig)).isEqualTo(read(d.resolve("sigHex" + suffix + ".txt")).strip());
        assertThat("z" + Base58.encode(sig)).isEqualTo(read(d.resolve("sigBTC58" + suffix + ".txt")).strip());
        assertThat(signed.get("proof").get("proofValue").asText()).isEqualTo("z" + Base58.encode(sig));

        ProofResult result = DataIntegrity.verify(signedText, KeyResolver.offline());
        assertThat(result.valid()).as(result.summary()).isTrue();

        JsonNode proof = signed.get("proof");
        if (proof.has("cryptosuite")) {
            String again = DataIntegrity.sign(Json.write(unsecured), key,
                    ProofOptions.builder(Cryptosuite.fromId(proof.get("cryptosuite").asText()).orElseThrow())
                            .verificationMethod(proof.get("verificationMethod").asText())
                            .created(Instant.parse(proof.get("created").asText()))
                            .build());
            assertThat(Json.parse(again)).isEqualTo(signed);
        }
    }

    static String read(Path p) throws java.io.IOException {
        return Files.readString(p);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(W3cEddsaVectorsTest.class.getResource(name).toURI());
    }
}
