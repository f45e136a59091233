package org.reconnaitre.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.OpenBadges;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

class IssueAndSignBadgeTest {

    @Test
    void mainPrintsASignedBadgeThatVerifies() throws Exception {
        String printed = StdoutCapture.capture(() -> IssueAndSignBadge.main(new String[] {"ada@example.org"}));
        assertThat(printed).contains("\"proof\"").contains("eddsa-rdfc-2022").contains("Forklift operation")
                .doesNotContain("ada@example.org"); // the email is only stored hashed
        VerificationReport report = Verifier.builder().build().verify(printed);
        assertThat(report.isValid()).as(report.toString()).isTrue();
        assertThat(report.issuerId()).get().asString().startsWith("did:key:z6Mk");
    }

    @Test
    void theBadgeNamesTheIssuerKeyAndTheRecipientHash() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String signed = IssueAndSignBadge.issue(key, "ada@example.org", Instant.parse("2026-03-01T10:15:30.123Z"));
        AchievementCredential c = OpenBadges.read(signed, AchievementCredential.class);
        assertThat(c.issuer().orElseThrow().id()).get().hasToString(DidKey.of(key.publicKey()));
        assertThat(c.validFrom().orElseThrow().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(c.credentialSubject().orElseThrow().identifier().get(0).matches("ada@example.org")).isTrue();
        assertThat(c.credentialSubject().orElseThrow().identifier().get(0).matches("bob@example.org")).isFalse();
        // tampering breaks the proof
        String tampered = signed.replace("Forklift operation", "Crane operation");
        assertThat(Verifier.builder().build().verify(tampered).isValid()).isFalse();
    }
}
