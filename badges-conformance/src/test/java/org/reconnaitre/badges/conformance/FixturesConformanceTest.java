package org.reconnaitre.badges.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.status.StatusListCache;
import org.reconnaitre.badges.signing.status.StatusListCheck;
import org.reconnaitre.badges.signing.status.StatusPolicy;
import org.reconnaitre.badges.testing.SharedData;

/**
 * The kit on the 1EdTech validator and DCC fixtures in /work/shared/openbadges: green on the valid
 * ones, red with the expected rule ids on the invalid ones (outcomes from manifest.json, which the
 * test also checks). Set-up as in badges-signing's VerifierFixturesTest: clock at 2026-01-01,
 * status lists and documents from the manifest's urlMap through {@link Fetcher#offline}, and the
 * 1EdTech leniency for keys written in the issuer URL's fragment turned on explicitly
 * ({@code allowUnboundFragmentKeys}); without it those fixtures fail VERIFY-KEY-BINDING
 * ({@link #byDefaultFragmentKeysAreAKeyBindingError}).
 */
class FixturesConformanceTest {
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    static final String OB30 = "fixtures/1edtech-validator/ob30/";

    static final List<String> VALID = List.of(
            OB30 + "simple.json",
            OB30 + "simple-context-alias.json",
            OB30 + "endorsement-valid.json",
            "fixtures/dcc/v2/v2NoStatus.json",
            "fixtures/dcc/v2/v2WithValidStatus.json",
            "fixtures/dcc/v2/v2SimpleIssuerId.json",
            "fixtures/dcc/v1/v1NoStatus.json",
            "fixtures/dcc/eddsa/v2/v2EddsaWithValidStatus.json");

    /** Invalid fixture → rule ids the kit must report as errors. */
    static final Map<String, List<String>> INVALID = new LinkedHashMap<>();

    static {
        INVALID.put(OB30 + "simple-err-context.json", List.of("VC-CONTEXT-BASE", "VERIFY-CONTEXT-AND-TYPE"));
        INVALID.put(OB30 + "simple-err-type.json", List.of("VERIFY-CONTEXT-AND-TYPE"));
        INVALID.put(OB30 + "simple-err-expired.json", List.of("VERIFY-VALIDITY-PERIOD"));
        INVALID.put(OB30 + "simple-err-issued.json", List.of("VERIFY-VALIDITY-PERIOD"));
        INVALID.put(OB30 + "simple-err-proof-value.json", List.of("VERIFY-PROOF"));
        INVALID.put(OB30 + "simple-err-proof-method.json", List.of("VERIFY-PROOF"));
        INVALID.put(OB30 + "simple-err-issuer.json", List.of("VC-REQUIRED-PROPERTY"));
        INVALID.put(OB30 + "simple-err-issuer-type.json", List.of("OB3-TYPE"));
        INVALID.put(OB30 + "simple-err-credential-subject-type.json", List.of("OB3-TYPE"));
        INVALID.put("fixtures/dcc/v2/v2Expired.json", List.of("VERIFY-VALIDITY-PERIOD"));
        INVALID.put("fixtures/dcc/v2/v2Revoked.json", List.of("VERIFY-STATUS"));
    }

    /**
     * Valid for the 1EdTech validator, not for this kit: the issuer id is a {@code urn:uuid:}, which
     * no document can be resolved for, so no key can be tied to it (VERIFY-KEY-BINDING error).
     */
    static final String UNBOUND_ISSUER = OB30 + "simple-did-key-method.json";

    static Fetcher fetcher(Path root) {
        return Fetcher.offline(SharedData.urlMap(root, "exact"));
    }

    static ConformanceKit kit(Fetcher fetcher) {
        return ConformanceKit.builder().at(AT).fetcher(fetcher)
                .allowUnboundFragmentKeys(true)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                .canonicalizationTimeout(Duration.ofSeconds(60)) // the build machine is shared and slow
                .build();
    }

    /** With the defaults, a fixture whose key is only written in the issuer URL's fragment does not conform. */
    @TestFactory
    Stream<DynamicTest> byDefaultFragmentKeysAreAKeyBindingError() throws Exception {
        Path root = SharedData.openbadges();
        ConformanceKit strict = ConformanceKit.builder().at(AT).fetcher(fetcher(root)).robustness(false)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                .canonicalizationTimeout(Duration.ofSeconds(60)).build();
        return Stream.of(OB30 + "simple.json", OB30 + "simple-context-alias.json", OB30 + "endorsement-valid.json",
                UNBOUND_ISSUER).map(file -> DynamicTest.dynamicTest(file + " is not bound by default", () -> {
                    ConformanceReport r = strict.check(file, Files.readString(root.resolve(file), StandardCharsets.UTF_8));
                    assertThat(r.isConformant()).as(r.toString()).isFalse();
                    assertThat(r.errors()).as(r.toString()).extracting(Violation::ruleId).contains("VERIFY-KEY-BINDING");
                }));
    }

    static String outcome(JsonNode manifest, String file) {
        for (JsonNode f : manifest.get("fixtures")) {
            if (f.get("file").asText().equals(file)) {
                return f.get("expected").path("outcome").asText();
            }
        }
        throw new AssertionError("not in manifest.json: " + file);
    }

    @TestFactory
    Stream<DynamicTest> theKitIsGreenOnValidFixturesAndRedWithTheExpectedRulesOnInvalidOnes() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        Fetcher fetcher = fetcher(root);
        ConformanceKit kit = kit(fetcher);
        Stream<DynamicTest> valid = VALID.stream().map(file -> DynamicTest.dynamicTest(file + " conforms", () -> {
            assertThat(outcome(manifest, file)).isEqualTo("valid");
            String json = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
            ConformanceReport r = kit.check(file, json);
            assertThat(r.isConformant()).as(r.toString()).isTrue();
            assertThat(r.passedRules()).as(r.toString()).contains("VERIFY-PROOF", "SCHEMA", "ROBUST-ROUND-TRIP",
                    "ROBUST-KEY-ORDER", "ROBUST-TAMPER");
            // the fluent form agrees
            OpenBadgesAssertions.assertThat(json).atInstant(AT).withFetcher(fetcher).allowingUnboundFragmentKeys(true)
                    .withStatusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                    .withCanonicalizationTimeout(Duration.ofSeconds(60)).withRobustness(false)
                    .conformsToOpenBadges3();
        }));
        Stream<DynamicTest> invalid = INVALID.entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey() + " violates " + e.getValue(), () -> {
                    assertThat(outcome(manifest, e.getKey())).isEqualTo("invalid");
                    ConformanceReport r = kit.check(e.getKey(), Files.readString(root.resolve(e.getKey()), StandardCharsets.UTF_8));
                    assertThat(r.isConformant()).as(r.toString()).isFalse();
                    assertThat(r.errors()).as(r.toString()).extracting(Violation::ruleId).containsAll(e.getValue());
                }));
        return Stream.concat(valid, invalid);
    }

    /** Every invalid JSON fixture of the manifest (1EdTech OB 3.0 / CLR 2.0, DCC) fails the kit offline. */
    @TestFactory
    Stream<DynamicTest> everyInvalidJsonFixtureOfTheManifestIsNotConformant() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        ConformanceKit kit = ConformanceKit.builder().at(AT).fetcher(fetcher(root)).robustness(false)
                .allowUnboundFragmentKeys(true)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                .canonicalizationTimeout(Duration.ofSeconds(60)).build();
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (JsonNode f : manifest.get("fixtures")) {
            String file = f.get("file").asText();
            boolean inScope = file.startsWith(OB30) || file.startsWith("fixtures/1edtech-validator/clr20/") || file.startsWith("fixtures/dcc/");
            if (!inScope || !file.endsWith(".json") || !f.get("expected").path("outcome").asText().equals("invalid")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file, () -> {
                ConformanceReport r = kit.check(file, Files.readString(root.resolve(file), StandardCharsets.UTF_8));
                assertThat(r.isConformant()).as(r.toString()).isFalse();
            }));
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    /** Valid fixtures whose outcome cannot be reached offline (or by this SDK), with why. */
    static final Map<String, String> VALID_NOT_REACHABLE = Map.of(
            "fixtures/dcc/v2/didWeb/v2didWebMultikeyWithValidStatus.json",
            "its did:web DID document is online only (digitalcredentials.github.io)",
            "fixtures/dcc/v2/didWeb/v2didWebWithValidStatus.json",
            "its did:web DID document is online only (digitalcredentials.github.io)",
            "fixtures/1edtech-validator/ob30/sd/derivedcredential.json",
            "ecdsa-sd-2023 (selective disclosure) is not implemented");

    /** Every valid JSON credential fixture of the manifest conforms (robustness included). */
    @TestFactory
    Stream<DynamicTest> everyValidJsonFixtureOfTheManifestConforms() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        ConformanceKit kit = kit(fetcher(root));
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (JsonNode f : manifest.get("fixtures")) {
            String file = f.get("file").asText();
            boolean inScope = file.startsWith(OB30) || file.startsWith("fixtures/1edtech-validator/clr20/") || file.startsWith("fixtures/dcc/");
            if (!inScope || !file.endsWith(".json") || !f.get("expected").path("outcome").asText().equals("valid")
                    || VALID_NOT_REACHABLE.containsKey(file) || file.equals(UNBOUND_ISSUER)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file, () -> {
                ConformanceReport r = kit.check(file, Files.readString(root.resolve(file), StandardCharsets.UTF_8));
                assertThat(r.isConformant()).as(r.toString()).isTrue();
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(VALID.size());
        return tests.stream();
    }
}
