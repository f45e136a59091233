package org.reconnaitre.badges.signing.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.status.StatusResult.Outcome;
import org.reconnaitre.badges.signing.status.internal.Bitstrings;
import org.reconnaitre.badges.testing.SharedData;

/**
 * The shared status fixtures, driven by manifest.json: every fixture whose expected outcome
 * depends on its status list gets that status; URLs resolve only through the manifest's urlMap.
 */
class StatusListFixturesTest {
    private static final StatusLists.ListProofCheck PROOF_CHECKED_ELSEWHERE = list -> Optional.empty();

    private static Fetcher offline(Path root) {
        return Fetcher.offline(SharedData.urlMap(root, "exact"));
    }

    @Test
    void testlistHasOnlyBit23Set() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode list = Json.parse(Files.readString(root.resolve("fixtures/1edtech-validator/bit-string-list/testlist")));
        byte[] bits = Bitstrings.decode(list.path("credentialSubject").path("encodedList").asText(), true);
        assertThat(bits.length * 8).isEqualTo(131_072);
        int set = 0;
        for (int i = 0; i < bits.length * 8; i++) {
            if (Bitstrings.read(bits, i, 1) == 1) {
                assertThat(i).isEqualTo(23);
                set++;
            }
        }
        assertThat(set).isEqualTo(1);
    }

    @Test
    void revokedFixtureIndex23IsRevoked() throws Exception {
        Path root = SharedData.openbadges();
        String credential = Files.readString(root.resolve("fixtures/1edtech-validator/bit-string-list/credential-status-revoked.json"));
        String list = Files.readString(root.resolve("fixtures/1edtech-validator/bit-string-list/testlist"));
        String entry = Json.write(Json.parse(credential).path("credentialStatus"));
        StatusResult r = StatusLists.check(entry, list);
        assertThat(r.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(r.index()).isEqualTo(23);
        assertThat(r.value()).isEqualTo(1);
        assertThat(r.purpose()).isEqualTo("revocation");
        assertThat(r.method()).contains(StatusEntry.Method.BITSTRING_STATUS_LIST);
        assertThat(r.isFailure()).isTrue();
        assertThat(r.message()).startsWith("Revoked: entry 23 of the revocation list https://raw.githubusercontent.com/");
        assertThat(r.listCredentialId()).contains("https://example.com/credentials/status/3");
        assertThat(r.warnings()).singleElement().asString().contains("differs from the URL");
        // neighbours are clear, but the list was read at another URL than its id: a clear entry of a
        // list read elsewhere is not taken as a status (another list of the issuer could stand in for it)
        for (int i : new int[] {0, 22, 24, 131_071}) {
            StatusResult n = StatusLists.check(entry.replace("\"statusListIndex\":23", "\"statusListIndex\":" + i), list);
            assertThat(n.outcome()).as("index " + i).isEqualTo(Outcome.UNKNOWN);
            assertThat(n.message()).contains("answers for its own URL only");
            // read at its own id, they are not revoked
            StatusResult own = StatusLists.check(entry.replace("\"statusListIndex\":23", "\"statusListIndex\":" + i)
                    .replaceAll("https://raw\\.githubusercontent\\.com/[^\"#]*testlist", "https://example.com/credentials/status/3"), list);
            assertThat(own.outcome()).as("index " + i + " " + own.message()).isEqualTo(Outcome.VALID);
        }
        StatusResult out = StatusLists.check(entry.replace("\"statusListIndex\":23", "\"statusListIndex\":131072"), list);
        assertThat(out.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(out.errorCode()).isEqualTo("RANGE_ERROR");
    }

    @Test
    void everyManifestFixtureWithAStatusGetsItsExpectedStatus() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        Fetcher fetcher = offline(root);
        StatusListCache cache = StatusListCache.create(Duration.ofMinutes(5));
        int checked = 0;
        for (JsonNode f : manifest.path("fixtures")) {
            JsonNode expected = f.path("expected");
            JsonNode steps = expected.path("steps");
            Outcome want;
            if (steps.has("revocation_status")) {
                JsonNode rev = steps.get("revocation_status");
                want = rev.isBoolean() ? (rev.asBoolean() ? Outcome.VALID : Outcome.REVOKED) : Outcome.UNKNOWN;
            } else if (expected.path("check").asText().equals("BitstringStatusListProbe")) {
                want = Outcome.REVOKED;
            } else if (expected.path("check").asText().equals("RevocationListProbe")) {
                want = Outcome.UNKNOWN; // the 1EdTech list is online only: not retrievable offline
            } else {
                continue;
            }
            String file = f.path("file").asText();
            String credential = Files.readString(root.resolve(file));
            List<StatusEntry> entries = StatusLists.entries(credential);
            assertThat(entries).as(file).hasSize(1);
            String id = Json.parse(credential).path("id").asText(null);
            StatusResult r = StatusLists.check(entries.get(0), id, fetcher, cache, StatusPolicy.WARN, PROOF_CHECKED_ELSEWHERE);
            boolean moved = want == Outcome.VALID && r.listCredentialId().isPresent()
                    && !r.listCredentialId().get().equals(entries.get(0).listUrl().toString());
            if (moved) {
                // the fixtures' lists were copied to other URLs than their ids: a clear entry of a list read
                // elsewhere than its own id is undetermined (another list of the issuer could stand in for it)
                want = Outcome.UNKNOWN;
                assertThat(r.message()).as(file).contains("answers for its own URL only");
            }
            assertThat(r.outcome()).as(file + ": " + r.message()).isEqualTo(want);
            if (moved) {
                assertThat(r.errorCode()).isEqualTo("STATUS_VERIFICATION_ERROR");
            } else if (want == Outcome.UNKNOWN) {
                assertThat(r.errorCode()).isEqualTo("STATUS_RETRIEVAL_ERROR");
                StatusResult strict = StatusLists.check(entries.get(0), id, fetcher, cache, StatusPolicy.FAIL,
                        PROOF_CHECKED_ELSEWHERE);
                assertThat(strict.outcome()).isEqualTo(Outcome.ERROR);
                assertThat(strict.message()).contains("could not be retrieved");
            }
            if (file.contains("/dcc/") && (want != Outcome.UNKNOWN || moved)) {
                // the DCC list has 100,000 bits, below the spec minimum: read, with a warning
                assertThat(r.warnings()).anyMatch(w -> w.startsWith("STATUS_LIST_LENGTH_ERROR: the list holds 100000 bits"));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(16);
        assertThat(cache.size()).isEqualTo(2); // the two mapped lists, fetched once each
    }

    @Test
    void dccListBits() throws Exception {
        JsonNode list = Json.parse(Files.readString(SharedData.openbadges().resolve("fixtures/dcc/status/e5WK8CbZ1GjycuPombrj.json")));
        byte[] bits = Bitstrings.decode(list.path("credentialSubject").path("encodedList").asText(), true);
        assertThat(bits.length * 8).isEqualTo(100_000);
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            if (Bitstrings.read(bits, i, 1) == 1) {
                set.append(i).append(' ');
            }
        }
        assertThat(set.toString().strip()).isEqualTo("2 6 8");
    }

    @Test
    void statusList2021EntryWithoutListIsRefusedWhenRead() throws Exception {
        String credential = Files.readString(SharedData.openbadges().resolve("fixtures/dcc/eddsa/v2/safeModeBreaker.json"));
        assertThatThrownBy(() -> StatusLists.entries(credential))
                .isInstanceOf(BadgeException.class)
                .hasMessageContaining("StatusList2021Entry needs a 'statusPurpose'");
    }
}
