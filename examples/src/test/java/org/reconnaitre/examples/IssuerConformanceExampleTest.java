package org.reconnaitre.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reconnaitre.badges.conformance.OpenBadgesAssertions.assertThatBadge;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.conformance.ConformanceError;
import org.reconnaitre.badges.conformance.ConformanceKit;
import org.reconnaitre.badges.conformance.ConformanceReport;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;

/**
 * How an issuer (a training centre, a temp agency) checks, in its own test suite, that the badges
 * it emits will be accepted by any Open Badges 3.0 verifier: add {@code badges-conformance} as a
 * test dependency and assert on the badges your code issues.
 */
class IssuerConformanceExampleTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static SigningKey issuerKey;
    static String badge;

    @BeforeAll
    static void issueABadgeTheWayProductionDoes() throws Exception {
        issuerKey = SigningKey.generate(KeyType.ED25519);
        badge = IssueAndSignBadge.issue(issuerKey, "ada@example.org", NOW.minusSeconds(3600));
    }

    @Test
    void ourBadgesConformToOpenBadges3() {
        assertThatBadge(badge)
                .atInstant(NOW)
                .verifiesWith(issuerKey.publicKey())   // signed with our key, not someone else's
                .isSignedWith("eddsa-rdfc-2022")       // the cryptosuite we promise our partners
                .hasRecipient("ada@example.org")       // the salted hash names the learner
                .conformsToOpenBadges3()               // schema, contexts, proof, key binding, robustness
                .hasNoWarnings();
    }

    @Test
    void aBrokenBadgeFailsWithEveryRuleListed() {
        String broken = badge.replace("Forklift operation", "Crane operation");
        assertThatThrownBy(() -> assertThatBadge(broken).atInstant(NOW).conformsToOpenBadges3())
                .isInstanceOf(ConformanceError.class)
                .hasMessageContaining("VERIFY-PROOF");
    }

    @Test
    void aReportForTheReleaseChecklist() {
        ConformanceReport report = ConformanceKit.builder().at(NOW).expectedRecipient("ada@example.org").build()
                .check("forklift-badge.json", badge);
        assertThat(report.isConformant()).as(report.toString()).isTrue();
        assertThat(report.toMarkdown()).startsWith("## forklift-badge.json: conformant");
        assertThat(report.toJson()).contains("\"conformant\":true").contains("\"ROBUST-TAMPER\"");
    }
}
