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
import java.util.Set;
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
 * what the 1EdTech validator does for {@code simple-jwt.png}; and keys written in the fragment of the
 * issuer's URL ({@code https://issuer#z6Mk...}, the convention most 1EdTech fixtures are signed with)
 * are accepted with a key-binding warning ({@code allowUnboundFragmentKeys}). Both options are off by
 * default, and then these fixtures fail key-binding
 * ({@link #byDefaultFragmentKeyFixturesFailKeyBinding}). Fixtures whose issuer id cannot be resolved
 * ({@code urn:uuid:}) fail key-binding in every set-up ({@link #UNBOUND_ISSUER}).
 */
class VerifierFixturesTest {
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * The DCC status list the DCC fixtures point to: copied to a GitHub URL, it still declares its
     * original id (https://testing.dcconsortium.org/status/...). A list answers for its own URL only
     * (another list of the issuer must not answer for this one): its clear entries are not taken as
     * a status: undetermined, a failure under the default policy (a warning under the WARN used here).
     */
    static final String MOVED_LIST = "raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj";

    /** 1EdTech CLR fixtures that bundle a credential about another subject than the CLR's learner. */
    static final List<String> CLRS_ABOUT_SOMEONE_ELSE = List.of("fixtures/1edtech-validator/clr20/complex.json",
            "fixtures/1edtech-validator/clr20/simple_v1.json");

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
        for (String clr : CLRS_ABOUT_SOMEONE_ELSE) {
            NOT_REACHABLE.put(clr, "a CLR about urn:uuid:360a0e1e-... whose first credential is about"
                    + " did:example:ebfeb1f712ebc6f1c276e12ec21: a CLR may only carry credentials about its learner,"
                    + " so this verifier refuses it (see aClrCarryingACredentialAboutSomeoneElseIsRefused)");
        }
    }

    /**
     * Fixtures the manifest calls valid whose issuer id is a {@code urn:uuid:}: no document can be
     * resolved for it, so no key can be tied to it and this verifier fails key-binding, whatever the
     * options (stricter than the 1EdTech validator, on purpose).
     */
    static final Map<String, String> UNBOUND_ISSUER = new LinkedHashMap<>();

    static {
        UNBOUND_ISSUER.put("fixtures/1edtech-validator/ob30/simple-did-key-method.json",
                "issuer urn:uuid:6f2e33e5-..., signed with a did:key that nothing ties to it");
        UNBOUND_ISSUER.put("fixtures/1edtech-validator/clr20/complex.json",
                "CLR issuer urn:uuid:4ca4a241-..., signed with a did:key that nothing ties to it");
        UNBOUND_ISSUER.put("fixtures/1edtech-validator/clr20/simple_v1.json",
                "CLR issuer urn:uuid:4ca4a241-..., signed with a did:key that nothing ties to it");
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
        return builder(root).build();
    }

    /** As {@link #verifier}, accepting ecdsa-sd-2023 disclosures whose issuer and type were not mandatory. */
    static Verifier lenientSd(Path root) {
        return builder(root).acceptOptionalSdIdentity(true).build();
    }

    private static Verifier.Builder builder(Path root) {
        return Verifier.builder()
                .clock(Clock.fixed(AT, ZoneOffset.UTC))
                .fetcher(Fetcher.offline(SharedData.urlMap(root, "exact")))
                .trustEmbeddedJwk(true)
                .allowUnboundFragmentKeys(true)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                .timeout(Duration.ofSeconds(60)); // the build machine is shared and slow
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
        assertThat(files).containsAll(NOT_REACHABLE.keySet()).containsAll(UNBOUND_ISSUER.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everySignedFixtureGetsTheManifestOutcome() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        Verifier verifier = verifier(root);
        // the 1EdTech selective disclosure fixture made nothing mandatory: refused by default (see
        // EcdsaSd2023VerifyTest), valid with the documented leniency
        Verifier lenientSd = lenientSd(root);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode f : manifest.get("fixtures")) {
            String file = f.get("file").asText();
            if (!inScope(f) || NOT_REACHABLE.containsKey(file)) {
                continue;
            }
            String manifestSays = UNBOUND_ISSUER.containsKey(file) ? "unbound-issuer" : expected(f);
            String expected = Set.of("valid", "warning", "status-unknown").contains(manifestSays)
                    && new String(Files.readAllBytes(root.resolve(file)), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(MOVED_LIST) ? "list-elsewhere" : manifestSays;
            String probe = f.get("expected").path("check").asText("");
            tests.add(DynamicTest.dynamicTest(file + " -> " + expected, () -> {
                VerificationReport r = (file.contains("/ob30/sd/") ? lenientSd : verifier)
                        .verify(Files.readAllBytes(root.resolve(file)));
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
                    case "list-elsewhere" -> {
                        // undetermined: a warning under this test's StatusPolicy.WARN, a failure by default
                        CheckResult status = r.check("status").orElseThrow();
                        assertThat(status.outcome()).as(r.toString()).isEqualTo(CheckOutcome.WARNING);
                        assertThat(status.message()).contains("answers for its own URL only");
                    }
                    case "unbound-issuer" -> {
                        assertThat(r.isValid()).as(r.toString()).isFalse();
                        // the key is either resolved and not tied to the issuer, or (urn:...#z6Mk...) not resolvable at all
                        CheckResult binding = r.check("key-binding").orElseThrow();
                        CheckResult proof = r.check("proof").orElseThrow();
                        assertThat(binding.outcome() == CheckOutcome.FAILED && binding.message().contains("cannot be resolved")
                                || proof.outcome() == CheckOutcome.FAILED && proof.message().contains("only did:key, did:web"))
                                .as(r.toString()).isTrue();
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
    void aClrCarryingACredentialAboutSomeoneElseIsRefused() throws Exception {
        Path root = SharedData.openbadges();
        Verifier verifier = verifier(root);
        for (String file : CLRS_ABOUT_SOMEONE_ELSE) {
            VerificationReport r = verifier.verify(root.resolve(file));
            CheckResult credentials = r.check("credentials").orElseThrow();
            assertThat(credentials.outcome()).as(r.toString()).isEqualTo(CheckOutcome.FAILED);
            assertThat(credentials.message()).contains("credential 1 ").contains("not about the CLR's learner");
            assertThat(r.credentials()).hasSize(6);
            assertThat(r.credentials().get(0).check("proof").orElseThrow().outcome()).isEqualTo(CheckOutcome.PASSED);
            // the others are about the learner and their proofs verify (their urn: issuers cannot be bound to a key)
            assertThat(r.credentials().subList(1, 6)).allSatisfy(c -> assertThat(c.check("proof").orElseThrow().outcome())
                    .as(c.toString()).isEqualTo(CheckOutcome.PASSED));
            assertThat(r.isValid()).isFalse();
        }
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

    /**
     * The fixtures that the lenient set-up accepts only through the fragment-key convention fail
     * key-binding with the default options: nothing but the URL vouches for their keys.
     */
    @Test
    void byDefaultFragmentKeyFixturesFailKeyBinding() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        Verifier lenient = verifier(root);
        Verifier strict = Verifier.builder()
                .clock(Clock.fixed(AT, ZoneOffset.UTC))
                .fetcher(Fetcher.offline(SharedData.urlMap(root, "exact")))
                .trustEmbeddedJwk(true)
                .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
                .canonicalizationTimeout(Duration.ofSeconds(60))
                .build();
        int fragmentKeyed = 0;
        for (JsonNode f : manifest.get("fixtures")) {
            String file = f.get("file").asText();
            if (!inScope(f) || NOT_REACHABLE.containsKey(file)) {
                continue;
            }
            VerificationReport r = lenient.verify(Files.readAllBytes(root.resolve(file)));
            CheckResult binding = r.check("key-binding").orElse(null);
            if (binding == null || binding.outcome() != CheckOutcome.WARNING
                    || !binding.message().contains("allowUnboundFragmentKeys")) {
                continue;
            }
            fragmentKeyed++;
            VerificationReport byDefault = strict.verify(Files.readAllBytes(root.resolve(file)));
            assertThat(byDefault.check("key-binding").orElseThrow().outcome()).as(file + ": " + byDefault)
                    .isEqualTo(CheckOutcome.FAILED);
            assertThat(byDefault.check("key-binding").orElseThrow().message()).as(file).contains("allowUnboundFragmentKeys");
            assertThat(byDefault.isValid()).as(file).isFalse();
        }
        assertThat(fragmentKeyed).as("fixtures signed with a fragment key").isGreaterThan(5);
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
