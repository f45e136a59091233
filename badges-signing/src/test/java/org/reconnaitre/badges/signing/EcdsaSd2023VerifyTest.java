package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.ProofOutcome.Status;

/**
 * Verification of {@code ecdsa-sd-2023} derived proofs against the W3C vc-di-ecdsa test vectors
 * (src/test/resources/di/ecdsa-sd-2023, see NOTICE.md): the published disclosure is valid; any
 * change to it, a base proof, and every malformed proof value give a failed proof with a reason.
 */
class EcdsaSd2023VerifyTest {

    static String resource(String name) throws IOException {
        try (InputStream in = EcdsaSd2023VerifyTest.class.getResourceAsStream("/di/ecdsa-sd-2023/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ProofOutcome verifyOne(String json) {
        ProofResult r = DataIntegrity.verify(json, KeyResolver.offline());
        assertThat(r.problem()).isEmpty();
        assertThat(r.proofs()).hasSize(1);
        return r.proofs().get(0);
    }

    static String edit(String json, Consumer<ObjectNode> change) throws Exception {
        ObjectNode doc = (ObjectNode) Json.parse(json);
        change.accept(doc);
        return Json.write(doc);
    }

    /** Replaces the CBOR bytes after the 3-byte header of the proof value. */
    static String withProofBytes(String json, UnaryOperator<byte[]> change) throws Exception {
        return edit(json, d -> {
            ObjectNode proof = (ObjectNode) d.get("proof");
            byte[] bytes = Base64.getUrlDecoder().decode(proof.get("proofValue").asText().substring(1));
            proof.put("proofValue", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(change.apply(bytes)));
        });
    }

    @Test
    void theSpecificationsDerivedCredentialIsValid() throws Exception {
        ProofOutcome p = verifyOne(resource("derivedRevealDocument.json"));
        assertThat(p.status()).as(p.reason()).isEqualTo(Status.VALID);
        assertThat(p.cryptosuite()).isEqualTo("ecdsa-sd-2023");
        assertThat(p.verificationMethod().orElseThrow().key().toMultibase())
                .isEqualTo("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP");
    }

    @Test
    void theOneEdTechDerivedCredentialIsRefusedByDefaultAndPassesTheLenientVerifier() throws Exception {
        java.nio.file.Path root = org.reconnaitre.badges.testing.SharedData.openbadges();
        java.nio.file.Path file = root.resolve("fixtures/1edtech-validator/ob30/sd/derivedcredential.json");
        String json = java.nio.file.Files.readString(file);
        // its issuer made nothing mandatory: a holder could have left out validUntil and credentialStatus
        VerificationReport strict = VerifierFixturesTest.verifier(root).verify(json.getBytes(StandardCharsets.UTF_8));
        assertThat(strict.check("proof").orElseThrow().outcome()).as(strict.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(strict.check("proof").orElseThrow().message()).contains("/issuer and /type mandatory");
        assertThat(strict.isValid()).isFalse();
        assertThat(verifyOne(json).status()).isEqualTo(Status.MALFORMED_PROOF);

        VerificationReport r = VerifierFixturesTest.lenientSd(root).verify(json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.check("proof").orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        DataIntegrity.Settings lenient = DataIntegrity.Settings.builder().acceptOptionalSdIdentity(true).build();
        ProofOutcome p = DataIntegrity.verify(json, KeyResolver.offline(), lenient).proofs().get(0);
        assertThat(p.status()).as(p.reason()).isEqualTo(Status.VALID);
        // and a changed copy is not
        String changed = edit(json, d -> ((ObjectNode) d.get("credentialSubject").get("achievement")).put("name", "Leadership"));
        assertThat(DataIntegrity.verify(changed, KeyResolver.offline(), lenient).proofs().get(0).status())
                .isEqualTo(Status.INVALID_SIGNATURE);
    }

    @Test
    void verificationIsFast() throws Exception {
        String json = resource("derivedRevealDocument.json");
        verifyOne(json);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(verifyOne(json).valid()).isTrue();
        }
        long perProofMs = (System.nanoTime() - start) / 5 / 1_000_000;
        assertThat(perProofMs).as("ms per derived proof").isLessThan(250);
    }

    @Test
    void changingADisclosedValueBreaksAStatementSignature() throws Exception {
        String json = edit(resource("derivedRevealDocument.json"),
                d -> ((ObjectNode) d.get("credentialSubject").get("boards").get(1)).put("year", 2018));
        ProofOutcome p = verifyOne(json);
        assertThat(p.status()).isEqualTo(Status.INVALID_SIGNATURE);
        assertThat(p.reason()).contains("statement");
    }

    @Test
    void changingAMandatoryValueBreaksTheBaseSignature() throws Exception {
        String json = edit(resource("derivedRevealDocument.json"),
                d -> ((ObjectNode) d.get("credentialSubject")).put("sailNumber", "Mars101"));
        ProofOutcome p = verifyOne(json);
        assertThat(p.status()).isEqualTo(Status.INVALID_SIGNATURE);
        assertThat(p.reason()).contains("base signature");
    }

    @Test
    void addingOrRemovingAStatementIsDetected() throws Exception {
        String added = edit(resource("derivedRevealDocument.json"),
                d -> ((ObjectNode) d.get("credentialSubject").get("boards").get(1)).put("color", "red"));
        assertThat(verifyOne(added).status()).isEqualTo(Status.INVALID_SIGNATURE);
        assertThat(verifyOne(added).reason()).contains("non-mandatory statements");
        String removed = edit(resource("derivedRevealDocument.json"),
                d -> ((ArrayNode) d.get("credentialSubject").get("boards")).remove(1));
        assertThat(verifyOne(removed).status()).isEqualTo(Status.INVALID_SIGNATURE);
        String otherProofOption = edit(resource("derivedRevealDocument.json"),
                d -> ((ObjectNode) d.get("proof")).put("created", "2023-08-16T00:00:00Z"));
        assertThat(verifyOne(otherProofOption).status()).isEqualTo(Status.INVALID_SIGNATURE);
    }

    @Test
    void aBaseProofIsForTheHolderNotForVerifiers() throws Exception {
        ProofOutcome p = verifyOne(resource("addSignedSDBase.json"));
        assertThat(p.status()).isEqualTo(Status.MALFORMED_PROOF);
        assertThat(p.reason()).contains("base proof").contains("holder").contains("derived");
    }

    @Test
    void malformedProofValuesFailWithAReason() throws Exception {
        String json = resource("derivedRevealDocument.json");
        String[] cases = {
            edit(json, d -> ((ObjectNode) d.get("proof")).put("proofValue", "z3NpFvbXG")),
            edit(json, d -> ((ObjectNode) d.get("proof")).put("proofValue", "u!!!")),
            edit(json, d -> ((ObjectNode) d.get("proof")).put("proofValue", "u")),
            edit(json, d -> ((ObjectNode) d.get("proof")).remove("proofValue")),
            withProofBytes(json, b -> Arrays.copyOf(b, b.length - 1)),                 // truncated
            withProofBytes(json, b -> Arrays.copyOf(b, b.length + 1)),                 // trailing byte
            withProofBytes(json, b -> Arrays.copyOf(b, 3)),                            // header only
            withProofBytes(json, b -> { b[2] = 0x07; return b; }),                     // unknown header
            withProofBytes(json, b -> { b[3] = (byte) 0x84; return b; }),              // 4 components
            withProofBytes(json, b -> { b[3] = (byte) 0x9f; return b; }),              // indefinite array
            withProofBytes(json, b -> { b[4] = 0x58; b[5] = 0x3f; return b; }),        // 63-byte signature
            withProofBytes(json, b -> { b[3] = (byte) 0x9b; return b; }),              // 2^64-ish items
            withProofBytes(json, b -> { b[3] = (byte) 0xa5; return b; }),              // a map, not an array
        };
        for (String c : cases) {
            ProofOutcome p = verifyOne(c);
            assertThat(p.status()).as(p.reason()).isIn(Status.MALFORMED_PROOF, Status.INVALID_SIGNATURE);
            assertThat(p.reason()).isNotBlank();
        }
    }

    @Test
    void randomlyDamagedProofValuesNeverVerifyAndNeverThrow() throws Exception {
        String json = resource("derivedRevealDocument.json");
        java.util.Random random = new java.util.Random(20231);
        for (int i = 0; i < 120; i++) {
            int kind = i % 3;
            String damaged = withProofBytes(json, b -> {
                if (kind == 0) {
                    b[3 + random.nextInt(b.length - 3)] ^= (byte) (1 + random.nextInt(255));
                    return b;
                }
                if (kind == 1) {
                    return Arrays.copyOf(b, 3 + random.nextInt(b.length - 3));
                }
                byte[] out = Arrays.copyOf(b, b.length + 1 + random.nextInt(8));
                int at = 3 + random.nextInt(b.length - 3);
                System.arraycopy(b, at, out, out.length - (b.length - at), b.length - at);
                for (int k = at; k < out.length - (b.length - at); k++) {
                    out[k] = (byte) random.nextInt(256);
                }
                return out;
            });
            ProofResult r = DataIntegrity.verify(damaged, KeyResolver.offline());
            assertThat(r.valid()).as("damage %d", i).isFalse();
            assertThat(r.proofs().get(0).reason()).isNotBlank();
        }
    }

    @Test
    void aSignatureCountThatDoesNotMatchTheStatementsFails() throws Exception {
        String json = resource("derivedRevealDocument.json");
        // the signature array header follows base signature (2+64) and public key (2+35): 0x86 = 6 signatures
        String fewer = withProofBytes(json, b -> {
            int at = 3 + 1 + 2 + 64 + 2 + 35;
            assertThat(b[at] & 0xff).isEqualTo(0x86);
            byte[] out = new byte[b.length - 66];
            System.arraycopy(b, 0, out, 0, at);
            out[at] = (byte) 0x85;
            System.arraycopy(b, at + 1 + 66, out, at + 1, b.length - at - 1 - 66);
            return out;
        });
        ProofOutcome p = verifyOne(fewer);
        assertThat(p.status()).isEqualTo(Status.INVALID_SIGNATURE);
        assertThat(p.reason()).contains("5 statement signatures");
        // another key for the disclosure statements: the base signature covers it
        String otherKey = withProofBytes(json, b -> {
            int at = 3 + 1 + 2 + 64 + 2;
            b[at + 2] = (byte) (b[at + 2] == 2 ? 3 : 2); // flip the compressed point's parity
            return b;
        });
        assertThat(verifyOne(otherKey).status()).isIn(Status.INVALID_SIGNATURE, Status.MALFORMED_PROOF);
    }

    @Test
    void aWrongKeyTypeIsReported() throws Exception {
        SigningKey ed = SigningKey.generate(KeyType.ED25519);
        String json = edit(resource("derivedRevealDocument.json"),
                d -> ((ObjectNode) d.get("proof")).put("verificationMethod", DidKey.verificationMethodId(ed.publicKey())));
        assertThat(verifyOne(json).status()).isEqualTo(Status.KEY_MISMATCH);
    }
}
