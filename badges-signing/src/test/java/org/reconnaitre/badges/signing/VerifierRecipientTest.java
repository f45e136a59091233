package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.IdentityHash;
import org.reconnaitre.badges.testing.SharedData;

/** {@link Verifier#forRecipient}: the recipient check for OB 3.0 and OB 2.0, hashed and plain. */
class VerifierRecipientTest {
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final String DID = DidKey.of(KEY.publicKey());
    private static final String SUBJECT_ID = "\"credentialSubject\":{\"id\":\"did:example:ebfeb1f712ebc6f1c276e12ec21\",";

    private static String signed(String json) throws Exception {
        return Issuer.with(KEY).build().signDataIntegrity(json, "eddsa-rdfc-2022", Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** An OB 3.0 credential whose subject is identified by these identifier objects (JSON array items). */
    private static String withIdentifiers(String identifiers) {
        return credential(DID).replace(SUBJECT_ID, "\"credentialSubject\":{\"identifier\":[" + identifiers + "],");
    }

    private static String identifier(String type, boolean hashed, String value, String salt) {
        return "{\"type\":\"IdentityObject\",\"identityType\":\"" + type + "\",\"hashed\":" + hashed
                + ",\"identityHash\":\"" + value + "\"" + (salt == null ? "" : ",\"salt\":\"" + salt + "\"") + "}";
    }

    private static CheckResult recipient(VerificationReport r) {
        return r.check("recipient").orElseThrow();
    }

    private static final Verifier VERIFIER = Verifier.builder().clock(CLOCK).build();

    @Test
    void withoutAnExpectationTheCheckIsSkipped() throws Exception {
        VerificationReport r = VERIFIER.verify(signed(credential(DID)));
        assertThat(r.isValid()).as("%s", r).isTrue();
        assertThat(recipient(r).outcome()).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(VERIFIER.expectedRecipient()).isEmpty();
    }

    @Test
    void ob3SaltedEmailHashMatchesWithoutRegardToCase() throws Exception {
        String hash = IdentityHash.createEmail("alice@example.org", "s4lt").toString();
        String json = signed(withIdentifiers(identifier("emailAddress", true, hash, "s4lt")));
        VerificationReport right = VERIFIER.forRecipient(ExpectedRecipient.email(" Alice@Example.ORG ")).verify(json);
        assertThat(right.isValid()).as("%s", right).isTrue();
        assertThat(recipient(right).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(recipient(right).message()).contains("emailAddress").contains("salted sha256 hash");

        VerificationReport wrong = VERIFIER.forRecipient(ExpectedRecipient.email("mallory@example.org")).verify(json);
        assertThat(wrong.isValid()).isFalse();
        assertThat(wrong.failures()).extracting(CheckResult::id).containsExactly("recipient");
        assertThat(recipient(wrong).message()).contains("not awarded").doesNotContain(hash).doesNotContain("mallory");
        assertThat(VERIFIER.forRecipient(ExpectedRecipient.email("alice@example.org")).verify(
                signed(withIdentifiers(identifier("emailAddress", true, hash, "other")))).isValid())
                .as("the salt is part of the hash").isFalse();
    }

    @Test
    void ob3PlainIdentifiersAndSubjectIds() throws Exception {
        String plain = signed(withIdentifiers(identifier("studentId", false, "S-1234", null) + ","
                + identifier("emailAddress", false, "Bob@Example.org", null)));
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.email("bob@example.org")).verify(plain)).outcome())
                .isEqualTo(CheckOutcome.PASSED);
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.id("urn:student:S-1234")).verify(plain)).outcome())
                .isEqualTo(CheckOutcome.FAILED);
        String md5 = signed(withIdentifiers(identifier("sourcedId", true,
                "md5$" + md5Hex("urn:student:S-1234" + "pepper"), "pepper")));
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.id("urn:student:S-1234")).verify(md5)).outcome())
                .as("md5$ hash of a non-email identifier").isEqualTo(CheckOutcome.PASSED);
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.email("urn@student.example")).verify(md5)).outcome())
                .as("an email never matches an identifier of another type").isEqualTo(CheckOutcome.FAILED);

        String byId = signed(credential(DID));
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.did("did:example:ebfeb1f712ebc6f1c276e12ec21"))
                .verify(byId)).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.did("did:example:EBFEB1F712EBC6F1C276E12EC21"))
                .verify(byId)).outcome()).as("ids are compared exactly").isEqualTo(CheckOutcome.FAILED);
        // a URL subject id is compared as RFC 3986 says: scheme and host case and the default port do not matter
        String byUrl = signed(credential(DID).replace("did:example:ebfeb1f712ebc6f1c276e12ec21", "https://Learners.Example:443/alice"));
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.url("https://learners.example/alice")).verify(byUrl))
                .outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.url("https://learners.example/Alice")).verify(byUrl))
                .outcome()).as("the path is case-sensitive").isEqualTo(CheckOutcome.FAILED);
        String mailto = signed(credential(DID).replace("did:example:ebfeb1f712ebc6f1c276e12ec21", "mailto:Carol@Example.org"));
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.email("carol@example.org")).verify(mailto)).outcome())
                .isEqualTo(CheckOutcome.PASSED);
        String none = signed(credential(DID).replace(SUBJECT_ID, "\"credentialSubject\":{"));
        assertThat(recipient(VERIFIER.forRecipient(ExpectedRecipient.email("carol@example.org")).verify(none)).message())
                .contains("names no recipient");
    }

    @Test
    void ob2HashedEmailThroughThePublicApi() throws Exception {
        Path root = SharedData.openbadges();
        Path assets = root.resolve("fixtures/1edtech-validator/ob20/assets");
        Verifier v = Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .fetcher(Fetcher.offline(Map.of("https://example.org/", assets, "http://example.org/", assets))).build();
        Path jwt = root.resolve("fixtures/1edtech-validator/ob20/simple.jwt");
        VerificationReport right = v.forRecipient(ExpectedRecipient.email("NOBODY@example.org")).verify(jwt);
        assertThat(right.isValid()).as("%s", right).isTrue();
        assertThat(recipient(right).outcome()).isEqualTo(CheckOutcome.PASSED);
        VerificationReport wrong = v.forRecipient(ExpectedRecipient.email("somebody@example.org")).verify(Files.readString(jwt));
        assertThat(wrong.failures()).extracting(CheckResult::id).containsExactly("recipient");
        VerificationReport wrongKind = v.forRecipient(ExpectedRecipient.url("https://example.org/nobody")).verify(jwt);
        assertThat(recipient(wrongKind).message()).contains("identified by email");
        assertThat(recipient(v.verify(jwt)).outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void expectationsAreValidatedAndNormalised() throws Exception {
        assertThat(ExpectedRecipient.telephone("+33 6 12-34.56 (78)").value()).isEqualTo("+33612345678");
        assertThat(ExpectedRecipient.email(" a@b.org ")).isEqualTo(ExpectedRecipient.email("a@b.org"));
        assertThat(ExpectedRecipient.email("alice@example.org").toString()).doesNotContain("alice");
        for (var bad : new org.assertj.core.api.ThrowableAssert.ThrowingCallable[] {
                () -> ExpectedRecipient.email("not-an-address"), () -> ExpectedRecipient.url("ftp://x.example/"),
                () -> ExpectedRecipient.telephone("call me"), () -> ExpectedRecipient.did("did:nomethod"),
                () -> ExpectedRecipient.did("did:EXAMPLE:123"), () -> ExpectedRecipient.did("did:example:"),
                () -> ExpectedRecipient.id("relative/path"), () -> ExpectedRecipient.email(" ")}) {
            assertThatThrownBy(bad).isInstanceOf(BadgeException.class)
                    .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT);
        }
        Verifier v = VERIFIER.forRecipient(ExpectedRecipient.telephone("+33612345678"));
        assertThat(v.expectedRecipient()).contains(ExpectedRecipient.telephone("+33 612 345 678"));
        assertThat(v.clock()).isEqualTo(VERIFIER.clock());
        String tel = signed(withIdentifiers(identifier("ext:phone", false, "+33 6 12 34 56 78", null)));
        assertThat(recipient(v.verify(tel)).outcome()).isEqualTo(CheckOutcome.PASSED);
    }

    private static String md5Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
