package org.reconnaitre.badges.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.Issuer;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Drift guard between the verifier and the rule catalogue. The signing module publishes no list of
 * its check ids, so they are read from real reports: the verifier runs over inputs that together
 * make it report every check it has (OB 3.0 Data Integrity with an expected recipient, VC-JWT, a CLR
 * with nested credentials, an Open Badges 1.1 document that is upgraded, and the OB 2.0 hosted,
 * signed, extension and revocation-list fixtures of the shared data), nested endorsement and CLR
 * reports included. Every check id seen must have a {@code VERIFY-} rule, and every {@code VERIFY-}
 * rule must be seen, so a check added to, renamed in or removed from the verifier fails here until
 * the catalogue (and RULES.md) follows.
 */
class VerifierChecksCatalogueTest {

    /** An Open Badges 1.1 hosted assertion (written for this test): upgraded to 2.0 on read. */
    static final String OB11 = "{\"@context\":\"https://w3id.org/openbadges/v1\",\"type\":\"Assertion\","
            + "\"id\":\"https://legacy.example/assertions/1\",\"uid\":\"1\","
            + "\"recipient\":{\"type\":\"email\",\"identity\":\"learner@example.org\",\"hashed\":false},"
            + "\"badge\":\"https://legacy.example/badge.json\",\"issuedOn\":1483228799,"
            + "\"verify\":{\"type\":\"hosted\",\"url\":\"https://legacy.example/assertions/1\"}}";

    private static Verifier verifier(Fetcher fetcher) {
        return Verifier.builder().clock(Clock.fixed(Credentials.AT, ZoneOffset.UTC)).fetcher(fetcher).build();
    }

    /** Check id to every outcome it was reported with, over these reports and their nested reports. */
    private static void collect(VerificationReport r, Map<String, Set<CheckOutcome>> into) {
        for (CheckResult c : r.checks()) {
            into.computeIfAbsent(c.id(), k -> EnumSet.noneOf(CheckOutcome.class)).add(c.outcome());
        }
        r.endorsements().forEach(e -> collect(e, into));
        r.credentials().forEach(c -> collect(c, into));
    }

    /** The OB 3.0 / CLR 2.0 / legacy inputs built here, so this part runs without the shared data. */
    private static Map<String, Set<CheckOutcome>> builtInputs() throws Exception {
        SigningKey key = Credentials.ed25519();
        String signed = Credentials.signed(key);
        SigningKey p256 = SigningKey.generate(KeyType.P256);
        String jwt = Issuer.with(p256).build().signJwt(Credentials.unsigned(DidKey.of(p256.publicKey())));
        String clr = Issuer.with(key).build().signDataIntegrity(clr(DidKey.of(key.publicKey()), signed, jwt),
                "eddsa-rdfc-2022", Credentials.AT.minusSeconds(86400));
        Verifier v = verifier(Fetcher.none());
        Verifier forLearner = v.forRecipient(ExpectedRecipient.email(Credentials.RECIPIENT));
        Map<String, Set<CheckOutcome>> seen = new LinkedHashMap<>();
        List<VerificationReport> reports = List.of(forLearner.verify(signed), forLearner.verify(jwt), v.verify(clr),
                v.verify(OB11), v.verify("not a credential"));
        reports.forEach(r -> collect(r, seen));
        // the inputs do what they are here for
        assertThat(reports.get(0).check("recipient")).as("%s", reports.get(0)).get()
                .extracting(CheckResult::outcome).isEqualTo(CheckOutcome.PASSED);
        assertThat(reports.get(1).check("jwt-claims")).as("%s", reports.get(1)).get()
                .extracting(CheckResult::outcome).isEqualTo(CheckOutcome.PASSED);
        assertThat(reports.get(2).credentials()).as("%s", reports.get(2)).hasSize(2);
        assertThat(reports.get(3).check("ob2-upgrade")).as("%s", reports.get(3)).get()
                .extracting(CheckResult::outcome).isEqualTo(CheckOutcome.WARNING);
        return seen;
    }

    /** A CLR 2.0 credential of this issuer holding these credentials (JSON or compact JWT). */
    static String clr(String issuer, String json, String jwt) {
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"id\":\"urn:uuid:0c0f1b2a-3d4e-4f5a-8b6c-7d8e9f0a1b2c\","
                + "\"type\":[\"VerifiableCredential\",\"ClrCredential\"],"
                + "\"issuer\":{\"id\":\"" + issuer + "\",\"type\":[\"Profile\"],\"name\":\"Example Training Centre\"},"
                + "\"validFrom\":\"2024-01-01T00:00:00Z\",\"name\":\"Transcript\","
                + "\"credentialSubject\":{\"id\":\"did:example:learner\",\"type\":[\"ClrSubject\"],"
                + "\"verifiableCredential\":[" + json + ",\"" + jwt + "\"]}}";
    }

    /** The OB 2.0 fixtures of the shared data, hosted assets served offline as the manifest maps them. */
    private static Map<String, Set<CheckOutcome>> ob2Fixtures(Path root) throws Exception {
        Fetcher assets = Fetcher.offline(SharedData.urlMap(root, "prefix"));
        Path dir = root.resolve("fixtures/1edtech-validator/ob20");
        Map<String, Set<CheckOutcome>> seen = new LinkedHashMap<>();
        List<VerificationReport> reports = new ArrayList<>();
        String basic = Files.readString(dir.resolve("basic-assertion.json"));
        reports.add(verifier(hosting(assets, basic)).forRecipient(ExpectedRecipient.email("someone.else@example.org"))
                .verify(basic));
        for (String f : List.of("simple.jwt", "simple-revoked.jwt", "assertion-with-extension-node-basic.json",
                "assertion-with-extension-node-invalid.json", "assertion-with-endorsements.json",
                "basic-assertion-with-allowed-origins-invalid-starts-with.json",
                "rdf-validation/badge-class-invalid-issuer-type.json")) {
            String text = Files.readString(dir.resolve(f));
            reports.add(verifier(hosting(assets, text)).verify(text));
        }
        reports.forEach(r -> collect(r, seen));
        assertThat(reports.get(0).check("recipient")).as("%s", reports.get(0)).get()
                .extracting(CheckResult::outcome).isEqualTo(CheckOutcome.FAILED);
        assertThat(reports.get(2).check("revocation")).as("%s", reports.get(2)).get()
                .extracting(CheckResult::outcome).isEqualTo(CheckOutcome.FAILED);
        return seen;
    }

    /** The assets, and a hosted OB 2.0 assertion served at its own id (as its issuer serves it). */
    private static Fetcher hosting(Fetcher assets, String text) throws Exception {
        String id = text.strip().startsWith("{") ? com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(text).path("id").asText(null) : null;
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return url -> url.toString().equals(id) ? new Fetcher.Response(url, 200, "application/json", body)
                : assets.fetch(url);
    }

    private static void assertEveryCheckHasARule(Map<String, Set<CheckOutcome>> seen) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Set<CheckOutcome>> e : seen.entrySet()) {
            var rule = ConformanceRules.byId(ConformanceRules.forCheck(e.getKey()));
            if (rule.isEmpty()) {
                missing.add(e.getKey());
                continue;
            }
            assertThat(rule.get().origin()).as(e.getKey()).isEqualTo(ConformanceRule.Origin.VERIFIER);
            if (e.getValue().contains(CheckOutcome.FAILED)) {
                assertThat(rule.get().severity()).as("%s fails on bad input, so its rule is an error", e.getKey())
                        .isEqualTo(Severity.ERROR);
            }
        }
        assertThat(missing).as("verifier check ids with no VERIFY- rule in ConformanceRules (add them, then regenerate"
                + " RULES.md with: %s)", RulesMarkdown.REGENERATE).isEmpty();
    }

    @Test
    void everyCheckTheVerifierReportsOnOb3ClrJwtAndLegacyInputHasACatalogueRule() throws Exception {
        Map<String, Set<CheckOutcome>> seen = builtInputs();
        assertThat(seen).containsKeys("format", "parse", "jwt-claims", "context-and-type", "schema", "proof",
                "key-binding", "recipient", "validity-period", "status", "endorsements", "credentials", "ob2-upgrade");
        assertEveryCheckHasARule(seen);
    }

    @Test
    void theVerifierAndTheCatalogueNameTheSameChecks() throws Exception {
        Path root = SharedData.openbadges();
        Map<String, Set<CheckOutcome>> seen = builtInputs();
        ob2Fixtures(root).forEach((id, outcomes) ->
                seen.computeIfAbsent(id, k -> EnumSet.noneOf(CheckOutcome.class)).addAll(outcomes));
        assertEveryCheckHasARule(seen);
        Set<String> catalogued = new TreeSet<>();
        for (ConformanceRule r : ConformanceRules.all()) {
            if (r.origin() == ConformanceRule.Origin.VERIFIER) {
                assertThat(r.id()).startsWith(ConformanceRules.VERIFIER_PREFIX);
                catalogued.add(r.id());
            }
        }
        Set<String> reported = new TreeSet<>();
        seen.keySet().forEach(id -> reported.add(ConformanceRules.forCheck(id)));
        assertThat(reported).as("VERIFY- rules whose check the verifier no longer reports (renamed or removed?)")
                .containsAll(catalogued);
        assertThat(catalogued).isEqualTo(reported);
        // the upgrade only ever warns, and its rule says so
        assertThat(seen.get("ob2-upgrade")).containsExactly(CheckOutcome.WARNING);
        assertThat(ConformanceRules.byId("VERIFY-OB2-UPGRADE")).get().extracting(ConformanceRule::severity)
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void theKitReportsAWarningOnlyCheckAsAWarning() {
        ConformanceReport r = ConformanceKit.builder().at(Credentials.AT).robustness(false).build().check(OB11);
        assertThat(r.checkedRules()).contains("VERIFY-OB2-UPGRADE");
        assertThat(r.violationsOf("VERIFY-OB2-UPGRADE")).as(r.toString()).isNotEmpty()
                .allSatisfy(v -> assertThat(v.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.errors()).extracting(Violation::ruleId).doesNotContain("VERIFY-OB2-UPGRADE");
    }
}
