package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;

/**
 * Endorsements are verified in their role: EndorsementCredentials, verified in full, about the
 * object they are attached to, in JSON and in JWT form; otherwise they are reported as not
 * endorsing it and never counted. The bounds (depth, count per credential) fail closed. Keys are
 * generated here; everything goes through {@link Verifier}.
 */
class VerifierEndorsementRolesTest {
    private static final Instant SIGNED = Instant.parse("2024-01-01T00:00:00Z");
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final String DID = DidKey.of(KEY.publicKey());
    private static final SigningKey ENDORSER = SigningKey.generate(KeyType.ED25519);
    private static final String ENDORSER_DID = DidKey.of(ENDORSER.publicKey());
    /** The id VerifierTestSupport's credential gives its subject. */
    private static final String TEMPLATE_SUBJECT = "did:example:ebfeb1f712ebc6f1c276e12ec21";
    /** The id VerifierTestSupport's credential has. */
    private static final String CREDENTIAL_ID = "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002";

    private static String sign(SigningKey key, String json) throws BadgeException {
        return Issuer.with(key).build().signDataIntegrity(json, "eddsa-rdfc-2022", SIGNED);
    }

    private static CheckResult check(VerificationReport r, String id) {
        return r.check(id).orElseThrow(() -> new AssertionError("no " + id + " check in " + r));
    }

    /** An EndorsementCredential of the endorser about {@code subjectId}, unsigned. */
    private static String endorsementOf(String subjectId, String type) {
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:e1\",\"type\":[\"VerifiableCredential\",\"" + type + "\"],"
                + "\"name\":\"Endorsement\",\"issuer\":{\"id\":\"" + ENDORSER_DID + "\",\"type\":[\"Profile\"]},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\","
                + "\"credentialSubject\":{\"id\":\"" + subjectId + "\",\"type\":[\"EndorsementSubject\"]}}";
    }

    private static String endorsement(String subjectId) throws BadgeException {
        return sign(ENDORSER, endorsementOf(subjectId, "EndorsementCredential"));
    }

    private static String endorsementJwt(String subjectId) throws BadgeException {
        return Issuer.with(ENDORSER).build().signJwt(endorsementOf(subjectId, "EndorsementCredential"));
    }

    /** The issuer's credential carrying {@code member} (e.g. {@code "endorsement":[...]}) at its top level, signed. */
    private static String endorsed(String member) throws BadgeException {
        return secure(credential(DID).replaceFirst("\\}$", "," + member + "}"));
    }

    /**
     * Signs with a Data Integrity proof. The OB 3.0.3 context does not define {@code endorsementJwt}
     * (the 1EdTech validator's copy of it does), so a credential that uses it defines the term inline
     * as that copy does.
     */
    private static String secure(String json) throws BadgeException {
        String withTerm = !json.contains("\"endorsementJwt\"") ? json : json.replaceFirst(
                "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"\\]",
                "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\",{\"endorsementJwt\":{\"@id\":"
                        + "\"https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementJwt\",\"@container\":\"@set\"}}]");
        return sign(KEY, withTerm);
    }

    @Test
    void anEndorsementThatIsNotAnEndorsementCredentialIsNotCounted() throws Exception {
        // a genuine OpenBadgeCredential of the endorser, offered as an endorsement of this credential
        String notAnEndorsement = sign(ENDORSER, credential(ENDORSER_DID).replace(TEMPLATE_SUBJECT, CREDENTIAL_ID));
        for (String member : List.of("\"endorsement\":[" + notAnEndorsement + "]",
                "\"endorsementJwt\":[\"" + Issuer.with(ENDORSER).build().signJwt(
                        credential(ENDORSER_DID).replace(TEMPLATE_SUBJECT, CREDENTIAL_ID)) + "\"]")) {
            VerificationReport r = verifier().verify(endorsed(member));
            assertThat(check(r, "endorsements").outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
            assertThat(check(r, "endorsements").message()).contains("not an EndorsementCredential");
            VerificationReport nested = r.endorsements().get(0);
            assertThat(nested.isValid()).isFalse();
            assertThat(check(nested, "proof").outcome()).isEqualTo(CheckOutcome.PASSED);
            assertThat(check(nested, "context-and-type").outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(r.isValid()).isFalse();
        }
    }

    @Test
    void anEndorsementMustBeAboutWhatItIsAttachedToInJsonAndJwt() throws Exception {
        // controls: about the credential, in both encodings, verify and count
        VerificationReport json = verifier().verify(endorsed("\"endorsement\":[" + endorsement(CREDENTIAL_ID) + "]"));
        assertThat(check(json, "endorsements").outcome()).as(json.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(json.isValid()).isTrue();
        VerificationReport jwt = verifier().verify(endorsed("\"endorsementJwt\":[\"" + endorsementJwt(CREDENTIAL_ID) + "\"]"));
        assertThat(check(jwt, "endorsements").outcome()).as(jwt.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(jwt.endorsements()).singleElement().satisfies(e -> assertThat(e.isValid()).isTrue());

        // genuine endorsements of something else, attached to this credential
        for (String member : List.of("\"endorsement\":[" + endorsement("urn:uuid:another-credential") + "]",
                "\"endorsementJwt\":[\"" + endorsementJwt("urn:uuid:another-credential") + "\"]")) {
            VerificationReport r = verifier().verify(endorsed(member));
            CheckResult endorsements = check(r, "endorsements");
            assertThat(endorsements.outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
            assertThat(endorsements.message()).contains("endorses urn:uuid:another-credential, not the credential ("
                    + CREDENTIAL_ID + ")");
            assertThat(r.endorsements()).singleElement().satisfies(e -> {
                assertThat(e.isValid()).isFalse();
                assertThat(check(e, "proof").outcome()).isEqualTo(CheckOutcome.PASSED);
                assertThat(check(e, "recipient").outcome()).isEqualTo(CheckOutcome.FAILED);
            });
            assertThat(r.isValid()).isFalse();
        }

        // an endorsement of the issuer counts on the issuer profile, not on the credential
        String onIssuer = secure(credential(DID).replace("\"name\":\"Example University\"}",
                "\"name\":\"Example University\",\"endorsementJwt\":[\"" + endorsementJwt(DID) + "\"]}"));
        VerificationReport issuer = verifier().verify(onIssuer);
        assertThat(check(issuer, "endorsements").outcome()).as(issuer.toString()).isEqualTo(CheckOutcome.PASSED);
        VerificationReport misplaced = verifier().verify(endorsed("\"endorsementJwt\":[\"" + endorsementJwt(DID) + "\"]"));
        assertThat(check(misplaced, "endorsements").outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void endorsementsBeyondTheDepthLimitFail() throws Exception {
        // an endorsement that is itself endorsed: at depth limit 1 the inner one cannot be verified
        String endorsedEndorsement = sign(ENDORSER, endorsementOf(CREDENTIAL_ID, "EndorsementCredential")
                .replaceFirst("\\}$", ",\"endorsement\":[" + endorsement("urn:uuid:e1") + "]}"));
        String c = endorsed("\"endorsement\":[" + endorsedEndorsement + "]");
        VerificationReport one = Verifier.builder().clock(CLOCK).maxEndorsementDepth(1).build().verify(c);
        assertThat(check(one, "endorsements").outcome()).as(one.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(one.endorsements().get(0), "endorsements").message()).contains("limit of 1")
                .contains("Verifier.Builder.maxEndorsementDepth");
        assertThat(one.isValid()).isFalse();
        VerificationReport two = Verifier.builder().clock(CLOCK).maxEndorsementDepth(2).build().verify(c);
        assertThat(two.isValid()).as(two.toString()).isTrue();
    }

    @Test
    void moreEndorsementsThanTheCapFail() throws Exception {
        String one = endorsement(CREDENTIAL_ID);
        String sixteen = String.join(",", Collections.nCopies(16, one));
        VerificationReport atCap = verifier().verify(endorsed("\"endorsement\":[" + sixteen + "]"));
        assertThat(check(atCap, "endorsements").outcome()).as(atCap.toString()).isEqualTo(CheckOutcome.PASSED);
        VerificationReport over = verifier().verify(endorsed("\"endorsement\":[" + sixteen + "," + one + "]"));
        assertThat(check(over, "endorsements").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(check(over, "endorsements").message()).contains("17 endorsements, more than the 16");
        assertThat(over.endorsements()).isEmpty();
        assertThat(over.isValid()).isFalse();
    }
}
