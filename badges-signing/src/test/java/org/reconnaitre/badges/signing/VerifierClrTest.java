package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.IdentityHash;

/**
 * A CLR's nested credentials are verified in their role, with the whole context: with the same
 * settings, about the CLR's learner (or the caller's expected recipient), and a nesting deeper
 * than the limit fails the CLR. Keys are generated here; everything goes through {@link Verifier}.
 */
class VerifierClrTest {
    private static final Instant SIGNED = Instant.parse("2024-01-01T00:00:00Z");
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final String DID = DidKey.of(KEY.publicKey());
    private static final String ALICE = "did:example:alice";
    private static final String BOB = "did:example:bob";
    /** The id VerifierTestSupport's credential gives its subject. */
    private static final String TEMPLATE_SUBJECT = "did:example:ebfeb1f712ebc6f1c276e12ec21";

    private static String sign(SigningKey key, String json) throws BadgeException {
        return Issuer.with(key).build().signDataIntegrity(json, "eddsa-rdfc-2022", SIGNED);
    }

    /** An OB 3.0 credential of the issuer about {@code subjectId}, unsigned. */
    private static String about(String subjectId) {
        return credential(DID).replace(TEMPLATE_SUBJECT, subjectId);
    }

    /** A CLR of the issuer whose ClrSubject is {@code subject} (inner JSON) holding these credentials. */
    private static String clr(String subject, List<String> nested) throws BadgeException {
        String json = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:0c0f1b2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c\","
                + "\"type\":[\"VerifiableCredential\",\"ClrCredential\"],"
                + "\"issuer\":{\"id\":\"" + DID + "\",\"type\":[\"Profile\"],\"name\":\"Example Training Centre\"},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Transcript\","
                + "\"credentialSubject\":{" + subject + ",\"type\":[\"ClrSubject\"],"
                + "\"verifiableCredential\":[" + String.join(",", nested) + "]}}";
        return sign(KEY, json);
    }

    private static String clrAbout(String learner, List<String> nested) throws BadgeException {
        return clr("\"id\":\"" + learner + "\"", nested);
    }

    private static String jwtAbout(String subjectId) throws BadgeException {
        return "\"" + Issuer.with(KEY).build().signJwt(about(subjectId)) + "\"";
    }

    private static CheckResult check(VerificationReport r, String id) {
        return r.check(id).orElseThrow(() -> new AssertionError("no " + id + " check in " + r));
    }

    @Test
    void aClrAboutAliceMayCarryOnlyCredentialsAboutAlice() throws Exception {
        String honest = clrAbout(ALICE, List.of(sign(KEY, about(ALICE)), jwtAbout(ALICE)));
        VerificationReport ok = verifier().forRecipient(ExpectedRecipient.did(ALICE)).verify(honest);
        assertThat(ok.isValid()).as(ok.toString()).isTrue();
        assertThat(check(ok, "credentials").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(ok.credentials()).hasSize(2).allSatisfy(c -> assertThat(check(c, "recipient").outcome())
                .isEqualTo(CheckOutcome.PASSED));
        assertThat(verifier().verify(honest).isValid()).isTrue();

        // Bob's genuine credential, bundled into Alice's CLR (JSON and JWT alike)
        for (String bobs : List.of(sign(KEY, about(BOB)), jwtAbout(BOB))) {
            String bundled = clrAbout(ALICE, List.of(sign(KEY, about(ALICE)), bobs));
            VerificationReport forAlice = verifier().forRecipient(ExpectedRecipient.did(ALICE)).verify(bundled);
            assertThat(check(forAlice, "recipient").outcome()).isEqualTo(CheckOutcome.PASSED);
            CheckResult credentials = check(forAlice, "credentials");
            assertThat(credentials.outcome()).as(forAlice.toString()).isEqualTo(CheckOutcome.FAILED);
            assertThat(credentials.message()).contains("1 of 2").contains("credential 2")
                    .contains("not about the expected recipient");
            assertThat(forAlice.credentials().get(1).check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
            assertThat(check(forAlice.credentials().get(1), "recipient").outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(forAlice.isValid()).isFalse();

            // the caller named no one: the CLR's own learner is the one its credentials must be about
            VerificationReport anyone = verifier().verify(bundled);
            assertThat(check(anyone, "credentials").outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(check(anyone, "credentials").message()).contains("not about the CLR's learner");
            assertThat(anyone.isValid()).isFalse();
        }
    }

    @Test
    void aClrNamingItsLearnerOnlyByHashNeedsTheCallerToSayWhom() throws Exception {
        String hashed = IdentityHash.createEmail("alice@example.org", "pepper").toString();
        String subject = "\"identifier\":[{\"type\":\"IdentityObject\",\"identityHash\":\"" + hashed + "\","
                + "\"identityType\":\"emailAddress\",\"hashed\":true,\"salt\":\"pepper\"}]";
        String clr = clr(subject, List.of(sign(KEY, about("mailto:alice@example.org"))));
        VerificationReport anyone = verifier().verify(clr);
        assertThat(check(anyone, "credentials").outcome()).as(anyone.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(anyone, "credentials").message()).contains("cannot be tied to the CLR's learner")
                .contains("Verifier.forRecipient");
        VerificationReport forAlice = verifier().forRecipient(ExpectedRecipient.email("alice@example.org")).verify(clr);
        assertThat(forAlice.isValid()).as(forAlice.toString()).isTrue();
        VerificationReport forBob = verifier().forRecipient(ExpectedRecipient.email("bob@example.org")).verify(clr);
        assertThat(check(forBob, "credentials").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(forBob.isValid()).isFalse();
    }

    @Test
    void aClrBeyondTheDepthLimitFailsInsteadOfSkippingItsCredentials() throws Exception {
        String clr = clrAbout(ALICE, List.of(sign(KEY, about(ALICE))));
        VerificationReport shallow = Verifier.builder().clock(CLOCK).maxEndorsementDepth(0).build().verify(clr);
        CheckResult credentials = check(shallow, "credentials");
        assertThat(credentials.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(credentials.message()).contains("limit of 0").contains("Verifier.Builder.maxEndorsementDepth");
        assertThat(shallow.credentials()).isEmpty();
        assertThat(shallow.isValid()).isFalse();

        // a CLR inside a CLR at depth 1: the inner one cannot verify its credentials, so the outer one fails
        String outer = clrAbout(ALICE, List.of(clr));
        VerificationReport one = Verifier.builder().clock(CLOCK).maxEndorsementDepth(1).build().verify(outer);
        assertThat(check(one, "credentials").outcome()).as(one.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(one.credentials().get(0), "credentials").message()).contains("maxEndorsementDepth");
        assertThat(Verifier.builder().clock(CLOCK).maxEndorsementDepth(2).build().verify(outer).isValid()).isTrue();
    }
}
