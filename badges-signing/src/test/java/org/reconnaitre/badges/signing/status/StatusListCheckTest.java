package org.reconnaitre.badges.signing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.testing.SharedData;

/** The verifier with status lists plugged in, on the shared fixtures (offline). */
class StatusListCheckTest {
    private static final String TESTLIST = "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/"
            + "refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist";
    private static final String DCC_LIST = "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/"
            + "src/test-fixtures/status/e5WK8CbZ1GjycuPombrj";

    private static Verifier verifier(Path root, StatusPolicy policy) {
        Fetcher offline = Fetcher.offline(Map.of(
                TESTLIST, root.resolve("fixtures/1edtech-validator/bit-string-list/testlist"),
                DCC_LIST, root.resolve("fixtures/dcc/status/e5WK8CbZ1GjycuPombrj.json")));
        return Verifier.builder()
                .clock(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC))
                .fetcher(offline)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), policy))
                .build();
    }

    private static CheckResult status(Verifier v, Path file) throws Exception {
        VerificationReport report = v.verify(Files.readString(file));
        return report.check("status").orElseThrow(() -> new AssertionError("no status check in " + report));
    }

    /** Skips when this build's verifier cannot yet verify the lists' Data Integrity proofs. */
    private static void assumeListProofsVerify(Path root) throws Exception {
        Verifier plain = Verifier.builder().build();
        for (String list : new String[] {"fixtures/1edtech-validator/bit-string-list/testlist",
                "fixtures/dcc/status/e5WK8CbZ1GjycuPombrj.json"}) {
            CheckOutcome proof = plain.verify(Files.readString(root.resolve(list))).check("proof")
                    .map(CheckResult::outcome).orElse(CheckOutcome.SKIPPED);
            assumeTrue(proof == CheckOutcome.PASSED || proof == CheckOutcome.WARNING,
                    "Skipped: the verifier in this build does not verify the proof of " + list + " (" + proof + ")");
        }
    }

    @Test
    void aListWhoseProofFailsIsNotTrusted() throws Exception {
        Path root = SharedData.openbadges();
        Path tmp = Files.createTempDirectory("status");
        // one character of the signed list changed: whatever it says, it must not be believed
        String list = Files.readString(root.resolve("fixtures/1edtech-validator/bit-string-list/testlist"));
        Files.writeString(tmp.resolve("testlist"), list.replace("\"validFrom\": \"2021", "\"validFrom\": \"2020"));
        assertThat(Files.readString(tmp.resolve("testlist"))).isNotEqualTo(list);
        Verifier v = Verifier.builder()
                .fetcher(Fetcher.offline(Map.of(TESTLIST, tmp.resolve("testlist"))))
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                .build();
        CheckResult r = status(v, root.resolve("fixtures/1edtech-validator/bit-string-list/credential-status-revoked.json"));
        assertThat(r.outcome()).as(r.message()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.message()).contains("is not trustworthy").contains("it does not verify as a credential")
                .contains("signature does not match");
    }

    @Test
    void bitstringRevokedFixtureFailsTheStatusCheck() throws Exception {
        Path root = SharedData.openbadges();
        assumeListProofsVerify(root);
        CheckResult r = status(verifier(root, StatusPolicy.FAIL),
                root.resolve("fixtures/1edtech-validator/bit-string-list/credential-status-revoked.json"));
        assertThat(r.outcome()).as(r.message()).isEqualTo(CheckOutcome.FAILED);
        // the 1EdTech list is signed with a key tied to its issuer only by a URL fragment: nothing shows the
        // issuer controls it, so the list is not trusted (whatever it says) and the status check fails
        assertThat(r.message()).contains("is not trustworthy").contains("only written in the fragment of the issuer's URL");
        // read as a bare list (what the 1EdTech validator does), entry 23 is set
        String list = Files.readString(root.resolve("fixtures/1edtech-validator/bit-string-list/testlist"));
        String credential = Files.readString(root.resolve("fixtures/1edtech-validator/bit-string-list/credential-status-revoked.json"));
        StatusResult bare = StatusLists.check(StatusLists.entries(credential).get(0), list, null);
        assertThat(bare.outcome()).isEqualTo(StatusResult.Outcome.REVOKED);
        assertThat(bare.message()).startsWith("Revoked: entry 23 of the revocation list");
    }

    @Test
    void dccFixtures() throws Exception {
        Path root = SharedData.openbadges();
        assumeListProofsVerify(root);
        Verifier v = verifier(root, StatusPolicy.WARN);
        CheckResult revoked = status(v, root.resolve("fixtures/dcc/v2/v2Revoked.json"));
        assertThat(revoked.outcome()).as(revoked.message()).isEqualTo(CheckOutcome.FAILED);
        assertThat(revoked.message()).startsWith("Revoked: entry 8");
        CheckResult valid = status(v, root.resolve("fixtures/dcc/v2/v2WithValidStatus.json"));
        // entry 9 is clear, but the DCC list was copied to the URL the fixture names and still says it is
        // https://testing.dcconsortium.org/...: a clear entry of a list read elsewhere than its own id
        // is not taken as the status (another list could be replayed): undetermined, a warning under WARN
        assertThat(valid.outcome()).as(valid.message()).isEqualTo(CheckOutcome.WARNING);
        assertThat(valid.message()).contains("answers for its own URL only").contains("STATUS_LIST_LENGTH_ERROR");
        CheckResult validStrict = status(verifier(root, StatusPolicy.FAIL), root.resolve("fixtures/dcc/v2/v2WithValidStatus.json"));
        assertThat(validStrict.outcome()).as(validStrict.message()).isEqualTo(CheckOutcome.FAILED);
        CheckResult v1 = status(v, root.resolve("fixtures/dcc/v1/v1Revoked.json"));
        assertThat(v1.outcome()).isEqualTo(CheckOutcome.FAILED);
        CheckResult badUrl = status(v, root.resolve("fixtures/dcc/eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json"));
        assertThat(badUrl.outcome()).as(badUrl.message()).isEqualTo(CheckOutcome.WARNING);
        assertThat(badUrl.message()).contains("could not be retrieved").contains("e5VK8CbZ1GjycuPombrj");
        CheckResult badUrlStrict = status(verifier(root, StatusPolicy.FAIL),
                root.resolve("fixtures/dcc/eddsaAndEd25519/v2/v2DoubleSigWithBadStatusUrl.json"));
        assertThat(badUrlStrict.outcome()).isEqualTo(CheckOutcome.FAILED);
    }
}
