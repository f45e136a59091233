package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #12, class 4: the proof options of a properly signed credential are checked against the
 * verification — purpose, {@code created} (not in the future), {@code expires} (not in the past),
 * {@code challenge} and {@code domain} — through {@link Verifier} and {@link DataIntegrity#verify}.
 */
class ProofOptionsVerificationTest {
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A credential issued by the key's did:key, signed with the given options (the issuer controls the key). */
    private static String signed(SigningKey key, UnaryOperator<ProofOptions.Builder> options) throws Exception {
        String unsigned = VerifierTestSupport.credential(DidKey.of(key.publicKey()));
        Cryptosuite suite = Cryptosuite.defaultFor(key.type());
        return DataIntegrity.sign(unsigned, key, options.apply(ProofOptions.builder(suite)
                .created(Instant.parse("2025-01-01T00:00:00Z"))).build());
    }

    private static ProofOutcome di(String json, DataIntegrity.Settings settings) {
        ProofResult r = DataIntegrity.verify(json, KeyResolver.offline(), settings);
        assertThat(r.proofs()).as(r.summary()).hasSize(1);
        return r.proofs().get(0);
    }

    private static DataIntegrity.Settings.Builder at(Instant now) {
        return DataIntegrity.Settings.builder().clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static CheckResult proofCheck(VerificationReport r) {
        return r.check("proof").orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "P256"})
    void aProperlySignedProofForAnotherPurposeFails(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type);
        String json = signed(key, o -> o.proofPurpose("authentication"));

        VerificationReport r = Verifier.builder().clock(CLOCK).build().verify(json);
        assertThat(proofCheck(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(proofCheck(r).message()).contains("authentication").contains("assertionMethod");
        assertThat(r.isValid()).isFalse();

        ProofOutcome p = di(json, at(NOW).build());
        assertThat(p.status()).as(p.reason()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
        // the signature itself is good: a caller that expects this purpose accepts it
        ProofOutcome expected = di(json, at(NOW).expectedProofPurpose("authentication").build());
        assertThat(expected.status()).as(expected.reason()).isEqualTo(ProofOutcome.Status.VALID);
        // and the default credential proof passes the default settings
        assertThat(di(signed(key, o -> o), at(NOW).build()).status()).isEqualTo(ProofOutcome.Status.VALID);
    }

    @Test
    void aProofCreatedInTheFutureFailsAtTheVerifiersClock() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String json = signed(key, o -> o.created(Instant.parse("2099-01-01T00:00:00Z")));

        VerificationReport r = Verifier.builder().clock(CLOCK).build().verify(json);
        assertThat(proofCheck(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(proofCheck(r).message()).contains("2099-01-01T00:00:00Z").contains("future");
        assertThat(di(json, at(NOW).build()).status()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
        assertThat(di(json, DataIntegrity.Settings.defaults()).status()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);

        // the verifier's clock is the one used: at a later instant the same proof is fine
        Instant later = Instant.parse("2099-06-01T00:00:00Z");
        VerificationReport atLater = Verifier.builder().clock(Clock.fixed(later, ZoneOffset.UTC)).build().verify(json);
        assertThat(proofCheck(atLater).outcome()).as(atLater.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(di(json, at(later).build()).status()).isEqualTo(ProofOutcome.Status.VALID);
    }

    @Test
    void createdIsJudgedWithTheClockSkew() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String inTwoMinutes = signed(key, o -> o.created(NOW.plus(Duration.ofMinutes(2))));
        String inTenMinutes = signed(key, o -> o.created(NOW.plus(Duration.ofMinutes(10))));
        Verifier verifier = Verifier.builder().clock(CLOCK).build(); // default skew: 5 minutes
        assertThat(proofCheck(verifier.verify(inTwoMinutes)).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(proofCheck(verifier.verify(inTenMinutes)).outcome()).isEqualTo(CheckOutcome.FAILED);
        Verifier tolerant = Verifier.builder().clock(CLOCK).clockSkew(Duration.ofMinutes(15)).build();
        assertThat(proofCheck(tolerant.verify(inTenMinutes)).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(di(inTenMinutes, at(NOW).clockSkew(Duration.ofMinutes(15)).build()).status())
                .isEqualTo(ProofOutcome.Status.VALID);
        assertThat(di(inTenMinutes, at(NOW).clockSkew(Duration.ZERO).build()).status())
                .isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "P256"})
    void anExpiredProofFails(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type);
        String json = signed(key, o -> o.created(Instant.parse("2000-01-01T00:00:00Z"))
                .expires(Instant.parse("2001-01-01T00:00:00Z")));
        assertThat(json).contains("\"expires\":\"2001-01-01T00:00:00Z\"");

        VerificationReport r = Verifier.builder().clock(CLOCK).build().verify(json);
        assertThat(proofCheck(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
        assertThat(proofCheck(r).message()).contains("expired").contains("2001-01-01T00:00:00Z");
        assertThat(r.isValid()).isFalse();
        ProofOutcome p = di(json, at(NOW).build());
        assertThat(p.status()).as(p.reason()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);

        // before it expired, the same proof was valid
        assertThat(di(json, at(Instant.parse("2000-06-01T00:00:00Z")).build()).status()).isEqualTo(ProofOutcome.Status.VALID);
        String notYetExpired = signed(key, o -> o.expires(Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(proofCheck(Verifier.builder().clock(CLOCK).build().verify(notYetExpired)).outcome())
                .isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void theChallengeIsComparedWithTheExpectedOne() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String withAbc = signed(key, o -> o.challenge("abc-123"));
        String withOther = signed(key, o -> o.challenge("replayed-999"));
        String without = signed(key, o -> o);
        Verifier expecting = Verifier.builder().clock(CLOCK).expectedChallenge("abc-123").build();

        assertThat(proofCheck(expecting.verify(withAbc)).outcome()).isEqualTo(CheckOutcome.PASSED);
        CheckResult mismatch = proofCheck(expecting.verify(withOther));
        assertThat(mismatch.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(mismatch.message()).contains("replayed-999").contains("abc-123");
        CheckResult absent = proofCheck(expecting.verify(without));
        assertThat(absent.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(absent.message()).contains("no challenge");

        // not expected: a remark, the proof stays valid
        VerificationReport unexpected = Verifier.builder().clock(CLOCK).build().verify(withAbc);
        assertThat(proofCheck(unexpected).outcome()).as(unexpected.toString()).isEqualTo(CheckOutcome.WARNING);
        assertThat(proofCheck(unexpected).message()).contains("challenge");
        assertThat(unexpected.isValid()).as(unexpected.toString()).isTrue();

        DataIntegrity.Settings s = at(NOW).expectedChallenge("abc-123").build();
        assertThat(di(withAbc, s).status()).isEqualTo(ProofOutcome.Status.VALID);
        assertThat(di(withOther, s).status()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
        assertThat(di(without, s).status()).isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
        ProofOutcome plain = di(withAbc, at(NOW).build());
        assertThat(plain.status()).isEqualTo(ProofOutcome.Status.VALID);
        assertThat(plain.warnings()).anyMatch(w -> w.contains("abc-123"));
    }

    @Test
    void theDomainIsComparedWithTheExpectedOnesAsAStringOrAnArray() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        String one = signed(key, o -> o.domain("https://hr.example"));
        String two = signed(key, o -> o.domain("https://school.example", "https://hr.example"));
        String without = signed(key, o -> o);
        assertThat(one).contains("\"domain\":\"https://hr.example\"");
        assertThat(two).contains("\"domain\":[\"https://school.example\",\"https://hr.example\"]");

        Verifier hr = Verifier.builder().clock(CLOCK).expectedDomain("https://hr.example").build();
        Verifier other = Verifier.builder().clock(CLOCK).expectedDomain("https://attacker.example").build();
        assertThat(proofCheck(hr.verify(one)).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(proofCheck(hr.verify(two)).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(proofCheck(other.verify(one)).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(proofCheck(other.verify(two)).outcome()).isEqualTo(CheckOutcome.FAILED);
        CheckResult absent = proofCheck(hr.verify(without));
        assertThat(absent.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(absent.message()).contains("no domain");
        VerificationReport unexpected = Verifier.builder().clock(CLOCK).build().verify(two);
        assertThat(proofCheck(unexpected).outcome()).isEqualTo(CheckOutcome.WARNING);
        assertThat(proofCheck(unexpected).message()).contains("https://school.example");

        assertThat(di(two, at(NOW).expectedDomain("https://hr.example").build()).status()).isEqualTo(ProofOutcome.Status.VALID);
        assertThat(di(two, at(NOW).expectedDomain("https://x.example").build()).status())
                .isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
        assertThat(di(without, at(NOW).expectedDomain("https://hr.example").build()).status())
                .isEqualTo(ProofOutcome.Status.PROOF_OPTIONS_REJECTED);
    }

    @Test
    void endorsementsAreHeldToThePurposeButNotToTheCallersChallenge() throws Exception {
        SigningKey endorser = SigningKey.generate(KeyType.ED25519);
        String endorsement = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:e1\",\"type\":[\"VerifiableCredential\",\"EndorsementCredential\"],"
                + "\"name\":\"Endorsement\",\"issuer\":{\"id\":\"" + DidKey.of(endorser.publicKey()) + "\",\"type\":[\"Profile\"]},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\","
                + "\"credentialSubject\":{\"id\":\"urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002\",\"type\":[\"EndorsementSubject\"]}}";
        ProofOptions.Builder options = ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022).created(Instant.parse("2024-01-01T00:00:00Z"));
        String good = DataIntegrity.sign(endorsement, endorser, options.build());
        String forAuthentication = DataIntegrity.sign(endorsement, endorser, options.proofPurpose("authentication").build());
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        Verifier expecting = Verifier.builder().clock(CLOCK).expectedChallenge("abc-123").build();
        for (boolean wrongPurpose : new boolean[] {false, true}) {
            String unsigned = VerifierTestSupport.credential(DidKey.of(key.publicKey()))
                    .replaceFirst("\\}$", ",\"endorsement\":[" + (wrongPurpose ? forAuthentication : good) + "]}");
            String json = DataIntegrity.sign(unsigned, key, ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022)
                    .created(Instant.parse("2025-01-01T00:00:00Z")).challenge("abc-123").build());
            VerificationReport r = expecting.verify(json);
            assertThat(proofCheck(r).outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
            assertThat(r.endorsements()).hasSize(1);
            VerificationReport e = r.endorsements().get(0);
            assertThat(e.check("proof").orElseThrow().outcome()).as(e.toString())
                    .isEqualTo(wrongPurpose ? CheckOutcome.FAILED : CheckOutcome.PASSED);
            assertThat(r.check("endorsements").orElseThrow().outcome()).as(r.toString())
                    .isEqualTo(wrongPurpose ? CheckOutcome.FAILED : CheckOutcome.PASSED);
        }
    }

    @Test
    void theSettingsDefaultsAreSafe() {
        DataIntegrity.Settings d = DataIntegrity.Settings.defaults();
        assertThat(d.expectedProofPurpose()).isEqualTo("assertionMethod");
        assertThat(d.expectedChallenge()).isEmpty();
        assertThat(d.expectedDomains()).isEmpty();
        assertThat(d.clockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.acceptOptionalSdIdentity()).isFalse();
    }
}
