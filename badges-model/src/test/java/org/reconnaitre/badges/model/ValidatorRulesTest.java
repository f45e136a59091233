package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * One invalid document per rule (derived from the small committed fixtures by changing one value),
 * each expected to fail with that rule id at that JSON Pointer; plus the API contract of
 * {@link Validator}, {@link ValidationReport}, {@link Finding} and the {@link Rule} catalogue.
 */
class ValidatorRulesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<Rule> COVERED = EnumSet.noneOf(Rule.class);

    /** An invalid variant: the validator, the JSON text, the expected rule and path. */
    record Case(String name, Validator validator, String json, Rule rule, String path) {}

    static String resource(String name) {
        try (InputStream in = ValidatorRulesTest.class.getResourceAsStream("validation/" + name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) Json.parse(resource(name));
        } catch (BadgeException e) {
            throw new AssertionError(e);
        }
    }

    static String variant(String base, Consumer<ObjectNode> change) {
        ObjectNode doc = tree(base);
        change.accept(doc);
        return Json.write(doc);
    }

    static ObjectNode at(ObjectNode doc, String pointer) {
        return (ObjectNode) doc.at(pointer);
    }

    static ArrayNode strings(String... values) {
        ArrayNode a = F.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static List<Case> cases() {
        Validator std = Validator.standard();
        List<Case> c = new ArrayList<>();
        String ob = "ob3-minimal.json";
        String vp = "vp-minimal.json";
        c.add(new Case("malformed JSON", std, "{\"@context\": [", Rule.JSON_PARSE, ""));
        c.add(new Case("not an object", std, "[1, 2]", Rule.DOCUMENT_KIND, ""));
        c.add(new Case("kind not accepted", Validator.builder().kinds(Validator.DocumentKind.ENDORSEMENT_CREDENTIAL).build(),
                resource(ob), Rule.DOCUMENT_KIND, ""));
        c.add(new Case("base context not first", std, variant(ob, d -> d.set("@context",
                strings("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://www.w3.org/ns/credentials/v2"))),
                Rule.VC_CONTEXT_BASE, "/@context/0"));
        c.add(new Case("no VerifiableCredential type", std, variant(ob, d -> d.set("type", strings("OpenBadgeCredential"))),
                Rule.VC_TYPE, "/type"));
        c.add(new Case("no issuer", std, variant(ob, d -> d.remove("issuer")), Rule.VC_REQUIRED_PROPERTY, ""));
        c.add(new Case("issuer not a URL", std, variant(ob, d -> d.put("issuer", "Example Issuer")), Rule.VC_ISSUER, "/issuer"));
        c.add(new Case("empty subject", std, variant(vp, d -> ((ObjectNode) d.at("/verifiableCredential/0"))
                .set("credentialSubject", F.objectNode())), Rule.VC_SUBJECT, "/verifiableCredential/0/credentialSubject"));
        c.add(new Case("status without type", std, variant(ob, d -> d.set("credentialStatus",
                F.objectNode().put("id", "https://issuer.example/status/1#3"))), Rule.VC_TYPED_OBJECT, "/credentialStatus"));
        c.add(new Case("holder not a URL", std, variant(vp, d -> d.put("holder", "Ada Lovelace")), Rule.VP_HOLDER, "/holder"));
        c.add(new Case("credential as a string", std, variant(vp, d -> ((ArrayNode) d.get("verifiableCredential")).set(0,
                F.textNode("eyJhbGciOiJFZERTQSJ9.e30.c2ln"))), Rule.VP_CREDENTIAL, "/verifiableCredential/0"));
        c.add(new Case("id not a URI", std, variant(ob, d -> at(d, "/credentialSubject/achievement").put("id", "achievement 1")),
                Rule.ID_URI, "/credentialSubject/achievement/id"));
        c.add(new Case("date without time zone", std, variant(ob, d -> d.put("validFrom", "2024-01-01T00:00:00")),
                Rule.DATE_FORMAT, "/validFrom"));
        c.add(new Case("validUntil before validFrom", std, variant(ob, d -> d.put("validUntil", "2010-01-01T00:00:00Z")),
                Rule.VALIDITY_PERIOD, "/validUntil"));
        c.add(new Case("issuanceDate under VC 2.0", std, variant(ob, d -> d.put("issuanceDate", "2024-01-01T00:00:00Z")),
                Rule.VC_VERSION_MIX, "/issuanceDate"));
        c.add(new Case("context not bundled", std, variant(ob, d -> ((ArrayNode) d.get("@context"))
                .add("https://contexts.example/unknown/v1")), Rule.JSONLD_CONTEXT_UNAVAILABLE, "/@context/2"));
        c.add(new Case("protected term redefined", std, variant(ob, d -> ((ArrayNode) d.get("@context"))
                .add(F.objectNode().put("VerifiableCredential", "https://example.org/#NotAVerifiableCredential"))),
                Rule.JSONLD_INVALID, ""));
        c.add(new Case("undefined property", std, variant(ob, d -> at(d, "/credentialSubject/achievement")
                .put("favouriteColour", "blue")), Rule.JSONLD_UNDEFINED_TERM, "/credentialSubject/achievement/favouriteColour"));
        c.add(new Case("undefined type", std, variant(ob, d -> at(d, "/credentialSubject/achievement")
                .set("type", strings("Achievement", "GoldStar"))), Rule.JSONLD_UNDEFINED_TYPE, "/credentialSubject/achievement/type/1"));
        c.add(new Case("no OB context", std, variant(ob, d -> d.set("@context", strings("https://www.w3.org/ns/credentials/v2"))),
                Rule.OB3_CONTEXT, "/@context"));
        c.add(new Case("OB context not second", std, variant(ob, d -> d.set("@context", strings(
                "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))), Rule.OB3_CONTEXT_ORDER, "/@context/2"));
        c.add(new Case("old OB context", std, variant(ob, d -> ((ArrayNode) d.get("@context"))
                .set(1, F.textNode("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"))),
                Rule.OB3_CONTEXT_VERSION, "/@context/1"));
        c.add(new Case("subject not AchievementSubject", std, variant(ob, d -> at(d, "/credentialSubject").remove("type")),
                Rule.OB3_TYPE, "/credentialSubject"));
        c.add(new Case("identity hash malformed", std, variant(ob, d -> at(d, "/credentialSubject/identifier/0")
                .put("identityHash", "sha256$abc")), Rule.IDENTITY_HASH, "/credentialSubject/identifier/0/identityHash"));
        c.add(new Case("schema: achievement without criteria", std, variant(ob, d -> at(d, "/credentialSubject/achievement")
                .remove("criteria")), Rule.SCHEMA, "/credentialSubject/achievement"));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasAFailingCase() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.rule().id() + ": " + c.name(), () -> {
            ValidationReport r = c.validator().validate(c.json());
            assertThat(r.findings()).as(r.toString())
                    .anySatisfy(f -> {
                        assertThat(f.rule()).isEqualTo(c.rule());
                        assertThat(f.path()).isEqualTo(c.path());
                        assertThat(f.severity()).isEqualTo(c.rule().defaultSeverity());
                        assertThat(f.message()).isNotBlank();
                    });
            if (c.rule().defaultSeverity() == Severity.ERROR) {
                assertThat(r.isValid()).as(r.toString()).isFalse();
            }
            synchronized (COVERED) {
                COVERED.add(c.rule());
            }
        }));
    }

    @AfterAll
    static void everyRuleOfTheCatalogueWasExercised() {
        if (!COVERED.isEmpty()) { // the factory ran (not filtered out)
            assertThat(COVERED).containsExactlyInAnyOrderElementsOf(Rule.all());
        }
    }

    @Test
    void theBaseFixturesAreValidAndClean() {
        for (String name : List.of("ob3-minimal.json", "vp-minimal.json", "ob3-profile.json")) {
            ValidationReport r = Validator.standard().validate(resource(name));
            assertThat(r.findings()).as(name + ": " + r).isEmpty();
            assertThat(r.isValid()).isTrue();
        }
        assertThat(Validator.standard().validate(resource("ob3-minimal.json")).kind())
                .isEqualTo(Validator.DocumentKind.OPEN_BADGE_CREDENTIAL);
        assertThat(Validator.standard().validate(resource("vp-minimal.json")).kind())
                .isEqualTo(Validator.DocumentKind.VERIFIABLE_PRESENTATION);
        assertThat(Validator.standard().validate(resource("ob3-profile.json")).kind())
                .isEqualTo(Validator.DocumentKind.PROFILE);
    }

    @Test
    void malformedJsonGivesOneParseFindingNeverAnException() {
        for (String bad : List.of("", "{", "{\"a\":1}{", "{\"a\":1,\"a\":2}", "nul", "[".repeat(500))) {
            ValidationReport r = Validator.standard().validate(bad);
            assertThat(r.findings()).as(bad).hasSize(1);
            assertThat(r.findings().get(0).ruleId()).isEqualTo("JSON-PARSE");
            assertThat(r.isValid()).isFalse();
        }
        ValidationReport bytes = Validator.standard().validate(new byte[] {(byte) 0xff, 0x00, 0x7b});
        assertThat(bytes.findings()).extracting(Finding::ruleId).containsExactly("JSON-PARSE");
    }

    @Test
    void keywordLikeIdsGiveAReasonNotAProcessorException() {
        // an IRI-typed property (issuer) whose value has the form of a keyword: Titanium fails inside
        for (String id : List.of("@foo", "@Issuer", "@x")) {
            String json = variant("ob3-minimal.json", d -> d.put("issuer", id));
            List<Finding> invalid = Validator.standard().validate(json).findings(Rule.JSONLD_INVALID);
            assertThat(invalid).as(id).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo("/issuer");
                assertThat(f.message()).contains("\"" + id + "\"", "form of a JSON-LD keyword")
                        .doesNotContain("Exception").doesNotContain("java.");
            });
        }
    }

    @Test
    void validityPeriodMessageNamesBothDates() {
        String json = variant("ob3-minimal.json", d -> d.put("validUntil", "2010-01-01T00:00:00Z"));
        Finding f = Validator.standard().validate(json).findings(Rule.VALIDITY_PERIOD).get(0);
        assertThat(f.message()).isEqualTo("validUntil 2010-01-01T00:00:00Z is before validFrom 2024-01-01T00:00:00Z");
    }

    @Test
    void singleValuesAreWrappedBeforeSchemaValidation() {
        // proof and credentialSchema as single objects: JSON-LD compaction allows it, the schema wants arrays
        String json = variant("ob3-minimal.json", d -> {
            d.set("credentialSchema", F.objectNode()
                    .put("id", "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json")
                    .put("type", "1EdTechJsonSchemaValidator2019"));
            d.set("@context", strings("https://www.w3.org/ns/credentials/v2",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"));
            at(d, "/credentialSubject/achievement").set("image", F.objectNode()
                    .put("id", "https://issuer.example/badge.png").put("type", "Image"));
        });
        ValidationReport r = Validator.standard().validate(json);
        assertThat(r.has(Rule.SCHEMA)).as(r.toString()).isFalse();
        assertThat(r.isValid()).as(r.toString()).isTrue();
        // but a wrong value inside a wrapped single value is reported at the original (unwrapped) path
        String bad = variant("ob3-minimal.json", d -> d.set("credentialSchema", F.objectNode()
                .put("id", "https://schemas.example/x.json").put("type", 42)));
        assertThat(Validator.builder().jsonLdChecks(false).build().validate(bad).findings(Rule.SCHEMA))
                .extracting(Finding::path).contains("/credentialSchema/type");
    }

    @Test
    void schemaErrorsOfTheUnintendedOneOfBranchAreLeftOut() {
        String json = variant("ob3-minimal.json", d -> at(d, "/issuer").set("type", strings("Issuer")));
        ValidationReport r = Validator.builder().jsonLdChecks(false).build().validate(json);
        assertThat(r.findings(Rule.SCHEMA)).as(r.toString()).extracting(Finding::path).contains("/issuer", "/issuer/type");
        assertThat(r.findings(Rule.SCHEMA)).as(r.toString())
                .noneSatisfy(f -> assertThat(f.message()).contains("string expected"));
    }

    @Test
    void jwtRegisteredClaimsAreAcceptedOnlyForAJwtPayload() {
        // the OB 2.0 context has no @vocab, so undefined top-level claims would be dropped by expansion
        String json = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
                + "\"id\":\"urn:uuid:2f1e4c0a-5b1d-4c55-9a43-6f3b7d8e9a10\",\"iss\":\"https://issuer.example\","
                + "\"jti\":\"urn:uuid:1\",\"nbf\":1704067200,\"recipient\":{\"type\":\"email\",\"identity\":\"a@b.example\","
                + "\"hashed\":false,\"iss\":\"nested\"}}";
        ValidationReport plain = Validator.standard().validate(json);
        assertThat(plain.findings(Rule.JSONLD_UNDEFINED_TERM)).extracting(Finding::path)
                .containsExactlyInAnyOrder("/iss", "/jti", "/nbf", "/recipient/iss");
        ValidationReport jwt = Validator.builder().jwtPayload(true).build().validate(json);
        // only the top-level registered claims are a JWT concern; a nested "iss" is still undefined
        assertThat(jwt.findings(Rule.JSONLD_UNDEFINED_TERM)).extracting(Finding::path).containsExactly("/recipient/iss");
    }

    @Test
    void optionsSwitchChecksOff() {
        String json = variant("ob3-minimal.json", d -> {
            at(d, "/credentialSubject/achievement").put("favouriteColour", "blue").remove("criteria");
            d.put("validUntil", "2010-01-01T00:00:00Z");
        });
        ValidationReport all = Validator.standard().validate(json);
        assertThat(all.findings()).extracting(Finding::rule)
                .contains(Rule.JSONLD_UNDEFINED_TERM, Rule.SCHEMA, Rule.VALIDITY_PERIOD);
        ValidationReport noLd = Validator.builder().jsonLdChecks(false).schemaChecks(false)
                .disable(Rule.VALIDITY_PERIOD).build().validate(json);
        assertThat(noLd.findings()).isEmpty();
        ValidationReport vcOnly = Validator.builder().openBadgesRules(false).build().validate(
                variant("ob3-minimal.json", d -> at(d, "/credentialSubject").remove("type")));
        assertThat(vcOnly.findings()).extracting(Finding::rule).doesNotContain(Rule.OB3_TYPE, Rule.SCHEMA);
    }

    @Test
    void aContextThatResetsVocabStillCannotHideUndefinedTypes() {
        String json = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",{\"@vocab\":null}],"
                + "\"type\":[\"VerifiableCredential\",\"ExampleTestCredential\"],\"issuer\":\"did:example:i\","
                + "\"credentialSubject\":{\"id\":\"did:example:s\"}}";
        ValidationReport r = Validator.standard().validate(json);
        assertThat(r.findings()).as(r.toString()).extracting(Finding::rule)
                .containsAnyOf(Rule.JSONLD_UNDEFINED_TYPE, Rule.JSONLD_UNDEFINED_TERM);
    }

    @Test
    void languageMapsDeclaredInline() {
        String ok = variant("ob3-minimal.json", d -> {
            ((ArrayNode) d.get("@context")).add(F.objectNode().set("title",
                    F.objectNode().put("@id", "https://vocab.example/title").put("@container", "@language")));
            at(d, "/credentialSubject/achievement").set("title", F.objectNode().put("en", "Test").put("fr", "Essai"));
        });
        ValidationReport r = Validator.standard().validate(ok);
        assertThat(r.findings()).as(r.toString()).isEmpty();
        String bad = variant("ob3-minimal.json", d -> {
            ((ArrayNode) d.get("@context")).add(F.objectNode().set("title",
                    F.objectNode().put("@id", "https://vocab.example/title").put("@container", "@language")));
            ObjectNode a = at(d, "/credentialSubject/achievement");
            a.set("title", F.objectNode().put("en", "Test"));
            a.put("favouriteColour", "blue");
        });
        assertThat(Validator.standard().validate(bad).findings(Rule.JSONLD_UNDEFINED_TERM)).isNotEmpty();
    }

    @Test
    void aFetcherCanSupplyAContextThatIsNotBundled() throws Exception {
        String url = "https://contexts.example/colour/v1";
        String json = variant("ob3-minimal.json", d -> {
            ((ArrayNode) d.get("@context")).add(url);
            at(d, "/credentialSubject/achievement").put("favouriteColour", "blue");
        });
        assertThat(Validator.standard().validate(json).findings(Rule.JSONLD_CONTEXT_UNAVAILABLE))
                .singleElement().satisfies(f -> assertThat(f.message()).contains(url));
        Fetcher local = u -> new Fetcher.Response(u, 200, "application/ld+json",
                "{\"@context\":{\"favouriteColour\":\"https://contexts.example/colour#favouriteColour\"}}"
                        .getBytes(StandardCharsets.UTF_8));
        ValidationReport r = Validator.builder().fetcher(local).build().validate(json);
        assertThat(r.findings()).as(r.toString()).isEmpty();
    }

    @Test
    void oneValidatorIsSafeToShareBetweenThreads() throws Exception {
        Validator v = Validator.builder().build();
        List<String> docs = List.of(resource("ob3-minimal.json"), resource("vp-minimal.json"),
                variant("ob3-minimal.json", d -> d.put("validUntil", "2010-01-01T00:00:00Z")),
                variant("ob3-minimal.json", d -> at(d, "/credentialSubject/achievement").put("x", 1)));
        List<String> expected = docs.stream().map(d -> v.validate(d).findings().toString()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int k = i % docs.size();
                results.add(pool.submit(() -> v.validate(docs.get(k)).findings().toString().equals(expected.get(k))));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRuleCatalogueIsComplete() {
        Set<String> ids = new HashSet<>();
        for (Rule r : Rule.all()) {
            assertThat(ids.add(r.id())).as("duplicate id " + r.id()).isTrue();
            assertThat(r.id()).matches("[A-Z0-9]+(-[A-Z0-9]+)*");
            assertThat(r.spec()).startsWith("https://");
            assertThat(r.summary()).isNotBlank().doesNotContain("\n");
            assertThat(Rule.byId(r.id())).contains(r);
        }
        assertThat(Rule.byId("NO-SUCH-RULE")).isEmpty();
        assertThat(Rule.all()).hasSize(Rule.values().length);
        assertThatThrownBy(() -> Rule.all().add(Rule.SCHEMA)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findingsAndReportsAreImmutableAndChecked() {
        assertThatThrownBy(() -> new Finding(Rule.SCHEMA, Severity.ERROR, "issuer", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        ValidationReport r = Validator.standard().validate("{");
        assertThatThrownBy(() -> r.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Finding.of(Rule.OB3_CONTEXT_VERSION, "/@context/1", "old").severity()).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> Validator.standard().validate((String) null)).isInstanceOf(NullPointerException.class);
        JsonNode unused = F.nullNode();
        assertThat(unused.isNull()).isTrue();
    }
}
