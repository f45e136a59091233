package org.reconnaitre.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

class DiscloseSelectivelyTest {
    private static final Verifier VERIFIER = Verifier.builder().build();

    @Test
    void mainPrintsADisclosureWithoutTheAssessorsNotesThatVerifies() throws Exception {
        String printed = StdoutCapture.capture(() -> DiscloseSelectively.main(new String[0]));
        assertThat(printed).contains("ecdsa-sd-2023").contains("Forklift operation").contains("VALID:")
                .doesNotContain("hesitant").doesNotContain("worker@example.org");
    }

    @Test
    void theEmployerVerifiesTheDisclosureButNotTheBaseProofOrAChangedCopy() throws Exception {
        String base = DiscloseSelectively.issue(SigningKey.generate(KeyType.P256), Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(base).contains("hesitant");
        VerificationReport baseReport = VERIFIER.verify(base);
        assertThat(baseReport.isValid()).as("base proofs are for the holder").isFalse();
        assertThat(baseReport.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);

        String shown = DiscloseSelectively.withoutEvidence(base);
        VerificationReport report = VERIFIER.verify(shown);
        assertThat(report.isValid()).as(report.toString()).isTrue();
        assertThat(shown).contains("Operates a counterbalance forklift").doesNotContain("hesitant")
                .doesNotContain("identityHash");

        String changed = shown.replace("Forklift operation", "Crane operation");
        assertThat(VERIFIER.verify(changed).isValid()).isFalse();
    }
}
