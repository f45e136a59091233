package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Every 1EdTech validator Open Badges 2.0 fixture with an expected outcome gets that outcome from
 * {@link Verifier#verify(Path)}, offline: the manifest's {@code urlMap} prefixes for
 * {@code example.org} are served from {@code ob20/assets/} through {@link Fetcher#offline}. Files
 * that cannot be judged (or are not implemented) are listed in {@link #NOT_JUDGED} with the reason.
 */
class Ob2FixturesTest {
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    static final String DIR = "fixtures/1edtech-validator/ob20/";

    /** Fixtures with an expected outcome that this test does not assert, and why. */
    static final Map<String, String> NOT_JUDGED = new LinkedHashMap<>();

    static {
        NOT_JUDGED.put(DIR + "redirected-validation-subject.json",
                "not strict JSON (// comments) and not used by any 1EdTech test: a parse failure is expected");
    }

    /** The check that must fail for each fixture the manifest calls invalid (file name under ob20/). */
    static final Map<String, String> FAILING_CHECK = Map.ofEntries(
            Map.entry("assertion-with-data-image.json", "schema"),
            Map.entry("assertion-with-extension-node-invalid.json", "ob2-extensions"),
            Map.entry("basic-assertion-expired-before-issued.json", "validity-period"),
            Map.entry("basic-assertion-expired.json", "validity-period"),
            Map.entry("basic-assertion-in-future.json", "validity-period"),
            Map.entry("basic-assertion-invalid-context.json", "context-and-type"),
            Map.entry("basic-assertion-invalid-type.json", "context-and-type"),
            Map.entry("basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json", "ob2-verification"),
            Map.entry("basic-assertion-with-allowed-origins-invalid-starts-with.json", "ob2-verification"),
            Map.entry("rdf-validation/badge-class-invalid-issuer-type.json", "ob2-fetch"),
            Map.entry("rdf-validation/invalid-class.json", "context-and-type"),
            Map.entry("rdf-validation/invalid-empty-type.json", "context-and-type"),
            Map.entry("rdf-validation/invalid-one-invalid-class.json", "context-and-type"),
            Map.entry("simple-revoked.jwt", "revocation"));

    /** Text the warning must contain for each fixture the manifest expects a warning from. */
    static final Map<String, String> WARNING_TEXT = Map.of(
            "warning-issuer-non-http.json", "is not an HTTP(S) URL",
            "warning-with-redirection.json", "fetched at http://example.org/altbadgeurl.json declares a different id");

    static Verifier verifier(Path root) {
        Map<String, Path> map = SharedData.urlMap(root, "prefix");
        assertThat(map).as("the manifest maps the example.org prefixes to ob20/assets")
                .hasSize(3).allSatisfy((url, path) -> assertThat(root.relativize(path).toString()).startsWith(DIR));
        return Verifier.builder().clock(Clock.fixed(AT, ZoneOffset.UTC)).fetcher(Fetcher.offline(map)).build();
    }

    static String expected(JsonNode f) {
        JsonNode e = f.get("expected");
        if (e == null || e.get("outcome") == null) {
            return "none";
        }
        String o = e.get("outcome").asText();
        if (o.equals("not-tested")) {
            String inferred = e.path("inferred").asText(e.path("detail").asText());
            return inferred.startsWith("valid") ? "valid" : "none";
        }
        return o;
    }

    @TestFactory
    List<DynamicTest> everyOb20FixtureGetsTheManifestOutcome() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        Verifier verifier = verifier(root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : manifest.get("fixtures")) {
            String file = f.get("file").asText();
            String outcome = expected(f);
            if (!file.startsWith(DIR) || outcome.equals("support") || outcome.equals("none")
                    || NOT_JUDGED.containsKey(file)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file.substring(DIR.length()) + " -> " + outcome, () -> {
                VerificationReport r = verifier.verify(root.resolve(file));
                assertThat(r.checks()).as("%s: checks are reported", file).isNotEmpty();
                assertThat(r.checks()).as("%s: every check has a reason", file)
                        .allSatisfy(c -> assertThat(c.message()).isNotBlank());
                assertThat(r.checks().stream().map(CheckResult::id).distinct().count())
                        .as("%s: check ids are unique in %s", file, r.checks()).isEqualTo(r.checks().size());
                switch (outcome) {
                    case "valid" -> assertThat(r.isValid()).as("%s should be valid: %s", file, r.checks()).isTrue();
                    case "warning" -> {
                        assertThat(r.isValid()).as("%s should be valid: %s", file, r.checks()).isTrue();
                        String text = WARNING_TEXT.get(file.substring(DIR.length()));
                        assertThat(text).as("%s: the expected warning is listed", file).isNotNull();
                        assertThat(r.checks()).as("%s should warn about %s: %s", file, text, r.checks())
                                .anySatisfy(c -> {
                                    assertThat(c.outcome()).isEqualTo(CheckOutcome.WARNING);
                                    assertThat(c.message()).contains(text);
                                });
                    }
                    case "invalid" -> {
                        String check = FAILING_CHECK.get(file.substring(DIR.length()));
                        assertThat(check).as("%s: the check expected to fail is listed", file).isNotNull();
                        assertThat(r.failures()).as("%s should fail %s: %s", file, check, r.checks())
                                .extracting(CheckResult::id).containsExactly(check);
                    }
                    default -> throw new AssertionError("unknown expected outcome " + outcome + " for " + file);
                }
            }));
        }
        assertThat(tests).as("OB 2.0 fixtures judged").hasSizeGreaterThan(30);
        return tests;
    }

    @Test
    void notJudgedListStaysInStepWithTheManifest() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        List<String> files = new ArrayList<>();
        manifest.get("fixtures").forEach(f -> files.add(f.get("file").asText()));
        assertThat(files).containsAll(NOT_JUDGED.keySet());
    }

    @Test
    void extensionNodesAreValidatedAgainstTheirExtensionSchemas() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(root);
        for (String ok : List.of("assertion-with-extension-node-basic.json", "assertion-with-multiple-extensions.json")) {
            assertThat(verifier.verify(root.resolve(DIR + ok)).check("ob2-extensions")).get().satisfies(c -> {
                assertThat(c.outcome()).as("%s: %s", ok, c).isEqualTo(CheckOutcome.PASSED);
                assertThat(c.message()).contains("validates against");
            });
        }
        assertThat(verifier.verify(root.resolve(DIR + "assertion-with-extension-node-invalid.json")).check("ob2-extensions"))
                .get().satisfies(c -> assertThat(c.message()).contains("obi:extensions/#ExampleExtension"));
        String wrongValue = Files.readString(root.resolve(DIR + "assertion-with-extension-node-basic.json"))
                .replace("\"I'm a property, short and sweet\"", "1337");
        VerificationReport r = verifier.verify(wrongValue);
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("ob2-extensions");
        assertThat(r.check("ob2-extensions").orElseThrow().message()).contains("does not validate against");
        assertThat(verifier.verify(root.resolve(DIR + "basic-assertion.json")).check("ob2-extensions"))
                .get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void anExtensionWhoseContextCannotBeObtainedIsAWarningNotAPass() throws Exception {
        Path root = SharedData.openbadges();
        String text = Files.readString(root.resolve(DIR + "assertion-with-extension-node-basic.json"))
                .replace("https://w3id.org/openbadges/extensions/exampleExtension/context.json",
                        "https://unknown.example/ext/context.json");
        VerificationReport r = verifier(root).verify(text);
        assertThat(r.check("ob2-extensions")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.WARNING);
            assertThat(c.message()).contains("https://unknown.example/ext/context.json").contains("not validated");
        });
    }

    @Test
    void revokedSignedAssertionFailsTheRevocationCheckWithTheReason() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(root);
        VerificationReport r = verifier.verify(root.resolve(DIR + "simple-revoked.jwt"));
        assertThat(r.check("proof")).get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("key-binding")).get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.PASSED);
        assertThat(r.check("revocation")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.message()).contains("A good reason, for sure");
        });
        assertThat(r.issuerId()).contains("https://example.org/organization-with-revocation-list.json");
    }

    @Test
    void endorsementsAreVerifiedEachWithItsOwnReport() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(root);
        VerificationReport endorsed = verifier.verify(root.resolve(DIR + "assertion-with-endorsements.json"));
        assertThat(endorsed.isValid()).as("%s", endorsed).isTrue();
        assertThat(endorsed.endorsements()).hasSize(4).allSatisfy(e -> {
            assertThat(e.isValid()).as("%s", e).isTrue();
            assertThat(e.issuerId()).contains("http://example.org/issuer1.json");
            assertThat(e.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        });
        assertThat(endorsed.endorsements()).extracting(e -> e.credentialId().orElseThrow())
                .containsExactly("http://example.org/endorsement-1.json", "http://example.org/endorsement-2.json",
                        "http://example.org/endorsement-3.json", "http://example.org/endorsement-4.json");
        // endorsements 1 and 2 hang on the assertion but claim its badge class: accepted, with a warning
        assertThat(endorsed.check("endorsements")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.WARNING);
            assertThat(c.message()).contains("another part of this badge").contains("endorsement 1 of the assertion");
        });
        VerificationReport plain = verifier.verify(root.resolve(DIR + "simple.jwt"));
        assertThat(plain.check("endorsements")).get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.SKIPPED);
        VerificationReport badgeClass = verifier.verify(root.resolve(DIR + "assets/badgeclass-with-endorsements.json"));
        assertThat(badgeClass.check("endorsements")).get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.PASSED);
        VerificationReport shallow = Verifier.builder().clock(Clock.fixed(AT, ZoneOffset.UTC))
                .fetcher(Fetcher.offline(SharedData.urlMap(root, "prefix"))).maxEndorsementDepth(0).build()
                .verify(root.resolve(DIR + "assertion-with-endorsements.json"));
        assertThat(shallow.check("endorsements")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.SKIPPED);
            assertThat(c.message()).contains("deeper than the configured limit");
        });
        assertThat(shallow.endorsements()).isEmpty();
    }

    @Test
    void tamperedSignedAssertionFailsTheProofCheck() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(root);
        String jws = Files.readString(root.resolve(DIR + "simple.jwt")).strip();
        String[] parts = jws.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("2016-12-31", "2017-12-31");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        VerificationReport r = verifier.verify(tampered);
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("proof")).get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.FAILED);
        assertThat(verifier.verify(jws).isValid()).as("the untouched token verifies").isTrue();
    }

    @Test
    void withoutAFetcherAHostedAssertionFailsWithAReasonInsteadOfPassing() throws Exception {
        Path root = SharedData.openbadges();
        VerificationReport r = Verifier.builder().clock(Clock.fixed(AT, ZoneOffset.UTC)).build()
                .verify(root.resolve(DIR + "basic-assertion.json"));
        assertThat(r.isValid()).isFalse();
        assertThat(r.check("ob2-fetch")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.message()).contains("not allowed");
        });
    }
}
