package org.reconnaitre.badges.signing.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.reconnaitre.badges.model.Baking;
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
 * {@code example.org} are served from {@code ob20/assets/} through {@link Fetcher#offline}, and a
 * hosted assertion is served at its own id by {@link #hosting} (as its issuer would: a hosted
 * assertion its issuer's server does not serve is not valid). Where this verifier's trust model
 * judges a fixture differently from the manifest, {@link #DEVIATIONS} says which check fails and
 * why. Files that cannot be judged are listed in {@link #NOT_JUDGED} with the reason.
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

    /**
     * Fixtures the manifest calls valid (or warning) that fail here, with the check that fails and
     * why: this verifier's trust model is stricter than the 1EdTech validator's.
     */
    static final Map<String, String> DEVIATIONS = Map.ofEntries(
            // not a credential: an OB 2.0 node other than an Assertion proves nothing on its own (issue #22 §1)
            Map.entry("badge-class-with-language.json", "context-and-type"),
            Map.entry("assets/badge-with-data-image.json", "context-and-type"),
            Map.entry("assets/badgeclass-with-complex-image.json", "context-and-type"),
            Map.entry("assets/badgeclass1.json", "context-and-type"),
            Map.entry("issuer-compact-iri-validation.json", "context-and-type"),
            Map.entry("rdf-validation/valid-alignment-object.json", "context-and-type"),
            Map.entry("rdf-validation/valid-badge-class-empty-criteria-type.json", "context-and-type"),
            Map.entry("rdf-validation/valid-badge-class.json", "context-and-type"),
            Map.entry("rdf-validation/valid-cool-class.json", "context-and-type"),
            Map.entry("rdf-validation/valid-issuer-extension.json", "context-and-type"),
            // the issuer profiles served at .../issuer-with-allowed-origins*.json all declare the id
            // http://example.org/issuer-with-allowed-origins: a profile is trusted only for the URL it is served at
            Map.entry("basic-assertion-with-allowed-origins.json", "ob2-fetch"),
            Map.entry("basic-assertion-with-allowed-origins-valid-starts-with.json", "ob2-fetch"),
            Map.entry("basic-assertion-with-allowed-origins-valid-multiple-starts-with.json", "ob2-fetch"),
            // the issuer profile served at https://example.org/bad-issuer.json declares a urn:uuid id
            Map.entry("warning-issuer-non-http.json", "ob2-fetch"),
            // endorsements 1 and 2 hang on the assertion but claim its badge class: they do not endorse the assertion
            Map.entry("assertion-with-endorsements.json", "endorsements"));

    /** The check that must fail for each fixture the manifest calls invalid (file name under ob20/). */
    static final Map<String, String> FAILING_CHECK = Map.ofEntries(
            Map.entry("assertion-with-data-image.json", "schema"),
            Map.entry("assertion-with-extension-node-invalid.json", "ob2-extensions"),
            Map.entry("basic-assertion-expired-before-issued.json", "validity-period"),
            Map.entry("basic-assertion-expired.json", "validity-period"),
            Map.entry("basic-assertion-in-future.json", "validity-period"),
            Map.entry("basic-assertion-invalid-context.json", "context-and-type"),
            Map.entry("basic-assertion-invalid-type.json", "context-and-type"),
            // the issuer profile declares another id than its URL (see DEVIATIONS), so the policy is never read
            Map.entry("basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json", "ob2-fetch"),
            Map.entry("basic-assertion-with-allowed-origins-invalid-starts-with.json", "ob2-fetch"),
            // a BadgeClass is not a credential: refused before its issuer is looked at
            Map.entry("rdf-validation/badge-class-invalid-issuer-type.json", "context-and-type"),
            Map.entry("rdf-validation/invalid-class.json", "context-and-type"),
            Map.entry("rdf-validation/invalid-empty-type.json", "context-and-type"),
            Map.entry("rdf-validation/invalid-one-invalid-class.json", "context-and-type"),
            Map.entry("simple-revoked.jwt", "revocation"));

    /** Text the warning must contain for each fixture the manifest expects a warning from. */
    static final Map<String, String> WARNING_TEXT = Map.of(
            "warning-with-redirection.json", "fetched at http://example.org/altbadgeurl.json declares a different id");

    static Fetcher assets(Path root) {
        Map<String, Path> map = SharedData.urlMap(root, "prefix");
        assertThat(map).as("the manifest maps the example.org prefixes to ob20/assets")
                .hasSize(3).allSatisfy((url, path) -> assertThat(root.relativize(path).toString()).startsWith(DIR));
        return Fetcher.offline(map);
    }

    /** The ob20 assets, and the hosted assertion in {@code file} (JSON or baked PNG) served at its own id. */
    static Fetcher hosting(Path root, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        return hosting(root, Baking.isImage(bytes) ? Baking.unbake(bytes).content()
                : new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The ob20 assets, and this hosted assertion text served at its own id. */
    static Fetcher hosting(Path root, String text) {
        Fetcher base = assets(root);
        String id = null;
        if (text.strip().startsWith("{")) {
            try {
                id = Json.parse(text).path("id").asText(null);
            } catch (org.reconnaitre.badges.model.BadgeException e) {
                id = null;
            }
        }
        String hostedId = id;
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return url -> url.toString().equals(hostedId) ? new Fetcher.Response(url, 200, "application/json", body)
                : base.fetch(url);
    }

    static Verifier verifier(Fetcher f) {
        return Verifier.builder().clock(Clock.fixed(AT, ZoneOffset.UTC)).fetcher(f).build();
    }

    /** The verifier for one fixture file: the assets, and the file served at its id. */
    static Verifier verifier(Path root, String file) throws Exception {
        return verifier(hosting(root, root.resolve(file)));
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
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : manifest.get("fixtures")) {
            String file = f.get("file").asText();
            String outcome = expected(f);
            if (!file.startsWith(DIR) || outcome.equals("support") || outcome.equals("none")
                    || NOT_JUDGED.containsKey(file)) {
                continue;
            }
            String name = file.substring(DIR.length());
            String deviation = DEVIATIONS.get(name);
            tests.add(DynamicTest.dynamicTest(name + " -> " + (deviation == null ? outcome : "invalid here"), () -> {
                VerificationReport r = verifier(root, file).verify(root.resolve(file));
                assertThat(r.checks()).as("%s: checks are reported", file).isNotEmpty();
                assertThat(r.checks()).as("%s: every check has a reason", file)
                        .allSatisfy(c -> assertThat(c.message()).isNotBlank());
                assertThat(r.checks().stream().map(CheckResult::id).distinct().count())
                        .as("%s: check ids are unique in %s", file, r.checks()).isEqualTo(r.checks().size());
                if (deviation != null) {
                    assertThat(r.isValid()).as("%s is not valid here: %s", file, r.checks()).isFalse();
                    assertThat(r.failures()).as("%s should fail %s: %s", file, deviation, r.checks())
                            .extracting(CheckResult::id).containsExactly(deviation);
                    return;
                }
                switch (outcome) {
                    case "valid" -> assertThat(r.isValid()).as("%s should be valid: %s", file, r.checks()).isTrue();
                    case "warning" -> {
                        assertThat(r.isValid()).as("%s should be valid: %s", file, r.checks()).isTrue();
                        String text = WARNING_TEXT.get(name);
                        assertThat(text).as("%s: the expected warning is listed", file).isNotNull();
                        assertThat(r.checks()).as("%s should warn about %s: %s", file, text, r.checks())
                                .anySatisfy(c -> {
                                    assertThat(c.outcome()).isEqualTo(CheckOutcome.WARNING);
                                    assertThat(c.message()).contains(text);
                                });
                    }
                    case "invalid" -> {
                        String check = FAILING_CHECK.get(name);
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
    void offlineNoOb20AssertionIsValidAndTheReportSaysWhatToAllow() throws Exception {
        Path root = SharedData.openbadges();
        Verifier offline = Verifier.builder().clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
        for (String file : List.of("basic-assertion.json", "simple.jwt", "simple-badge.png")) {
            VerificationReport r = offline.verify(root.resolve(DIR + file));
            assertThat(r.isValid()).as("%s offline: %s", file, r.checks()).isFalse();
            assertThat(r.failures()).as("%s", file).extracting(CheckResult::id).containsExactly("ob2-fetch");
            assertThat(r.check("ob2-fetch").orElseThrow().message()).as("%s", file)
                    .contains("allow https://example.org in the fetcher");
        }
        VerificationReport assetsOnly = verifier(assets(root)).verify(root.resolve(DIR + "basic-assertion.json"));
        assertThat(assetsOnly.failures()).as("the issuer does not serve the assertion at its id")
                .extracting(CheckResult::id).containsExactly("ob2-fetch");
        assertThat(assetsOnly.check("ob2-fetch").orElseThrow().message()).contains("HTTP 404");
    }

    @Test
    void theFixtureIssuersVerificationPoliciesApplyWhenTheirProfilesAreServedAtTheirIds() throws Exception {
        Path root = SharedData.openbadges();
        Map<String, String> outcome = Map.of(
                "basic-assertion-with-allowed-origins.json", "valid",
                "basic-assertion-with-allowed-origins-valid-starts-with.json", "valid",
                "basic-assertion-with-allowed-origins-valid-multiple-starts-with.json", "valid",
                "basic-assertion-with-allowed-origins-invalid-starts-with.json", "ob2-verification",
                "basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json", "ob2-verification");
        for (Map.Entry<String, String> e : outcome.entrySet()) {
            Fetcher hosted = hosting(root, root.resolve(DIR + e.getKey()));
            // the issuer profile as its issuer would serve it: declaring the URL it is served at as its id
            Fetcher f = url -> {
                Fetcher.Response r = hosted.fetch(url);
                String u = url.toString();
                if (r.ok() && u.startsWith("http://example.org/issuer-with-allowed-origins")) {
                    String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)
                            .replace("\"http://example.org/issuer-with-allowed-origins\"", "\"" + u + "\"");
                    return new Fetcher.Response(url, 200, r.contentType(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return r;
            };
            VerificationReport r = verifier(f).verify(root.resolve(DIR + e.getKey()));
            if (e.getValue().equals("valid")) {
                assertThat(r.isValid()).as("%s: %s", e.getKey(), r.checks()).isTrue();
                assertThat(r.check("ob2-verification").orElseThrow().message()).contains("verification policy");
            } else {
                assertThat(r.failures()).as("%s: %s", e.getKey(), r.checks()).extracting(CheckResult::id)
                        .containsExactly(e.getValue());
                assertThat(r.check("ob2-verification").orElseThrow().message()).contains("starts with none");
            }
        }
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
        for (String ok : List.of("assertion-with-extension-node-basic.json", "assertion-with-multiple-extensions.json")) {
            assertThat(verifier(root, DIR + ok).verify(root.resolve(DIR + ok)).check("ob2-extensions")).get().satisfies(c -> {
                assertThat(c.outcome()).as("%s: %s", ok, c).isEqualTo(CheckOutcome.PASSED);
                assertThat(c.message()).contains("validates against");
            });
        }
        String invalid = DIR + "assertion-with-extension-node-invalid.json";
        assertThat(verifier(root, invalid).verify(root.resolve(invalid)).check("ob2-extensions"))
                .get().satisfies(c -> assertThat(c.message()).contains("obi:extensions/#ExampleExtension"));
        String wrongValue = Files.readString(root.resolve(DIR + "assertion-with-extension-node-basic.json"))
                .replace("\"I'm a property, short and sweet\"", "1337");
        VerificationReport r = verifier(hosting(root, wrongValue)).verify(wrongValue);
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("ob2-extensions");
        assertThat(r.check("ob2-extensions").orElseThrow().message()).contains("does not validate against");
        assertThat(verifier(root, DIR + "basic-assertion.json").verify(root.resolve(DIR + "basic-assertion.json"))
                .check("ob2-extensions")).get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.SKIPPED);
    }

    @Test
    void anExtensionWhoseContextCannotBeObtainedFailsTheCheckWithWhatToAllow() throws Exception {
        Path root = SharedData.openbadges();
        String text = Files.readString(root.resolve(DIR + "assertion-with-extension-node-basic.json"))
                .replace("https://w3id.org/openbadges/extensions/exampleExtension/context.json",
                        "https://unknown.example/ext/context.json");
        VerificationReport r = verifier(hosting(root, text)).verify(text);
        assertThat(r.isValid()).isFalse();
        assertThat(r.failures()).extracting(CheckResult::id).containsExactly("ob2-extensions");
        assertThat(r.check("ob2-extensions")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.message()).contains("https://unknown.example/ext/context.json").contains("not validated")
                    .contains("allow its context and schema hosts in the fetcher");
        });
    }

    @Test
    void revokedSignedAssertionFailsTheRevocationCheckWithTheReason() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(assets(root));
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
    void endorsementsAreVerifiedEachWithItsOwnReportAndMustEndorseWhatTheyAreAttachedTo() throws Exception {
        Path root = SharedData.openbadges();
        String file = DIR + "assertion-with-endorsements.json";
        VerificationReport endorsed = verifier(root, file).verify(root.resolve(file));
        // endorsements 1 and 2 hang on the assertion but claim its badge class: not endorsements of the assertion
        assertThat(endorsed.failures()).extracting(CheckResult::id).containsExactly("endorsements");
        assertThat(endorsed.check("endorsements").orElseThrow().message())
                .contains("endorsement 1 of the assertion").contains("endorsement 2 of the assertion")
                .contains("not the assertion it is attached to").doesNotContain("endorsement 1 of the badge class");
        assertThat(endorsed.endorsements()).as("only the endorsements of what they hang on are listed")
                .extracting(e -> e.credentialId().orElseThrow())
                .containsExactly("http://example.org/endorsement-3.json", "http://example.org/endorsement-4.json");
        assertThat(endorsed.endorsements()).allSatisfy(e -> {
            assertThat(e.isValid()).as("%s", e).isTrue();
            assertThat(e.issuerId()).contains("http://example.org/issuer1.json");
            assertThat(e.check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
        });

        ObjectNode onlyBadgeClass = (ObjectNode) Json.parse(Files.readString(root.resolve(file)));
        onlyBadgeClass.remove("endorsement");
        String text = Json.write(onlyBadgeClass);
        VerificationReport ok = verifier(hosting(root, text)).verify(text);
        assertThat(ok.isValid()).as("%s", ok.checks()).isTrue();
        assertThat(ok.check("endorsements")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.PASSED);
            assertThat(c.message()).contains("All 2");
        });
        assertThat(ok.endorsements()).hasSize(2);

        VerificationReport plain = verifier(assets(root)).verify(root.resolve(DIR + "simple.jwt"));
        assertThat(plain.check("endorsements")).get().extracting(CheckResult::outcome).isEqualTo(CheckOutcome.SKIPPED);
        VerificationReport badgeClass = verifier(assets(root)).verify(root.resolve(DIR + "assets/badgeclass-with-endorsements.json"));
        assertThat(badgeClass.isValid()).as("a BadgeClass is not a credential").isFalse();
        assertThat(badgeClass.failures()).extracting(CheckResult::id).containsExactly("context-and-type");
        assertThat(badgeClass.check("context-and-type").orElseThrow().message()).contains("not a credential");

        VerificationReport shallow = Verifier.builder().clock(Clock.fixed(AT, ZoneOffset.UTC))
                .fetcher(hosting(root, text)).maxEndorsementDepth(0).build().verify(text);
        assertThat(shallow.isValid()).as("endorsements that were not verified leave the badge not verified").isFalse();
        assertThat(shallow.check("endorsements")).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(CheckOutcome.FAILED);
            assertThat(c.message()).contains("deeper than the configured limit").contains("raise maxEndorsementDepth");
        });
        assertThat(shallow.endorsements()).isEmpty();
    }

    @Test
    void tamperedSignedAssertionFailsTheProofCheck() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(assets(root));
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
