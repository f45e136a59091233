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
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.testing.SharedData;

/** The recipient check against an expected identity, hashed and plain. */
class Ob2RecipientTest {

    @Test
    void hashedEmailMatchesOnlyTheRightAddress() throws Exception {
        // sha256("nobody@example.org" + "deadsea") is the 1EdTech fixtures' recipient hash
        var recipient = Json.parse("{\"type\":\"email\",\"hashed\":true,\"salt\":\"deadsea\","
                + "\"identity\":\"sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942\"}");
        assertThat(Ob2Recipient.check(recipient, "nobody@example.org").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(recipient, " Nobody@Example.org ").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(recipient, "somebody@example.org").outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(Ob2Recipient.check(recipient, null).outcome()).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void plainAndMalformedIdentities() throws Exception {
        var plain = Json.parse("{\"type\":\"url\",\"hashed\":false,\"identity\":\"https://alice.example/\"}");
        assertThat(Ob2Recipient.check(plain, "https://alice.example/").outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(Ob2Recipient.check(plain, "https://bob.example/").outcome()).isEqualTo(CheckOutcome.FAILED);
        var bad = Json.parse("{\"type\":\"email\",\"hashed\":true,\"identity\":\"sha1$abc\"}");
        assertThat(Ob2Recipient.check(bad, "a@b.c").message()).contains("not a sha256$ or md5$ hash");
    }

    @Test
    void theVerifierReportsTheRecipientCheckWhenAnIdentityIsExpected() throws Exception {
        var root = SharedData.openbadges();
        var assets = root.resolve("fixtures/1edtech-validator/ob20/assets");
        Fetcher f = Fetcher.offline(Map.of("https://example.org/", assets, "http://example.org/", assets));
        String jws = Files.readString(root.resolve("fixtures/1edtech-validator/ob20/simple.jwt"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        VerificationReport right = Ob2Verifier.verify(VerificationReport.builder(VerificationReport.Format.JWT), jws, f,
                now, Duration.ZERO, "nobody@example.org");
        VerificationReport wrong = Ob2Verifier.verify(VerificationReport.builder(VerificationReport.Format.JWT), jws, f,
                now, Duration.ZERO, "mallory@example.org");
        assertThat(right.isValid()).as("%s", right.checks()).isTrue();
        assertThat(right.check("recipient").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(wrong.isValid()).isFalse();
        assertThat(wrong.failures()).extracting(c -> c.id()).containsExactly("recipient");
    }
}
