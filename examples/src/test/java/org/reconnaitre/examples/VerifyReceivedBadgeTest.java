package org.reconnaitre.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.JsonValue;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;

class VerifyReceivedBadgeTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static String signed = "";

    @BeforeAll
    static void issue() throws Exception {
        signed = IssueAndSignBadge.issue(SigningKey.generate(KeyType.ED25519), "ada@example.org",
                Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void mainReviewsABadgeAndPrintsTheDecisionWhatToShowAndWhatToStore() throws Exception {
        String printed = StdoutCapture.capture(() -> VerifyReceivedBadge.main(new String[0]));
        assertThat(printed).startsWith("ACCEPTED").contains("Badge: Forklift operation")
                .contains("Skill: operate forklift (ESCO)").contains("store: {\"receivedAt\"");
    }

    @Test
    void anAuthenticBadgeForThisCandidateIsAcceptedWithWhatToDisplay() throws Exception {
        var review = VerifyReceivedBadge.review(bytes(signed), "ada@example.org", NOW);
        assertThat(review.accepted()).as(review.toString()).isTrue();
        assertThat(review.display()).contains("Badge: Forklift operation", "Issued on: 2026-03-01",
                "Skill: operate forklift (ESCO)");
        assertThat(review.display()).anyMatch(l -> l.startsWith("Issued by: Example Logistics Academy <did:key:z6Mk"));
        var record = (JsonValue.ObjectValue) JsonValue.parse(review.record());
        assertThat(record.get("accepted")).contains(JsonValue.TRUE);
        assertThat(record.get("sha256").orElseThrow().toString()).hasSize(66); // 64 hex digits, quoted
        assertThat(record.get("receivedAt").orElseThrow().toString()).isEqualTo("\"2026-11-23T10:00:00Z\"");
        assertThat(record.get("report").orElseThrow().toString()).contains("\"valid\":true");
    }

    @Test
    void aBadgeIssuedToSomeoneElseIsNotAccepted() {
        var review = VerifyReceivedBadge.review(bytes(signed), "mallory@example.org", NOW);
        assertThat(review.accepted()).isFalse();
        assertThat(review.display()).contains("Warning: this badge was not issued to mallory@example.org.");
        assertThat(review.record()).contains("\"recipientMatches\":false");
    }

    @Test
    void aTamperedBadgeIsRejectedWithTheReason() {
        var review = VerifyReceivedBadge.review(bytes(signed.replace("Forklift operation", "Crane operation")),
                "ada@example.org", NOW);
        assertThat(review.accepted()).isFalse();
        assertThat(review.display().get(0)).isEqualTo("This badge could not be verified:");
        assertThat(review.display()).anyMatch(l -> l.startsWith("- proof: "));
        assertThat(review.display()).noneMatch(l -> l.startsWith("Badge:"));
    }

    @Test
    void garbageIsRejectedNotThrown() {
        var review = VerifyReceivedBadge.review(bytes("%PDF-1.7 not a badge"), "ada@example.org", NOW);
        assertThat(review.accepted()).isFalse();
        assertThat(review.record()).contains("\"accepted\":false");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
