package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.jws;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Strings are Unicode scalar values (issue #22 §4): a credential whose JSON holds an unpaired
 * surrogate, or whose bytes are not UTF-8, is refused at parse, in every encoding; a paired
 * surrogate escape is ordinary text.
 */
class VerifierUnicodeStringsTest {
    private static final String BS = "\\";
    private static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
    private static final String ISSUER = DidKey.of(ED.publicKey());
    private static final String HEADER = "{\"alg\":\"EdDSA\",\"kid\":\"" + DidKey.verificationMethodId(ED.publicKey()) + "\"}";

    private static CheckResult parse(VerificationReport r) {
        return r.check("parse").orElseThrow(() -> new AssertionError("no parse check in " + r));
    }

    @Test
    void aJsonCredentialWithAnUnpairedSurrogateEscapeFailsAtParse() throws Exception {
        String json = credential(ISSUER).replace("Teamwork Badge", "Teamwork " + BS + "ud800Badge");
        String signed = DataIntegrity.sign(credential(ISSUER), ED, ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).build());
        String forged = signed.replace("Teamwork Badge", "Teamwork " + BS + "udfffBadge");
        for (String text : new String[] {json, forged}) {
            VerificationReport r = verifier().verify(text);
            assertThat(r.isValid()).isFalse();
            assertThat(parse(r).outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(parse(r).message()).contains("Malformed JSON at line 1, column").contains("unpaired");
        }
    }

    @Test
    void aSignedVcJwtWhosePayloadHasAnUnpairedSurrogateFailsAtParse() {
        String payload = credential(ISSUER).replace("Teamwork Badge", "Teamwork " + BS + "udbff");
        VerificationReport r = verifier().verify(jws(HEADER, payload, ED));
        assertThat(r.isValid()).isFalse();
        assertThat(parse(r).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(parse(r).message()).contains("unpaired");
    }

    @Test
    void aPairedSurrogateEscapeIsText() {
        String payload = credential(ISSUER).replace("Teamwork Badge", "Teamwork " + BS + "ud83c" + BS + "udfc6");
        VerificationReport r = verifier().verify(jws(HEADER, payload, ED));
        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    @Test
    void jsonBytesThatAreNotUtf8FailAtParse() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String json = credential(ISSUER);
        int at = json.indexOf("Teamwork Badge");
        bytes.write(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a surrogate encoded as UTF-8 (CESU-8)
        bytes.write(json.substring(at).getBytes(StandardCharsets.UTF_8));
        VerificationReport r = verifier().verify(bytes.toByteArray());
        assertThat(r.isValid()).isFalse();
        assertThat(parse(r).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(parse(r).message()).contains("not valid UTF-8").contains("byte offset " + at);
    }
}
