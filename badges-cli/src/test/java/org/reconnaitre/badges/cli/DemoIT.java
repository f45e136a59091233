package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import org.junit.jupiter.api.Test;

/** The README's run command: {@code badges demo}, offline, on embedded defaults. */
class DemoIT {

    @Test
    void demoIssuesSignsVerifiesAndCatchesTheTamperedCopy() {
        var r = run("demo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out())
                .contains("1. Issuer key  Ed25519, did:key:z6Mk")
                .contains("aligned to ESCO skill  \"use spreadsheets software\" <http://data.europa.eu/esco/skill/")
                .contains("aligned to ROME 4.0    M1602")
                .contains("3. Validation  valid OPEN_BADGE_CREDENTIAL (0 errors")
                .contains("Data Integrity (eddsa-rdfc-2022)")
                .contains("VC-JWT (EdDSA): eyJ")
                .contains("for learner@example.org, stored as a salted hash")
                .containsPattern("5\\. Verified +Data Integrity: VALID \\(passed: [^)]*proof[^)]*recipient[^)]*\\)")
                .containsPattern("VC-JWT: +VALID \\(passed: [^)]*proof[^)]*recipient")
                .containsPattern("6\\. Tampered[^\\n]*\\n +Data Integrity: INVALID \\(proof: ")
                .contains("Result: both signatures verify, and the tampered copy is rejected.");
    }

    @Test
    void demoHelpHasAnExample() {
        var r = run("demo", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: badges demo").contains("ESCO").contains("Example:").contains("  badges demo");
    }
}
