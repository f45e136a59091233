package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.crypto.RsaOps;
import org.reconnaitre.badges.signing.testkit.HostileFetcher;

/**
 * The Open Badges 2.0 trust model (issue #12 class 1, issue #22 sections 1 and 2), one forgery per
 * test through {@link Verifier}, with {@link HostileFetcher} serving what an attacker chooses: the
 * signing key and the issuer profile count only as served at their own URLs, a key must be owned and
 * listed by the issuer and lie within its verification policy, a hosted assertion is valid only as
 * its issuer serves it, and a node that is not a credential is refused.
 */
class Ob2TrustTest {
    static final String UNI = "https://university.example";
    static final String ISSUER = UNI + "/issuer";
    static final String KEY = UNI + "/keys/1";
    static final String BADGE = UNI + "/badges/phd";
    static final String HOSTED = UNI + "/assertions/42";
    static final KeyPair GENUINE = RsaOps.generate();
    static final KeyPair ATTACKER = RsaOps.generate();
    static final String CTX = "\"@context\":\"https://w3id.org/openbadges/v2\"";
    static final String RECIPIENT = "\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"mallory@example.org\"}";

    static String pem(KeyPair k) {
        return "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(k.getPublic().getEncoded())
                + "\\n-----END PUBLIC KEY-----";
    }

    static String profile(String id, String publicKey, String extra) {
        return "{" + CTX + ",\"type\":\"Issuer\",\"id\":\"" + id + "\",\"name\":\"University\",\"url\":\"" + UNI
                + "\",\"email\":\"registrar@university.example\"" + (publicKey == null ? "" : ",\"publicKey\":" + publicKey)
                + extra + "}";
    }

    static String key(String id, String owner, KeyPair k) {
        return "{" + CTX + ",\"type\":\"CryptographicKey\",\"id\":\"" + id + "\",\"owner\":\"" + owner
                + "\",\"publicKeyPem\":\"" + pem(k) + "\"}";
    }

    static String badgeClass(String issuer) {
        return "{" + CTX + ",\"type\":\"BadgeClass\",\"id\":\"" + BADGE + "\",\"name\":\"PhD in Physics\","
                + "\"description\":\"Doctorate\",\"image\":\"" + UNI + "/badges/phd.png\",\"criteria\":\"" + UNI
                + "/phd\",\"issuer\":\"" + issuer + "\"}";
    }

    /** A signed assertion payload with this badge (URL string or embedded JSON) and creator. */
    static String payload(String badge, String creator) {
        return "{" + CTX + ",\"type\":\"Assertion\",\"id\":\"urn:uuid:7c1d0f0e-6a51-4c0e-8f51-4d0c1b6f2a10\","
                + RECIPIENT + ",\"issuedOn\":\"2024-06-01T00:00:00Z\",\"badge\":" + badge
                + ",\"verification\":{\"type\":\"SignedBadge\"" + (creator == null ? "" : ",\"creator\":" + creator) + "}}";
    }

    static String jws(KeyPair k, String payload) {
        return Ob2SignedTest.sign(k.getPrivate(), "{\"alg\":\"RS256\"}", payload);
    }

    /** The genuine university: its badge class, profile (listing its key) and key, at their own URLs. */
    static HostileFetcher.Builder university() {
        return HostileFetcher.builder()
                .json(BADGE, badgeClass(ISSUER))
                .json(ISSUER, profile(ISSUER, "\"" + KEY + "\"", ""))
                .json(KEY, key(KEY, ISSUER, GENUINE));
    }

    static Verifier verifier(Fetcher f) {
        return Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).fetcher(f).build();
    }

    static void assertFails(VerificationReport r, String check, String... texts) {
        assertThat(r.isValid()).as("%s", r).isFalse();
        assertThat(r.failures()).as("%s", r).extracting(CheckResult::id).containsExactly(check);
        assertThat(r.check(check).orElseThrow().message()).contains(texts);
    }

    @Test
    void aGenuineSignedAssertionWithItsDocumentsServedVerifies() {
        VerificationReport r = verifier(university().build()).verify(jws(GENUINE, payload("\"" + BADGE + "\"", "\"" + KEY + "\"")));
        assertThat(r.isValid()).as("%s", r).isTrue();
        assertThat(r.issuerId()).contains(ISSUER);
        assertThat(r.check("key-binding").orElseThrow().message()).contains("owned by the issuer").contains(ISSUER);
        VerificationReport noCreator = verifier(university().build()).verify(jws(GENUINE, payload("\"" + BADGE + "\"", null)));
        assertThat(noCreator.isValid()).as("the key listed by the fetched profile: %s", noCreator).isTrue();
    }

    @Test
    void embeddedIssuerAndKeyObjectsSignedByTheAttackerDoNotVerify() {
        // the payload embeds the badge class, the university as issuer and a key "owned" by it with the attacker's PEM
        String embeddedKey = key(KEY, ISSUER, ATTACKER);
        String embeddedIssuer = profile(ISSUER, embeddedKey, "");
        String badge = badgeClass(ISSUER).replace("\"issuer\":\"" + ISSUER + "\"", "\"issuer\":" + embeddedIssuer);
        String forged = jws(ATTACKER, payload(badge, embeddedKey));
        VerificationReport online = verifier(university().build()).verify(forged);
        assertFails(online, "proof", "does not verify with the key " + KEY);
        VerificationReport offline = Verifier.builder().build().verify(forged);
        assertFails(offline, "ob2-fetch", "allow " + UNI + " in the fetcher");
        assertThat(offline.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void aKeyServedByTheAttackerAndClaimingTheIssuerIsNotBound() {
        String attackerKey = "https://attacker.example/key.json";
        HostileFetcher f = university().json(attackerKey, key(attackerKey, ISSUER, ATTACKER)).build();
        VerificationReport r = verifier(f).verify(jws(ATTACKER, payload("\"" + BADGE + "\"", "\"" + attackerKey + "\"")));
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertFails(r, "key-binding", "does not list the key " + attackerKey, "is on host attacker.example");
    }

    @Test
    void anIssuerProfileServedAtAnotherUrlClaimingTheIssuersIdIsNotTrusted() {
        String fake = "https://attacker.example/issuer";
        String attackerKey = "https://attacker.example/key.json";
        HostileFetcher f = university()
                .json(BADGE, badgeClass(fake))
                .json(fake, profile(ISSUER, "\"" + attackerKey + "\"", ",\"verification\":{\"allowedOrigins\":\"attacker.example\"}"))
                .json(attackerKey, key(attackerKey, ISSUER, ATTACKER))
                .build();
        VerificationReport r = verifier(f).verify(jws(ATTACKER, payload("\"" + BADGE + "\"", "\"" + attackerKey + "\"")));
        assertFails(r, "ob2-fetch", "served at " + fake + " declares the id " + ISSUER);
        assertThat(r.issuerId()).isEmpty();
    }

    @Test
    void aKeyOwnedBySomeoneElseIsNotBound() {
        HostileFetcher f = university().json(KEY, key(KEY, "https://other.example/issuer", GENUINE)).build();
        VerificationReport r = verifier(f).verify(jws(GENUINE, payload("\"" + BADGE + "\"", "\"" + KEY + "\"")));
        assertFails(r, "key-binding", "belongs to https://other.example/issuer, not to the issuer " + ISSUER);
    }

    @Test
    void aKeyTheIssuerProfileDoesNotListIsNotBound() {
        String planted = UNI + "/uploads/key.json"; // a file planted on the issuer's host, claiming the issuer
        HostileFetcher f = university().json(planted, key(planted, ISSUER, ATTACKER)).build();
        VerificationReport r = verifier(f).verify(jws(ATTACKER, payload("\"" + BADGE + "\"", "\"" + planted + "\"")));
        assertFails(r, "key-binding", "does not list the key " + planted);
    }

    @Test
    void aKeyDocumentDeclaringAnotherIdIsNotBound() {
        String other = UNI + "/keys/2";
        HostileFetcher f = university().json(KEY, key(other, ISSUER, GENUINE)).build();
        VerificationReport r = verifier(f).verify(jws(GENUINE, payload("\"" + BADGE + "\"", "\"" + KEY + "\"")));
        assertFails(r, "key-binding", "declares the id " + other);
    }

    @Test
    void aCreatorOnAnotherOriginThanTheIssuerPolicyAllowsIsNotBound() {
        String cdn = "https://cdn.example/university/key.json";
        HostileFetcher outside = university()
                .json(ISSUER, profile(ISSUER, "[\"" + KEY + "\",\"" + cdn + "\"]", ""))
                .json(cdn, key(cdn, ISSUER, GENUINE)).build();
        String signed = jws(GENUINE, payload("\"" + BADGE + "\"", "\"" + cdn + "\""));
        assertFails(verifier(outside).verify(signed), "key-binding", "is on host cdn.example", "not the issuer's host");
        HostileFetcher allowed = university()
                .json(ISSUER, profile(ISSUER, "[\"" + KEY + "\",\"" + cdn + "\"]",
                        ",\"verification\":{\"allowedOrigins\":[\"university.example\",\"cdn.example\"]}"))
                .json(cdn, key(cdn, ISSUER, GENUINE)).build();
        VerificationReport ok = verifier(allowed).verify(signed);
        assertThat(ok.isValid()).as("allowedOrigins lists cdn.example: %s", ok).isTrue();
        HostileFetcher prefix = university()
                .json(ISSUER, profile(ISSUER, "[\"" + KEY + "\",\"" + cdn + "\"]",
                        ",\"verification\":{\"startsWith\":\"" + UNI + "/keys/\"}"))
                .json(cdn, key(cdn, ISSUER, GENUINE)).build();
        assertFails(verifier(prefix).verify(signed), "key-binding", "starts with none of the issuer's allowed prefixes");
    }

    @Test
    void aKeyThatCannotBeFetchedFailsTheProofWithTheReason() {
        String signed = jws(GENUINE, payload("\"" + BADGE + "\"", "\"" + KEY + "\""));
        assertFails(verifier(university().status(KEY, 404).build()).verify(signed), "proof", "cannot be obtained", "HTTP 404");
        assertFails(verifier(university().fail(KEY, BadgeException.Code.FETCH_REFUSED).build()).verify(signed), "proof",
                "allow " + UNI + " in the fetcher");
        String notHttp = jws(GENUINE, payload("\"" + BADGE + "\"", "\"urn:uuid:5b0c\""));
        assertFails(verifier(university().build()).verify(notHttp), "proof", "not an HTTP(S) URL");
    }

    @Test
    void aRevocationListTheIssuerDeclaresButThatCannotBeFetchedFailsRevocation() {
        HostileFetcher f = university()
                .json(ISSUER, profile(ISSUER, "\"" + KEY + "\"", ",\"revocationList\":\"" + UNI + "/revoked\""))
                .status(UNI + "/revoked", 500).build();
        VerificationReport r = verifier(f).verify(jws(GENUINE, payload("\"" + BADGE + "\"", "\"" + KEY + "\"")));
        assertFails(r, "revocation", "cannot be obtained");
    }

    static String hosted(String extra) {
        return "{" + CTX + ",\"type\":\"Assertion\",\"id\":\"" + HOSTED + "\"," + RECIPIENT
                + ",\"issuedOn\":\"2024-06-01T00:00:00Z\",\"badge\":\"" + BADGE + "\",\"verification\":{\"type\":\"hosted\"}"
                + extra + "}";
    }

    @Test
    void aHostedAssertionServedAtItsIdVerifiesEvenWithOtherKeyOrderAndWhitespace() {
        String served = hosted(",\"expires\":\"2030-01-01T00:00:00Z\"");
        String supplied = "{\n  \"expires\": \"2030-01-01T00:00:00Z\",\n  " + hosted("").substring(1).replace(",\"", ",\n  \"");
        VerificationReport r = verifier(university().json(HOSTED, served).build()).verify(supplied);
        assertThat(r.isValid()).as("%s", r).isTrue();
        assertThat(r.check("proof").orElseThrow().message()).contains("serves this very assertion");
    }

    @Test
    void aHostedCopyThatDiffersFromTheServedOneFails() {
        String served = hosted(",\"expires\":\"2025-01-01T00:00:00Z\"");
        String supplied = hosted(""); // the expiry removed by the holder
        VerificationReport r = verifier(university().json(HOSTED, served).build()).verify(supplied);
        assertFails(r, "ob2-fetch", "differs from the one its issuer serves", "\"expires\"");
    }

    @Test
    void aHostedAssertionItsIssuerDoesNotServeFails() {
        String a = hosted("");
        assertFails(verifier(university().status(HOSTED, 404).build()).verify(a), "ob2-fetch", "HTTP 404",
                "allow " + UNI + " in the fetcher");
        assertFails(verifier(university().status(HOSTED, 500).build()).verify(a), "ob2-fetch", "HTTP 500");
        assertFails(verifier(university().fail(HOSTED, BadgeException.Code.FETCH_FAILED).build()).verify(a), "ob2-fetch",
                "failed", "allow " + UNI + " in the fetcher");
        assertFails(Verifier.builder().build().verify(a), "ob2-fetch", "not allowed", "allow " + UNI + " in the fetcher");
    }

    @Test
    void aHostedAssertionWhoseIssuerIsEmbeddedIsJudgedByTheProfileServedAtTheIssuersId() {
        // the attacker hosts the assertion and embeds a university profile allowing the attacker's origin
        String evil = "https://attacker.example/assertions/42";
        String embedded = profile(ISSUER, null, ",\"verification\":{\"allowedOrigins\":\"attacker.example\"}");
        String badge = badgeClass(ISSUER).replace("\"issuer\":\"" + ISSUER + "\"", "\"issuer\":" + embedded);
        String a = hosted("").replace(HOSTED, evil).replace("\"badge\":\"" + BADGE + "\"", "\"badge\":" + badge);
        VerificationReport r = verifier(university().json(evil, a).build()).verify(a);
        assertFails(r, "ob2-verification", "attacker.example", "not the issuer's host university.example");
    }

    @Test
    void anOb20NodeThatIsNotACredentialIsRefused() {
        for (String node : new String[] {profile(ISSUER, "\"" + KEY + "\"", ""), badgeClass(ISSUER), key(KEY, ISSUER, GENUINE),
                "{" + CTX + ",\"type\":\"RevocationList\",\"id\":\"" + UNI + "/revoked\",\"revokedAssertions\":[]}",
                "{" + CTX + ",\"type\":[\"Extension\",\"extensions:ApplyLink\"],\"url\":\"https://x.example\"}",
                "{" + CTX + ",\"type\":\"Criteria\",\"narrative\":\"Do it\"}"}) {
            VerificationReport r = verifier(university().build()).verify(node);
            assertFails(r, "context-and-type", "not a credential");
        }
    }
}
