package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.b64;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.jws;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The VC-JWT header and key policy: every refusal comes with a clear reason in the right check. */
class VerifierJwtPolicyTest {
    private static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
    private static final SigningKey OTHER = SigningKey.generate(KeyType.ED25519);
    private static final String ISSUER = DidKey.of(ED.publicKey());
    private static final String KID = DidKey.verificationMethodId(ED.publicKey());

    private static String header(String extra) {
        return "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"" + extra + "}";
    }

    private static CheckResult check(VerificationReport r, String id) {
        return r.check(id).orElseThrow(() -> new AssertionError("no " + id + " check in " + r));
    }

    @Test
    void aWellFormedTokenPasses() {
        VerificationReport r = verifier().verify(jws(header(""), credential(ISSUER), ED));
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(r.format()).isEqualTo(VerificationReport.Format.JWT);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(check(r, "key-binding").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.issuerId()).contains(ISSUER);
    }

    @Test
    void algNoneIsRefused() {
        VerificationReport r = verifier().verify(jws("{\"alg\":\"none\"}", credential(ISSUER), null));
        assertThat(r.isValid()).isFalse();
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "proof").message()).contains("unsigned").contains("none");
    }

    @Test
    void hmacIsRefused() throws Exception {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(credential(ISSUER));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a shared secret of 32 bytes!!!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String token = input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "proof").message()).contains("HMAC");
    }

    @Test
    void anAlgorithmThatDoesNotMatchTheKeyIsRefused() {
        String token = jws("{\"alg\":\"ES256\",\"kid\":\"" + KID + "\"}", credential(ISSUER), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "proof").message()).contains("ES256").contains("P-256").contains("ED25519");
    }

    @Test
    void unknownCriticalHeadersAreRefused() {
        String token = jws(header(",\"crit\":[\"urn:example:policy\"],\"urn:example:policy\":1"), credential(ISSUER), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "proof").message()).contains("crit");
    }

    @Test
    void aKidOfAnotherControllerFailsKeyBinding() {
        String otherKid = DidKey.verificationMethodId(OTHER.publicKey());
        String token = jws("{\"alg\":\"EdDSA\",\"kid\":\"" + otherKid + "\"}", credential(ISSUER), OTHER);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(check(r, "key-binding").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "key-binding").message()).contains(DidKey.of(OTHER.publicKey())).contains("not from the issuer's own document");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void aSelfAssertedJwkFailsKeyBindingUnlessTrusted() {
        String httpsIssuerCredential = credential("https://university.example/issuers/1");
        String token = jws("{\"alg\":\"EdDSA\",\"jwk\":" + OTHER.publicKey().toJwk() + "}", httpsIssuerCredential, OTHER);
        VerificationReport strict = verifier().verify(token);
        assertThat(check(strict, "proof").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(check(strict, "key-binding").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(strict, "key-binding").message()).contains("self-asserted");

        VerificationReport lenient = Verifier.builder().clock(VerifierTestSupport.CLOCK).trustEmbeddedJwk(true).build()
                .verify(token);
        assertThat(lenient.isValid()).as(lenient.toString()).isTrue();
        assertThat(check(lenient, "key-binding").outcome()).isEqualTo(CheckOutcome.WARNING);
    }

    @Test
    void aJwkThatIsTheIssuersDidKeyIsBound() {
        String token = jws("{\"alg\":\"EdDSA\",\"jwk\":" + ED.publicKey().toJwk() + "}", credential(ISSUER), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(check(r, "key-binding").outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void aJwkThatContradictsTheKidIsRefused() {
        String token = jws(header(",\"jwk\":" + OTHER.publicKey().toJwk()), credential(ISSUER), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "proof").message()).contains("jwk").contains("kid");
    }

    @Test
    void aPrivateJwkInTheHeaderIsRefused() {
        String token = jws("{\"alg\":\"EdDSA\",\"jwk\":" + ED.toPrivateJwk() + "}", credential(ISSUER), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").message()).contains("private key material");
    }

    @Test
    void anExpiredCredentialFailsTheValidityPeriod() {
        String token = jws(header(""), credential(ISSUER, "2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z"), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(check(r, "validity-period").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "validity-period").message()).contains("expired").contains("2021-01-01T00:00:00Z");
    }

    @Test
    void anExpClaimAloneAlsoExpires() {
        String payload = "{\"iss\":\"" + ISSUER + "\",\"nbf\":1577836800,\"exp\":1609459200,\"vc\":"
                + "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\"],\"type\":[\"VerifiableCredential\"],"
                + "\"credentialSubject\":{\"name\":\"x\"}}}";
        VerificationReport r = verifier().verify(jws(header(""), payload, ED));
        assertThat(check(r, "validity-period").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "validity-period").message()).contains("expired");
    }

    @Test
    void aValidFromInTheFutureFails() {
        String token = jws(header(""), credential(ISSUER, "2040-01-01T00:00:00Z", null), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "validity-period").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "validity-period").message()).contains("not valid yet");
    }

    @Test
    void claimsThatContradictTheCredentialFail() {
        String payload = credential(ISSUER).replaceFirst("\\}$", ",\"iss\":\"did:example:someone-else\",\"jti\":\"urn:uuid:other\"}");
        VerificationReport r = verifier().verify(jws(header(""), payload, ED));
        assertThat(check(r, "jwt-claims").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "jwt-claims").message()).contains("\"iss\"").contains("did:example:someone-else")
                .contains("\"jti\"");
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void anNbfThatDiffersFromValidFromFails() {
        String payload = credential(ISSUER).replaceFirst("\\}$", ",\"nbf\":1262304000}");
        VerificationReport r = verifier().verify(jws(header(""), payload, ED));
        assertThat(check(r, "jwt-claims").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "jwt-claims").message()).contains("nbf");
    }

    @Test
    void aTamperedPayloadFailsTheSignature() {
        String token = jws(header(""), credential(ISSUER), ED);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + b64(credential(ISSUER).replace("Teamwork Badge", "Leadership Badge")) + "." + parts[2];
        VerificationReport r = verifier().verify(forged);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "proof").message()).contains("does not verify");
    }

    @Test
    void theVcClaimShapeIsAccepted() {
        String vc = "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"credentialSubject\":{\"type\":[\"AchievementSubject\"]}}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"nbf\":1704067200,\"jti\":\"urn:uuid:1\",\"sub\":\"did:example:42\",\"vc\":"
                + vc + "}";
        VerificationReport r = verifier().verify(jws(header(""), payload, ED));
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(check(r, "parse").message()).contains("\"vc\" claim");
        assertThat(r.issuerId()).contains(ISSUER);
        assertThat(r.credentialId()).contains("urn:uuid:1");
        assertThat(check(r, "validity-period").message()).contains("2024-01-01T00:00:00Z");
    }

    @Test
    void aTokenWithNoKeyAtAllFailsWithAReason() {
        String token = jws("{\"alg\":\"EdDSA\"}", credential("https://university.example/issuers/1"), ED);
        VerificationReport r = verifier().verify(token);
        assertThat(check(r, "proof").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "proof").message()).contains("neither \"kid\" nor \"jwk\"");
    }

    @Test
    void aNonCredentialTypIsRefused() {
        String token = jws("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}", credential(ISSUER), ED);
        assertThat(check(verifier().verify(token), "proof").message()).contains("at+jwt");
    }
}
