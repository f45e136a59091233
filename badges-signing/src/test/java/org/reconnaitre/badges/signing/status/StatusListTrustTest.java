package org.reconnaitre.badges.signing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconnaitre.badges.signing.status.StatusListsTest.bits;
import static org.reconnaitre.badges.signing.status.StatusListsTest.gzipBase64;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * A status list speaks for a credential only when it verifies in full as a credential of the
 * credential's issuer (or of an issuer the operator trusts for it), of the right type and purpose;
 * and a declared status must be checked. Every case goes through {@link Verifier} with lists served
 * by a {@link HostileFetcher}, signed here with keys generated here.
 */
class StatusListTrustTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant SIGNED = Instant.parse("2024-01-01T00:00:00Z");
    private static final String LIST_URL = "https://status.university.example/lists/1";
    private static final int INDEX = 5;

    private static final SigningKey UNIVERSITY = SigningKey.generate(KeyType.ED25519);
    private static final String UNIVERSITY_DID = DidKey.of(UNIVERSITY.publicKey());
    private static final SigningKey OTHER = SigningKey.generate(KeyType.ED25519);
    private static final String OTHER_DID = DidKey.of(OTHER.publicKey());

    private static String statusEntry(String type, String purpose) {
        return "{\"id\":\"" + LIST_URL + "#" + INDEX + "\",\"type\":\"" + type + "\",\"statusPurpose\":\"" + purpose
                + "\",\"statusListIndex\":\"" + INDEX + "\",\"statusListCredential\":\"" + LIST_URL + "\"}";
    }

    /** An OB 3.0 credential of the university with this credentialStatus, signed by the university. */
    private static String credential(String status) throws BadgeException {
        String json = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\""
                + (status.contains("StatusList2021Entry") ? ",\"https://w3id.org/vc/status-list/2021/v1\"" : "") + "],"
                + "\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\","
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
                + "\"issuer\":{\"id\":\"" + UNIVERSITY_DID + "\",\"type\":[\"Profile\"],\"name\":\"Example University\"},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Teamwork Badge\","
                + "\"credentialSubject\":{\"id\":\"did:example:alice\",\"type\":[\"AchievementSubject\"],"
                + "\"achievement\":{\"id\":\"https://example.com/achievements/teamwork\",\"type\":[\"Achievement\"],"
                + "\"criteria\":{\"narrative\":\"Works well in a team.\"},\"description\":\"Teamwork.\",\"name\":\"Teamwork\"}},"
                + "\"credentialStatus\":" + status + "}";
        return Issuer.with(UNIVERSITY).build().signDataIntegrity(json, "eddsa-rdfc-2022", SIGNED);
    }

    private static String revocable() throws BadgeException {
        return credential(statusEntry("BitstringStatusListEntry", "revocation"));
    }

    /** An unsigned Bitstring status list credential. */
    private static String list(String issuer, String type, String purpose, String extra, int... setBits) {
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"id\":\"" + LIST_URL + "\","
                + "\"type\":[\"VerifiableCredential\"" + (type.isEmpty() ? "" : ",\"" + type + "\"") + "],"
                + "\"issuer\":\"" + issuer + "\",\"validFrom\":\"2024-01-01T00:00:00Z\"" + extra + ","
                + "\"credentialSubject\":{\"id\":\"" + LIST_URL + "#list\",\"type\":\"BitstringStatusList\","
                + "\"statusPurpose\":\"" + purpose + "\",\"encodedList\":\"" + gzipBase64(bits(16_384, setBits), true) + "\"}}";
    }

    private static String signed(SigningKey key, String list) throws BadgeException {
        return Issuer.with(key).build().signDataIntegrity(list, "eddsa-rdfc-2022", SIGNED);
    }

    /** The university's own revocation list, entry {@link #INDEX} set or not. */
    private static String universityList(boolean revoked) throws BadgeException {
        return signed(UNIVERSITY, revoked ? list(UNIVERSITY_DID, "BitstringStatusListCredential", "revocation", "", INDEX)
                : list(UNIVERSITY_DID, "BitstringStatusListCredential", "revocation", ""));
    }

    private static HostileFetcher serving(String list) {
        return HostileFetcher.builder().json(LIST_URL, list).build();
    }

    private static Verifier.Builder builder(HostileFetcher fetcher) {
        return Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).fetcher(fetcher);
    }

    private static Verifier verifier(HostileFetcher fetcher, StatusPolicy policy) {
        return builder(fetcher).statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ZERO), policy)).build();
    }

    private static CheckResult status(VerificationReport r) {
        return r.check("status").orElseThrow(() -> new AssertionError("no status check in " + r));
    }

    /** The status check failed and the credential is not valid, under both policies (WARN softens nothing here). */
    private static void failsUnderEveryPolicy(String credential, HostileFetcher fetcher, String... reasons) {
        for (StatusPolicy policy : StatusPolicy.values()) {
            VerificationReport r = verifier(fetcher, policy).verify(credential);
            CheckResult s = status(r);
            assertThat(s.outcome()).as(policy + ": " + r).isEqualTo(CheckOutcome.FAILED);
            assertThat(s.message()).as(policy.toString()).contains(reasons);
            assertThat(r.isValid()).as(policy.toString()).isFalse();
            assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        }
    }

    @Test
    void theIssuersOwnListDecidesTheStatusWithTheDefaultCheck() throws Exception {
        String credential = revocable();
        // no statusCheck configured: a verifier with a fetcher uses the built-in status lists, fail closed
        HostileFetcher current = serving(universityList(false));
        VerificationReport ok = builder(current).build().verify(credential);
        assertThat(status(ok).outcome()).as(ok.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(status(ok).message()).startsWith("Not revoked: entry 5 of the revocation list " + LIST_URL);
        assertThat(ok.isValid()).as(ok.toString()).isTrue();
        assertThat(current.requested(LIST_URL)).isTrue();

        VerificationReport revoked = builder(serving(universityList(true))).build().verify(credential);
        assertThat(status(revoked).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(status(revoked).message()).startsWith("Revoked: entry 5");
        assertThat(revoked.isValid()).isFalse();

        // the same list as a VC-JWT signed by the university
        String jwtList = Issuer.with(UNIVERSITY).build().signJwt(list(UNIVERSITY_DID, "BitstringStatusListCredential",
                "revocation", "", INDEX));
        VerificationReport viaJwt = builder(serving(jwtList)).build().verify(credential);
        assertThat(status(viaJwt).message()).as(viaJwt.toString()).startsWith("Revoked: entry 5");
    }

    @Test
    void aListSignedByAnotherIssuerIsNotTheIssuersList() throws Exception {
        String credential = revocable();
        // a perfectly valid list of another issuer, saying "not revoked"
        HostileFetcher fetcher = serving(signed(OTHER, list(OTHER_DID, "BitstringStatusListCredential", "revocation", "")));
        failsUnderEveryPolicy(credential, fetcher, "is not trustworthy", "issued by " + OTHER_DID,
                "not by the credential's issuer " + UNIVERSITY_DID, "trustListIssuer");

        // unless the operator trusts that issuer's lists for the university's credentials
        Verifier delegated = builder(fetcher).statusCheck(StatusListCheck.builder().cache(StatusListCache.create(Duration.ZERO))
                .trustListIssuer(OTHER_DID, UNIVERSITY_DID).build()).build();
        VerificationReport r = delegated.verify(credential);
        assertThat(status(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.isValid()).isTrue();
        // trust for another credential issuer does not carry over
        Verifier elsewhere = builder(fetcher).statusCheck(StatusListCheck.builder()
                .trustListIssuer(OTHER_DID, "did:web:another-university.example").build()).build();
        assertThat(status(elsewhere.verify(credential)).outcome()).isEqualTo(CheckOutcome.FAILED);
        Verifier everyone = builder(fetcher).statusCheck(StatusListCheck.builder().trustListIssuerForAll(OTHER_DID).build()).build();
        assertThat(status(everyone.verify(credential)).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThatThrownBy(() -> StatusListCheck.builder().trustListIssuer("not an id", UNIVERSITY_DID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aListThatNamesTheIssuerButIsSignedWithAKeyItDoesNotControlIsNotAStatusList() throws Exception {
        String credential = revocable();
        // the list claims the university as issuer; the signature is valid, but made with another did:key
        String forged = signed(OTHER, list(UNIVERSITY_DID, "BitstringStatusListCredential", "revocation", ""));
        failsUnderEveryPolicy(credential, serving(forged), "is not trustworthy", "does not verify as a credential",
                "read from the document of " + OTHER_DID, "not from the issuer's own document");
        // the same with a revoked bit changes nothing: the list says nothing at all
        String forgedRevoked = signed(OTHER, list(UNIVERSITY_DID, "BitstringStatusListCredential", "revocation", "", INDEX));
        CheckResult s = status(verifier(serving(forgedRevoked), StatusPolicy.FAIL).verify(credential));
        assertThat(s.message()).doesNotContain("Revoked:").contains("is not trustworthy");
    }

    @Test
    void anExpiredListIsNotTrusted() throws Exception {
        String expired = signed(UNIVERSITY, list(UNIVERSITY_DID, "BitstringStatusListCredential", "revocation",
                ",\"validUntil\":\"2025-01-01T00:00:00Z\""));
        failsUnderEveryPolicy(revocable(), serving(expired), "is not trustworthy", "does not verify as a credential");
        // and one that is not yet valid
        String future = signed(UNIVERSITY, list(UNIVERSITY_DID, "BitstringStatusListCredential", "revocation", "")
                .replace("\"validFrom\":\"2024-01-01T00:00:00Z\"", "\"validFrom\":\"2026-01-01T00:00:00Z\""));
        failsUnderEveryPolicy(revocable(), serving(future), "is not trustworthy");
    }

    @Test
    void aListForAnotherPurposeSaysNothingAboutRevocation() throws Exception {
        String suspensionList = signed(UNIVERSITY, list(UNIVERSITY_DID, "BitstringStatusListCredential", "suspension", ""));
        failsUnderEveryPolicy(revocable(), serving(suspensionList), "'revocation' does not match the list's \"suspension\"");
    }

    @Test
    void aListOfTheWrongTypeIsRefused() throws Exception {
        // a signed credential of the university that is not a BitstringStatusListCredential
        String plain = signed(UNIVERSITY, list(UNIVERSITY_DID, "", "revocation", ""));
        failsUnderEveryPolicy(revocable(), serving(plain), "is not a BitstringStatusListCredential");
        // a StatusList2021Entry must point at a StatusList2021Credential, not a Bitstring one
        String entry2021 = credential(statusEntry("StatusList2021Entry", "revocation"));
        failsUnderEveryPolicy(entry2021, serving(universityList(false)), "is not a StatusList2021Credential");
    }

    @Test
    void aListThatDeclaresAStatusOfItsOwnIsNotFollowed() throws Exception {
        String selfReferencing = signed(UNIVERSITY, list(UNIVERSITY_DID, "BitstringStatusListCredential", "revocation",
                ",\"credentialStatus\":" + statusEntry("BitstringStatusListEntry", "revocation")));
        failsUnderEveryPolicy(revocable(), serving(selfReferencing), "is not trustworthy", "status of its own");
    }

    @Test
    void withoutAFetcherADeclaredStatusFailsAndNamesTheHostToAllow() throws Exception {
        for (Verifier v : new Verifier[] {Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build(),
                Verifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ZERO), StatusPolicy.WARN)).build()}) {
            VerificationReport r = v.verify(revocable());
            assertThat(status(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
            assertThat(status(r).message()).contains("revocation and suspension could not be checked: configure a fetcher"
                    + " that allows status.university.example");
            assertThat(r.isValid()).isFalse();
        }
    }

    @Test
    void anUnknownStatusMethodFails() throws Exception {
        // a method this verifier does not implement (written as a full IRI so that it is signed as such)
        String method = "https://w3id.org/vc-revocation-list-2020#RevocationList2020Status";
        String credential = credential("{\"id\":\"" + LIST_URL + "#5\",\"type\":\"" + method + "\"}");
        HostileFetcher fetcher = serving(universityList(false));
        failsUnderEveryPolicy(credential, fetcher, "Unsupported status method " + method);
        VerificationReport byDefault = builder(fetcher).build().verify(credential);
        assertThat(status(byDefault).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(fetcher.requested(LIST_URL)).isFalse();
    }

    @Test
    void anUnreachableListFailsUnlessTheCallerChoseWarn() throws Exception {
        HostileFetcher gone = HostileFetcher.builder().status(LIST_URL, 404).build();
        VerificationReport strict = builder(gone).build().verify(revocable());
        assertThat(status(strict).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(status(strict).message()).contains("could not be retrieved").contains("HTTP 404");
        assertThat(strict.isValid()).isFalse();

        VerificationReport lenient = verifier(gone, StatusPolicy.WARN).verify(revocable());
        assertThat(status(lenient).outcome()).isEqualTo(CheckOutcome.WARNING);
        assertThat(status(lenient).message()).contains("could not be retrieved").contains("status policy is WARN");
        assertThat(lenient.isValid()).isTrue();
    }

    @Test
    void aFlaggedMessageStatusFailsUnlessTheCallerChoseWarn() throws Exception {
        String credential = credential(statusEntry("BitstringStatusListEntry", "message"));
        HostileFetcher fetcher = serving(signed(UNIVERSITY, list(UNIVERSITY_DID, "BitstringStatusListCredential", "message", "", INDEX)));
        VerificationReport strict = builder(fetcher).build().verify(credential);
        assertThat(status(strict).outcome()).as(strict.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(status(strict).message()).contains("Status 0x1").contains("StatusPolicy.WARN");
        VerificationReport lenient = verifier(fetcher, StatusPolicy.WARN).verify(credential);
        assertThat(status(lenient).outcome()).isEqualTo(CheckOutcome.WARNING);
        assertThat(lenient.isValid()).isTrue();
    }
}
