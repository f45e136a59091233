package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.status.StatusListCache;
import org.reconnaitre.badges.signing.status.StatusListCheck;
import org.reconnaitre.badges.signing.status.StatusPolicy;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Every signed Open Badges 3.0 / CLR 2.0 fixture of the 1EdTech validator and the DCC verifier gets
 * the outcome the manifest gives, read from {@code manifest.json}. Fixtures whose expected outcome
 * depends on resources that exist only online are listed in {@link #ONLINE_ONLY} with the reason,
 * and the test checks that this list and the manifest stay in step.
 *
 * <p>Verifier set-up, mirroring the 1EdTech validator: the clock is fixed at 2026-01-01; status
 * lists come from the manifest's {@code urlMap} through {@link Fetcher#offline} and are read by
 * {@link StatusListCheck} (an unreachable list is a warning); keys in the JWT
 * {@code jwk} header are accepted with a key-binding warning ({@code trustEmbeddedJwk}), which is
 * what the 1EdTech validator does for {@code simple-jwt.png}.
 */
class VerifierFixturesTest {
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    /** Fixtures whose manifest outcome cannot be reached offline (or not by this verifier), with why. */
    static final Map<String, String> NOT_REACHABLE = new LinkedHashMap<>();

    static {
        NOT_REACHABLE.put("fixtures/1edtech-validator/ob30/credential-status-revoked.json",
                "revoked by an online 1EdTechRevocationList (dc.1edtech.org); offline it fails key-binding instead,"
                        + " because its did:web document is online only");
        NOT_REACHABLE.put("fixtures/dcc/v2/didWeb/v2didWebMultikeyWithValidStatus.json",
                "valid only with the did:web DID document at digitalcredentials.github.io (online only);"
                        + " offline the key from the DID URL fragment is rightly not trusted");
        NOT_REACHABLE.put("fixtures/dcc/v2/didWeb/v2didWebWithValidStatus.json",
                "valid only with the did:web DID document at digitalcredentials.github.io (online only)");
    }

    /** 1EdTech probe that fails → the check of ours that must fail, where both name the same rule. */
    static final Map<String, String> PROBE_TO_CHECK = Map.of(
            "BitstringStatusListProbe", "status",
            "ExpirationProbe", "validity-period",
            "IssuanceProbe", "validity-period",
            "EmbeddedProofProbe", "proof",
            "ContextPropertyProbe", "context-and-type",
            "TypePropertyProbe", "context-and-type",
            "JsonLDValidationProbe", "proof");

    static boolean inScope(JsonNode f) {
        String file = f.get("file").asText();
        return file.startsWith("fixtures/1edtech-validator/ob30/") || file.startsWith("fixtures/1edtech-validator/clr20/")
                || file.startsWith("fixtures/1edtech-validator/bit-string-list/") || file.startsWith("fixtures/dcc/");
    }

    static Verifier verifier(Path root) {
        return Verifier.builder()
                .clock(Clock.fixed(AT, ZoneOffset.UTC))
                .fetcher(Fetcher.offline(SharedData.urlMap(root, "exact")))
                .trustEmbeddedJwk(true)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                .timeout(Duration.ofSeconds(60)) // the build machine is shared and slow
                .build();
    }

    /** The outcome the manifest gives: valid, warning, invalid or status-unknown (inferred ones resolved). */
    static String expected(JsonNode f) {
        JsonNode e = f.get("expected");
        String outcome = e.path("outcome").asText("");
        if (outcome.equals("support")) {
            return "valid";
        }
        if (outcome.equals("not-tested")) {
            String inferred = e.path("inferred").asText("");
            if (inferred.startsWith("signature valid; JSON-LD checks not possible offline")) {
                return "signature-only";
            }
            return inferred.startsWith("valid") ? "valid" : "invalid";
        }
        return outcome;
    }

    @Test
    void theExclusionListMatchesTheManifest() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        List<String> files = new ArrayList<>();
        manifest.get("fixtures").forEach(f -> files.add(f.get("file").asText()));
        assertThat(files).containsAll(NOT_REACHABLE.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everySignedFixtureGetsTheManifestOutcome() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        Verifier verifier = verifier(root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : manifest.get("fixtures")) {
            String file = f.get("file").asText();
            if (!inScope(f) || NOT_REACHABLE.containsKey(file)) {
                continue;
            }
            String expected = expected(f);
            String probe = f.get("expected").path("check").asText("");
            tests.add(DynamicTest.dynamicTest(file + " -> " + expected, () -> {
                VerificationReport r = verifier.verify(Files.readAllBytes(root.resolve(file)));
                assertThat(r.checks()).extracting(CheckResult::id).doesNotHaveDuplicates();
                switch (expected) {
                    case "valid" -> assertThat(r.isValid()).as(r.toString()).isTrue();
                    case "warning" -> {
                        assertThat(r.isValid()).as(r.toString()).isTrue();
                        assertThat(r.hasWarnings()).as(r.toString()).isTrue();
                    }
                    case "status-unknown" -> {
                        assertThat(r.isValid()).as(r.toString()).isTrue();
                        assertThat(r.check("status").orElseThrow().outcome()).as(r.toString()).isNotEqualTo(CheckOutcome.PASSED);
                    }
                    case "signature-only" -> {
                        // the signature holds, but the payload's contexts are not available offline
                        assertThat(r.check("proof").orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
                        assertThat(r.check("schema").orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
                        assertThat(r.check("schema").orElseThrow().message()).contains("CONTEXT");
                    }
                    case "invalid" -> {
                        assertThat(r.isValid()).as(r.toString()).isFalse();
                        String check = PROBE_TO_CHECK.get(probe);
                        if (check != null) {
                            assertThat(r.check(check).orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
                        }
                    }
                    default -> throw new AssertionError("unknown expected outcome " + expected + " for " + file);
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(50);
        return tests.stream();
    }

    @Test
    void aClrVerifiesItsNestedCredentials() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(root);
        VerificationReport r = verifier.verify(root.resolve("fixtures/1edtech-validator/clr20/simple.json"));
        assertThat(r.check("credentials").orElseThrow().outcome()).as(r.toString()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.credentials()).hasSize(1);
        assertThat(r.credentials().get(0).isValid()).isTrue();
        assertThat(r.issuerId()).contains("https://example.edu/issuers/565049");
        assertThat(r.credentials().get(0).issuerId()).contains("https://example.com/issuers/876543");
    }

    @Test
    void embeddedEndorsementsGetTheirOwnReports() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(root);
        VerificationReport r = verifier.verify(root.resolve("fixtures/1edtech-validator/ob30/complete.json"));
        assertThat(r.endorsements()).isNotEmpty();
        // the endorsements of complete.json use the misspelt cryptosuite "eddsa-rdf-2022"
        assertThat(r.endorsements()).allSatisfy(e -> assertThat(e.check("proof").orElseThrow().message()).contains("eddsa-rdf-2022"));
        assertThat(r.check("endorsements").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void bySecureDefaultAJwtWithOnlyASelfAssertedJwkIsNotTrusted() throws Exception {
        Path root = SharedData.openbadges();
        Verifier strict = Verifier.builder().clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
        VerificationReport r = strict.verify(root.resolve("fixtures/1edtech-validator/ob30/simple-jwt.png"));
        assertThat(r.format()).isEqualTo(VerificationReport.Format.PNG);
        assertThat(r.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("key-binding").orElseThrow().outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.isValid()).isFalse();
    }
}
