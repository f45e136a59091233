package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.VerificationReport;

/** A signed OB 2.0 assertion is a compact JWS too: one spelling only (issue #12 class 7). */
class Ob2CanonicalJwsTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void aSignatureRespelledWithNonZeroUnusedBitsFailsAtParse() throws Exception {
        String token = Ob2SignedTest.sign("{\"alg\":\"RS256\"}", Ob2SignedTest.payload());
        VerificationReport original = Ob2SignedTest.verifier("https://attacker.example/me").verify(token);
        assertThat(original.check("parse").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(original.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);

        // RS256 with a 2048-bit key: 256 bytes, 342 characters, the last with 4 unused bits
        assertThat(token.length() - token.lastIndexOf('.') - 1).isEqualTo(342);
        int v = ALPHABET.indexOf(token.charAt(token.length() - 1));
        String respelled = token.substring(0, token.length() - 1) + ALPHABET.charAt(v | 1);
        VerificationReport r = Ob2SignedTest.verifier("https://attacker.example/me").verify(respelled);
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("parse").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check("parse").orElseThrow().message()).contains("not canonical base64url");
    }
}
