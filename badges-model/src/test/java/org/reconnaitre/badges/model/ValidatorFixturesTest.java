package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Runs {@link Validator} over every JSON fixture of {@code shared/openbadges/manifest.json}.
 *
 * <ul>
 *   <li>JSON-LD: the outcome of the manifest's independent safe-mode expansion
 *       ({@code checkedHere.jsonld.expandSafeMode}) is reproduced by the {@code JSONLD-*} rules.
 *   <li>Schema: the manifest's OB 3.0 schema result ({@code checkedHere.ob30Schema}) is reproduced
 *       by the {@code SCHEMA} rule, including "pass once single values are wrapped in arrays" and
 *       the path of the first error.
 *   <li>Every fixture expected valid (or valid with a warning), and every spec example that is
 *       clean under both checks, passes.
 *   <li>The W3C VC Data Model 2.0 suite inputs are judged by their {@code -ok} / {@code -fail}
 *       names with the VC data model rules only; each rejection names the rule expected to catch
 *       it. The files this validator cannot judge are listed in {@link #SUITE_NOT_JUDGED} with
 *       the reason.
 * </ul>
 */
class ValidatorFixturesTest {
    private static final Validator FULL = Validator.standard();
    /** VC data model rules only, for inputs given to an issuer (issuer is added at issuance). */
    private static final Validator VC_ISSUE = Validator.builder().openBadgesRules(false).issuanceInput(true).build();
    /** VC data model rules only, for complete documents. */
    private static final Validator VC_FULL = Validator.builder().openBadgesRules(false).build();

    /** Suite files with no verdict this validator can reach, and why. */
    static final Map<String, String> SUITE_NOT_JUDGED = Map.of(
            "credential-proof-ok.json", "its proof is an Ed25519Signature2020 whose properties (created, proofPurpose, "
                    + "proofValue) the VC 2.0 context does not define without the ed25519-2020 context: our dropped-term "
                    + "rule rejects it, as does the manifest's safe-mode expansion; the name only claims a structurally "
                    + "valid proof object, whose signature cannot be checked here either",
            "presentation-self-asserted-vc-holder-mismatch.json", "no -ok/-fail suffix: the suite states no expectation",
            "presentation-self-asserted-vc-issuer-mismatch.json", "no -ok/-fail suffix: the suite states no expectation",
            "presentation-self-asserted-vc-no-holder.json", "no -ok/-fail suffix: the suite states no expectation");

    /** The rule (and JSON pointer) expected to reject each -fail input of the suite. */
    static final Map<String, String> SUITE_REJECTED_BY = Map.ofEntries(
            Map.entry("credential-context-combo3-fail.json", "JSONLD-CONTEXT-UNAVAILABLE /@context/1"),
            Map.entry("credential-context-combo4-fail.json", "JSONLD-INVALID "),
            Map.entry("credential-evidence-missing-type-fail.json", "VC-TYPED-OBJECT /evidence"),
            Map.entry("credential-id-multi-fail.json", "ID-URI /id"),
            Map.entry("credential-id-nonidentifier-fail.json", "ID-URI /id"),
            Map.entry("credential-id-not-url-fail.json", "ID-URI /id"),
            Map.entry("credential-id-subject-multi-fail.json", "ID-URI /credentialSubject/id"),
            Map.entry("credential-issuer-no-url-fail.json", "VC-ISSUER /issuer"),
            Map.entry("credential-issuer-null-fail.json", "VC-ISSUER /issuer"),
            Map.entry("credential-issuer-object-id-no-url-fail.json", "ID-URI /issuer/id"),
            Map.entry("credential-issuer-object-id-null-fail.json", "ID-URI /issuer/id"),
            Map.entry("credential-missing-base-context-fail-or-inject.json", "VC-CONTEXT-BASE /@context/0"),
            Map.entry("credential-missing-required-type-fail.json", "VC-TYPE /type"),
            Map.entry("credential-no-context-fail-or-inject.json", "VC-CONTEXT-BASE "),
            Map.entry("credential-no-issuer-fail.json", "VC-REQUIRED-PROPERTY "),
            Map.entry("credential-no-subject-fail.json", "VC-REQUIRED-PROPERTY "),
            Map.entry("credential-no-type-fail.json", "VC-TYPE "),
            Map.entry("credential-proof-missing-type-fail.json", "VC-TYPED-OBJECT /proof"),
            Map.entry("credential-redef-type-fail.json", "JSONLD-INVALID "),
            Map.entry("credential-redef-type2-fail.json", "JSONLD-INVALID "),
            Map.entry("credential-refresh-no-type-fail.json", "VC-TYPED-OBJECT /refreshService"),
            Map.entry("credential-schema-no-id-fail.json", "VC-TYPED-OBJECT /credentialSchema"),
            Map.entry("credential-schema-no-type-fail.json", "VC-TYPED-OBJECT /credentialSchema"),
            Map.entry("credential-schema-non-url-id-fail.json", "ID-URI /credentialSchema/id"),
            Map.entry("credential-status-missing-type-fail.json", "VC-TYPED-OBJECT /credentialStatus"),
            Map.entry("credential-status-multiple-id-fail.json", "ID-URI /credentialStatus/id"),
            Map.entry("credential-status-nonurl-id-fail.json", "ID-URI /credentialStatus/id"),
            Map.entry("credential-status-type-nonurl-fail.json", "JSONLD-INVALID "),
            Map.entry("credential-subject-multiple-empty-fail.json", "VC-SUBJECT /credentialSubject/1"),
            Map.entry("credential-subject-no-claims-fail.json", "VC-SUBJECT /credentialSubject"),
            Map.entry("credential-termsofuse-missing-type-fail.json", "VC-TYPED-OBJECT /termsOfUse"),
            Map.entry("credential-termsofuse-no-type-fail.json", "VC-TYPED-OBJECT /termsOfUse"),
            Map.entry("credential-type-mapped-nonurl-fail.json", "JSONLD-INVALID "),
            Map.entry("credential-type-unmapped-fail.json", "JSONLD-UNDEFINED-TYPE /type/1"),
            Map.entry("credential-validUntil-validFrom-fail.json", "VALIDITY-PERIOD /validUntil"),
            Map.entry("credential-validfrom-invalid-fail.json", "DATE-FORMAT /validFrom"),
            Map.entry("credential-validuntil-invalid-fail.json", "DATE-FORMAT /validUntil"),
            Map.entry("credential-description-extra-prop-en-fail.json", "JSONLD-INVALID "),
            Map.entry("credential-name-extra-prop-en-fail.json", "JSONLD-INVALID "),
            Map.entry("issuer-description-extra-prop-en-fail.json", "JSONLD-INVALID "),
            Map.entry("issuer-name-extra-prop-en-fail.json", "JSONLD-INVALID "),
            Map.entry("presentation-context-order-fail.json", "VC-CONTEXT-BASE /@context/0"),
            Map.entry("presentation-enveloped-vc-missing-type-fail.json", "VP-CREDENTIAL /verifiableCredential/0"),
            Map.entry("presentation-holder-fail.json", "VP-HOLDER /holder"),
            Map.entry("presentation-holder-name-fail.json", "VP-HOLDER /holder"),
            Map.entry("presentation-holder-object-fail.json", "ID-URI /holder/id"),
            Map.entry("presentation-missing-base-context-fail.json", "VC-CONTEXT-BASE /@context/0"),
            Map.entry("presentation-missing-required-type-fail.json", "VC-TYPE /type"),
            Map.entry("presentation-no-context-fail-or-inject.json", "VC-CONTEXT-BASE "),
            Map.entry("presentation-no-type-fail.json", "VC-TYPE "),
            Map.entry("presentation-vc-as-string-fail.json", "VP-CREDENTIAL /verifiableCredential/0"),
            Map.entry("presentation-vc-missing-required-type-fail.json", "VC-TYPE /verifiableCredential/0/type"));

    /**
     * Where the manifest's safe-mode expansion (jsonld.js) and Titanium legitimately differ in how
     * a problem surfaces. Each such fixture is still rejected; only the rule differs.
     */
    static final Map<String, String> LD_DIFFERENCES = Map.of(
            "presentation-enveloped-vc-missing-type-fail.json", "jsonld.js drops an object holding only @id; Titanium "
                    + "keeps it (an @id-only node is valid JSON-LD); VP-CREDENTIAL rejects the entry instead",
            "presentation-no-type-fail.json", "jsonld.js drops the empty document; VC-TYPE rejects it instead",
            "presentation-vc-as-string-fail.json", "jsonld.js drops the string value; Titanium rejects it as invalid "
                    + "@graph content (JSONLD-INVALID), and VP-CREDENTIAL names the entry");

    record Fixture(String file, JsonNode entry) {
        String name() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        String expected() {
            return entry.path("expected").path("outcome").asText(entry.path("expected").path("expect").asText());
        }

        JsonNode check(String kind) {
            for (JsonNode c : entry.path("checkedHere").path(kind)) {
                if (c.path("part").asText().equals("json")) {
                    return c;
                }
            }
            return Json.mapper().missingNode();
        }
    }

    static List<Fixture> fixtures(Path root) throws IOException, BadgeException {
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        List<Fixture> out = new ArrayList<>();
        for (JsonNode f : manifest.path("fixtures")) {
            if (f.path("format").asText().equals("json")) {
                out.add(new Fixture(f.path("file").asText(), f));
            }
        }
        assertThat(out).as("JSON fixtures in the manifest").hasSizeGreaterThan(250);
        return out;
    }

    @TestFactory
    Stream<DynamicTest> openBadgesFixtures() throws Exception {
        Path root = SharedData.openbadges();
        return fixtures(root).stream().filter(f -> !f.file().contains("w3c-vcdm2-suite"))
                .map(f -> DynamicTest.dynamicTest(f.file(), () -> checkOpenBadges(root, f)));
    }

    private static void checkOpenBadges(Path root, Fixture f) throws IOException {
        String text = Files.readString(root.resolve(f.file()), StandardCharsets.UTF_8);
        ValidationReport r = FULL.validate(text);
        String ld = f.check("jsonld").path("expandSafeMode").asText("");
        if (f.check("jsonld").isMissingNode() && r.has(Rule.JSON_PARSE)) {
            // the manifest marks these as not strict JSON (comments, a URL line): nothing else to check
            assertThat(r.findings()).hasSize(1);
            return;
        }
        assertJsonLd(f, r, ld);
        assertSchema(f, r);
        String expected = f.expected();
        String schema = f.check("ob30Schema").path("result").asText("");
        boolean cleanExample = expected.equals("example") && ld.equals("ok") && !schema.equals("fail");
        if (expected.equals("valid") || expected.equals("warning") || cleanExample) {
            assertThat(r.isValid()).as("expected valid: " + r).isTrue();
        }
        if (expected.equals("warning") && !f.file().contains("/ob20/")) {
            // the 1EdTech validator warns about outdated OB / CLR context versions
            assertThat(r.warnings()).as(r.toString()).extracting(Finding::rule).contains(Rule.OB3_CONTEXT_VERSION);
        }
    }

    private static void assertJsonLd(Fixture f, ValidationReport r, String ld) {
        List<Rule> ldRules = r.findings().stream().map(Finding::rule)
                .filter(x -> x.scope() == Rule.Scope.JSON_LD).toList();
        if (ld.isEmpty() || LD_DIFFERENCES.containsKey(f.name())) {
            return;
        }
        String why = "manifest safe-mode expansion: " + ld + "; report: " + r;
        if (ld.equals("ok")) {
            assertThat(ldRules).as(why).isEmpty();
        } else if (ld.startsWith("context not available: ")) {
            String url = ld.substring("context not available: ".length());
            assertThat(r.findings(Rule.JSONLD_CONTEXT_UNAVAILABLE)).as(why)
                    .anySatisfy(x -> assertThat(x.message()).contains(url));
        } else if (ld.startsWith("Dropping property")) {
            // jsonld.js drops an undefined property; Titanium reports a value object with an extra key as invalid
            assertThat(ldRules).as(why).containsAnyOf(Rule.JSONLD_UNDEFINED_TERM, Rule.JSONLD_INVALID);
        } else if (ld.startsWith("Relative @type reference")) {
            assertThat(ldRules).as(why).contains(Rule.JSONLD_UNDEFINED_TYPE);
        } else if (ld.startsWith("Relative @id reference")) {
            assertThat(r.findings()).as(why).extracting(Finding::rule).contains(Rule.ID_URI);
        } else if (ld.startsWith("Invalid JSON-LD syntax")) {
            assertThat(ldRules).as(why).contains(Rule.JSONLD_INVALID);
        } else {
            throw new AssertionError("no mapping for the manifest outcome '" + ld + "' of " + f.file());
        }
    }

    private static void assertSchema(Fixture f, ValidationReport r) {
        JsonNode s = f.check("ob30Schema");
        if (s.isMissingNode()) {
            assertThat(r.findings(Rule.SCHEMA)).as(r.toString()).isEmpty();
            return;
        }
        String result = s.path("result").asText();
        String why = "manifest schema result: " + result + " " + s.path("firstError").asText("") + "; report: " + r;
        if (result.startsWith("pass") || result.startsWith("n/a")) {
            assertThat(r.findings(Rule.SCHEMA)).as(why).isEmpty();
        } else {
            String first = s.path("firstError").asText();
            String loc = first.substring(0, first.indexOf(": "));
            String pointer = loc.equals("(root)") ? "" : "/" + loc;
            assertThat(r.findings(Rule.SCHEMA)).as(why).extracting(Finding::path).contains(pointer);
        }
    }

    /**
     * VC-JWT fixtures: the manifest checked the payload itself (part {@code jwt}, an OB 2.0 signed
     * assertion) or its {@code vc} claim (part {@code jwt:vc}, VC-JWT 1.1). The signature is not
     * this validator's concern.
     */
    @TestFactory
    Stream<DynamicTest> jwtPayloads() throws Exception {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.parse(Files.readString(root.resolve("manifest.json")));
        List<DynamicTest> tests = new ArrayList<>();
        Validator jwt = Validator.builder().jwtPayload(true).build();
        for (JsonNode f : manifest.path("fixtures")) {
            if (!f.path("format").asText().equals("jwt")) {
                continue;
            }
            String file = f.path("file").asText();
            for (JsonNode c : f.path("checkedHere").path("jsonld")) {
                String part = c.path("part").asText();
                tests.add(DynamicTest.dynamicTest(file + " [" + part + "]", () -> {
                    String compact = Files.readString(root.resolve(file), StandardCharsets.US_ASCII).trim();
                    byte[] payload = java.util.Base64.getUrlDecoder().decode(compact.split("\\.")[1]);
                    JsonNode claims = Json.parse(payload);
                    ValidationReport r = part.equals("jwt:vc")
                            ? FULL.validate(Json.write(claims.path("vc")))
                            : jwt.validate(payload);
                    assertJsonLd(new Fixture(file, f), r, c.path("expandSafeMode").asText());
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> w3cVcdm2Suite() throws Exception {
        Path root = SharedData.openbadges();
        return fixtures(root).stream().filter(f -> f.file().contains("w3c-vcdm2-suite"))
                .map(f -> DynamicTest.dynamicTest(f.file(), () -> checkSuite(root, f)));
    }

    private static void checkSuite(Path root, Fixture f) throws IOException {
        String name = f.name();
        if (SUITE_NOT_JUDGED.containsKey(name)) {
            return;
        }
        // the suite's harness substitutes these placeholders before issuing
        String text = Files.readString(root.resolve(f.file()), StandardCharsets.UTF_8)
                .replace("\"PAST DATE\"", "\"2020-01-01T00:00:00Z\"")
                .replace("\"FUTURE DATE\"", "\"2099-01-01T00:00:00Z\"");
        boolean issueInput = name.startsWith("credential-") || f.file().contains("names-and-descriptions");
        Validator v = issueInput && !name.equals("credential-no-issuer-fail.json") ? VC_ISSUE : VC_FULL;
        ValidationReport r = v.validate(text);
        assertThat(r.findings()).as("VC-only validation must not apply Open Badges rules")
                .noneMatch(x -> x.rule().scope() == Rule.Scope.OPEN_BADGES);
        assertJsonLd(f, r, f.check("jsonld").path("expandSafeMode").asText(""));
        if (name.endsWith("-ok.json")) {
            assertThat(r.isValid()).as(r.toString()).isTrue();
        } else if (name.contains("-fail")) {
            assertThat(r.isValid()).as(r.toString()).isFalse();
            String expected = SUITE_REJECTED_BY.get(name);
            assertThat(expected).as("SUITE_REJECTED_BY lists " + name).isNotNull();
            String rule = expected.substring(0, expected.indexOf(' '));
            String path = expected.substring(expected.indexOf(' ') + 1);
            assertThat(r.findings()).as(r.toString())
                    .anySatisfy(x -> assertThat(x.ruleId() + " " + x.path()).isEqualTo(rule + " " + path));
        } else {
            throw new AssertionError(name + " has no -ok/-fail suffix and is not listed in SUITE_NOT_JUDGED");
        }
    }

    @Test
    void credentialsNestedInAClrAreCheckedAtTheirOwnPath() throws Exception {
        Path root = SharedData.openbadges();
        com.fasterxml.jackson.databind.node.ObjectNode clr = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                Files.readString(root.resolve("fixtures/1edtech-validator/clr20/simple.json")));
        assertThat(FULL.validate(Json.write(clr)).isValid()).isTrue();
        com.fasterxml.jackson.databind.node.ObjectNode nested =
                (com.fasterxml.jackson.databind.node.ObjectNode) clr.at("/credentialSubject/verifiableCredential/0");
        nested.with("credentialSubject").remove("type");
        nested.put("validUntil", "2000-01-01T00:00:00Z");
        ValidationReport r = FULL.validate(Json.write(clr));
        assertThat(r.findings()).as(r.toString()).extracting(f -> f.ruleId() + " " + f.path()).contains(
                "OB3-TYPE /credentialSubject/verifiableCredential/0/credentialSubject",
                "VALIDITY-PERIOD /credentialSubject/verifiableCredential/0/validUntil");
    }

    @Test
    void vcdm2DatesInAVcdm11CredentialOnlyWarn() throws Exception {
        Path root = SharedData.openbadges();
        com.fasterxml.jackson.databind.node.ObjectNode v1 = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(
                Files.readString(root.resolve("fixtures/dcc/v1/v1NoStatus.json")));
        v1.put("validUntil", "2999-01-01T00:00:00Z");
        ValidationReport r = Validator.builder().jsonLdChecks(false).build().validate(Json.write(v1));
        assertThat(r.findings(Rule.VC_VERSION_MIX)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.path()).isEqualTo("/validUntil");
        });
        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    @Test
    void theNotJudgedListOnlyNamesSuiteFiles() throws Exception {
        Path root = SharedData.openbadges();
        Set<String> names = new java.util.HashSet<>();
        for (Fixture f : fixtures(root)) {
            if (f.file().contains("w3c-vcdm2-suite")) {
                names.add(f.name());
            }
        }
        assertThat(names).containsAll(SUITE_NOT_JUDGED.keySet()).containsAll(SUITE_REJECTED_BY.keySet())
                .containsAll(LD_DIFFERENCES.keySet());
    }
}
