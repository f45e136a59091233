package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.testing.SharedData;

/** The recipient check against an expected identity, hashed and plain. */
class Ob2RecipientTest {

    @Test
    void hashedEmailMatchesOnlyTheRightAddress() throws Exception {
        // sha256("nobody@example.org" + "deadsea") is the 1EdTech fixtures' recipient hash
        var recipient = Json.parse("{\"type\":\"email\",\"hashed\":true,\"salt\":\"deadsea\","
                + "\"identity\":\"sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942\"}");
        assertThat(Ob2Recipient.check(recipient, ExpectedRecipient.email("nobody@example.org")).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(recipient, ExpectedRecipient.email(" Nobody@Example.org ")).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(recipient, ExpectedRecipient.email("somebody@example.org")).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(Ob2Recipient.check(recipient, null).outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void plainAndMalformedIdentities() throws Exception {
        var plain = Json.parse("{\"type\":\"url\",\"hashed\":false,\"identity\":\"https://alice.example/\"}");
        assertThat(Ob2Recipient.check(plain, ExpectedRecipient.url("https://alice.example/")).outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(plain, ExpectedRecipient.url("https://bob.example/")).outcome()).isEqualTo(CheckOutcome.FAILED);
        var bad = Json.parse("{\"type\":\"email\",\"hashed\":true,\"identity\":\"sha1$abc\"}");
        assertThat(Ob2Recipient.check(bad, ExpectedRecipient.email("a@b.c")).message()).contains("not a sha256$ or md5$ hash");
    }

    @Test
    void theRecipientTypeMustFitTheExpectedKindAndTelephonesAreNormalised() throws Exception {
        var phone = Json.parse("{\"type\":\"telephone\",\"hashed\":false,\"identity\":\"+1 415-555-2671\"}");
        assertThat(Ob2Recipient.check(phone, ExpectedRecipient.telephone("+14155552671")).outcome())
                .isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(phone, ExpectedRecipient.email("a@b.c")).message()).contains("identified by telephone");
        var md5 = Json.parse("{\"type\":\"url\",\"hashed\":true,\"salt\":\"s\",\"identity\":\"md5$"
                + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                        .digest("https://alice.example/s".getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "\"}");
        assertThat(Ob2Recipient.check(md5, ExpectedRecipient.url("https://alice.example/")).outcome())
                .isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(md5, ExpectedRecipient.id("https://alice.example/")).outcome())
                .as("an id expectation accepts a url recipient").isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(md5, ExpectedRecipient.url("https://Alice.example/")).outcome())
                .as("URLs are compared exactly").isEqualTo(CheckOutcome.FAILED);
        var plainEmail = Json.parse("{\"type\":\"email\",\"identity\":\"Alice@Example.org\"}");
        assertThat(Ob2Recipient.check(plainEmail, ExpectedRecipient.email("alice@example.ORG")).outcome())
                .isEqualTo(CheckOutcome.PASSED);
    }

    @Test
    void theVerifierReportsTheRecipientCheckWhenAnIdentityIsExpected() throws Exception {
        var root = SharedData.openbadges();
        var assets = root.resolve("fixtures/1edtech-validator/ob20/assets");
        Fetcher f = Fetcher.offline(Map.of("https://example.org/", assets, "http://example.org/", assets));
        String jws = Files.readString(root.resolve("fixtures/1edtech-validator/ob20/simple.jwt"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        VerificationReport right = Ob2Verifier.verify(VerificationReport.builder(VerificationReport.Format.JWT), jws, f,
                now, Duration.ZERO, ExpectedRecipient.email("nobody@example.org"));
        VerificationReport wrong = Ob2Verifier.verify(VerificationReport.builder(VerificationReport.Format.JWT), jws, f,
                now, Duration.ZERO, ExpectedRecipient.email("mallory@example.org"));
        assertThat(right.isValid()).as("%s", right.checks()).isTrue();
        assertThat(right.check("recipient").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(wrong.isValid()).isFalse();
        assertThat(wrong.failures()).extracting(c -> c.id()).containsExactly("recipient");
    }
}
