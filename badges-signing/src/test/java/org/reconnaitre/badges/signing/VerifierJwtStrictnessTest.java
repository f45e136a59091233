package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.b64;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.jws;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * JWT strictness (issue #12 class 7): a payload holds its credential in one place, and a token has
 * one spelling. Every token here is properly signed by the issuer's key, so only the rule under
 * test can reject it.
 */
class VerifierJwtStrictnessTest {
    private static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
    private static final String ISSUER = DidKey.of(ED.publicKey());
    private static final String KID = DidKey.verificationMethodId(ED.publicKey());
    private static final String HEADER = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}";
    private static final String VC = "{\"@context\":[\"https://www.w3.org/2018/credentials/v1\","
            + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
            + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
            + "\"issuer\":\"" + ISSUER + "\",\"issuanceDate\":\"2024-01-01T00:00:00Z\","
            + "\"credentialSubject\":{\"id\":\"did:example:42\",\"type\":[\"AchievementSubject\"]}}";

    private static CheckResult check(VerificationReport r, String id) {
        return r.check(id).orElseThrow(() -> new AssertionError("no " + id + " check in " + r));
    }

    private static String vcPayload(String extraMembers) {
        return "{\"iss\":\"" + ISSUER + "\",\"nbf\":1704067200,\"jti\":\"urn:uuid:1\",\"sub\":\"did:example:42\""
                + extraMembers + ",\"vc\":" + VC + "}";
    }

    @Test
    void aVcClaimWithTokenClaimsBesideItIsValid() {
        String payload = vcPayload(",\"iat\":1704067200,\"exp\":4102444800,\"aud\":\"https://verifier.example\","
                + "\"nonce\":\"n-0S6_WzA2Mj\"");
        VerificationReport r = verifier().verify(jws(HEADER, payload, ED));
        assertThat(r.isValid()).as(r.toString()).isTrue();
        assertThat(check(r, "parse").message()).contains("\"vc\" claim");
    }

    /** A second credential (or any credential member) beside "vc" makes two readings: refused at parse. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"issuer\":\"did:web:victim.example\"",
        "\"@context\":[\"https://www.w3.org/ns/credentials/v2\"]",
        "\"type\":[\"VerifiableCredential\"]",
        "\"credentialSubject\":{\"id\":\"did:example:mallory\"}",
        "\"validFrom\":\"2024-01-01T00:00:00Z\"",
        "\"validUntil\":\"2099-01-01T00:00:00Z\"",
        "\"credentialStatus\":{\"type\":\"BitstringStatusListEntry\"}",
        "\"id\":\"urn:uuid:2\"",
        "\"proof\":{\"type\":\"DataIntegrityProof\"}",
        "\"name\":\"Another badge\"",
        "\"status\":{\"status_list\":{\"idx\":1,\"uri\":\"https://example.org/l\"}}",
        "\"vp\":{}"})
    void aVcClaimWithCredentialMembersBesideItFailsJwtClaims(String member) {
        VerificationReport r = verifier().verify(jws(HEADER, vcPayload("," + member), ED));
        assertThat(r.isValid()).isFalse();
        CheckResult parse = check(r, "jwt-claims");
        assertThat(parse.outcome()).isEqualTo(CheckOutcome.FAILED);
        String name = member.substring(1, member.indexOf('"', 1));
        assertThat(parse.message()).contains("ambiguous").contains("\"" + name + "\"").contains("\"vc\"");
        assertThat(r.checks()).as("nothing is decided from an ambiguous payload")
                .noneMatch(c -> c.outcome() == CheckOutcome.PASSED && !c.id().equals("format") && !c.id().equals("parse"));
    }

    @Test
    void theSameCredentialInBothPlacesIsStillAmbiguous() {
        String both = VC.substring(0, VC.length() - 1) + ",\"vc\":" + VC + "}";
        VerificationReport r = verifier().verify(jws(HEADER, both, ED));
        assertThat(check(r, "jwt-claims").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "jwt-claims").message()).contains("\"@context\"").contains("\"issuer\"");
    }

    @Test
    void aValidTokenHasCanonicalSegments() {
        String token = jws(HEADER, vcPayload(""), ED);
        assertThat(verifier().verify(token).isValid()).isTrue();
        // an Ed25519 signature is 64 bytes: 86 characters, the last one with 4 unused bits
        assertThat(token.substring(token.lastIndexOf('.') + 1)).hasSize(86);
    }

    @Test
    void aSignatureSegmentWithNonZeroUnusedBitsFailsAtParse() {
        String token = jws(HEADER, vcPayload(""), ED);
        String other = flipUnusedBits(token);
        assertThat(Base64.getUrlDecoder().decode(other.substring(other.lastIndexOf('.') + 1)))
                .as("a lenient decoder reads the same signature")
                .isEqualTo(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)));
        VerificationReport r = verifier().verify(other);
        assertThat(r.isValid()).isFalse();
        assertThat(check(r, "parse").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "parse").message()).contains("signature").contains("not canonical base64url")
                .contains("unused bits");
    }

    @Test
    void aPayloadOrHeaderSegmentWithNonZeroUnusedBitsFailsAtParseEvenWhenSignedSo() {
        String payload = vcPayload("");
        while (b64(payload).length() % 4 == 0) {
            payload = payload + " ";
        }
        String h = b64(HEADER + (b64(HEADER).length() % 4 == 0 ? " " : ""));
        String p = flipLast(b64(payload));
        String input = h + "." + p;
        String token = input + "." + sign(input);
        VerificationReport r = verifier().verify(token);
        assertThat(r.isValid()).isFalse();
        assertThat(check(r, "parse").message()).contains("payload").contains("not canonical base64url");

        String h2 = flipLast(h);
        String input2 = h2 + "." + b64(payload);
        VerificationReport r2 = verifier().verify(input2 + "." + sign(input2));
        assertThat(check(r2, "parse").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r2, "parse").message()).contains("header").contains("not canonical base64url");
    }

    @Test
    void aSegmentOfImpossibleLengthFailsAtParse() {
        String token = jws(HEADER, vcPayload(""), ED);
        String longer = token + "AAA"; // 89 characters: one left over in the last group
        VerificationReport r = verifier().verify(longer);
        assertThat(check(r, "parse").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(r, "parse").message()).contains("not canonical base64url").contains("length");
    }

    private static String sign(String input) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ED.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String flipUnusedBits(String token) {
        return token.substring(0, token.length() - 1) + flipLast(token.substring(token.length() - 1));
    }

    /** Sets the lowest (unused) bit of the last character of an unpadded segment whose length is not 0 mod 4. */
    private static String flipLast(String segment) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int v = alphabet.indexOf(segment.charAt(segment.length() - 1));
        assertThat(v & 1).as("canonical: the unused bits are zero").isZero();
        return segment.substring(0, segment.length() - 1) + alphabet.charAt(v | 1);
    }
}
