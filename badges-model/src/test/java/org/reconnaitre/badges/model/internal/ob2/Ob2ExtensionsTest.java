package org.reconnaitre.badges.model.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.ob2.Ob2Extensions.Outcome;
import org.reconnaitre.badges.model.internal.ob2.Ob2Extensions.Result;
import org.reconnaitre.badges.testing.SharedData;

/** OB 2.0 extension nodes against the JSON Schemas their extension contexts name, offline. */
class Ob2ExtensionsTest {
    static final String DIR = "fixtures/1edtech-validator/ob20/";

    static JsonNode fixture(String name) throws Exception {
        return Json.parse(Files.readString(SharedData.openbadges().resolve(DIR + name)));
    }

    static final Fetcher REFUSE = url -> {
        throw new BadgeException(BadgeException.Code.FETCH_REFUSED, "refused " + url);
    };

    @Test
    void theBasicExtensionNodeValidatesAfterCompactionToItsTerms() throws Exception {
        List<Result> r = Ob2Extensions.validate(fixture("assertion-with-extension-node-basic.json"), REFUSE);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.outcome()).as("%s", x).isEqualTo(Outcome.PASSED);
            assertThat(x.path()).isEqualTo("/extensions:exampleExtension");
            assertThat(x.message()).contains("extensions:ExampleExtension");
        });
    }

    @Test
    void aNodeWithTwoExtensionTypesIsValidatedAgainstBothSchemas() throws Exception {
        List<Result> r = Ob2Extensions.validate(fixture("assertion-with-multiple-extensions.json"), REFUSE);
        assertThat(r).hasSize(2).allSatisfy(x -> assertThat(x.outcome()).as("%s", x).isEqualTo(Outcome.PASSED));
        assertThat(r).extracting(Result::message).anySatisfy(m -> assertThat(m).contains("extensions:ApplyLink"));
    }

    @Test
    void theInvalidFixtureFailsBecauseItsTypeIsNotTheOneItsContextValidates() throws Exception {
        List<Result> r = Ob2Extensions.validate(fixture("assertion-with-extension-node-invalid.json"), REFUSE);
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(x.message()).contains("obi:extensions/#ExampleExtension").contains("extensions:ExampleExtension");
        });
    }

    /** The results for the basic extension fixture with one piece of its text replaced. */
    static List<Result> basicWith(String target, String replacement) throws Exception {
        String text = Files.readString(SharedData.openbadges().resolve(DIR + "assertion-with-extension-node-basic.json"));
        assertThat(text).contains(target);
        return Ob2Extensions.validate(Json.parse(text.replace(target, replacement)), REFUSE);
    }

    @Test
    void aWrongValueTypeFailsTheExtensionSchema() throws Exception {
        List<Result> r = basicWith("\"I'm a property, short and sweet\"", "1337");
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(x.message()).contains("does not validate").contains("exampleExtension/schema.json");
        });
    }

    @Test
    void aKeywordLikeIriInTheNodeFailsWithAReasonInsteadOfAProcessorException() throws Exception {
        List<Result> r = basicWith("\"http://schema.org/text\"", "\"url\": \"@foo\", \"http://schema.org/text\"");
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(x.message()).contains("not valid JSON-LD", "could not compact").doesNotContain("Exception");
        });
    }

    @Test
    void aMissingRequiredPropertyFails() throws Exception {
        assertThat(basicWith("\"http://schema.org/text\"", "\"http://schema.org/description\"")).singleElement()
                .extracting(Result::outcome).isEqualTo(Outcome.FAILED);
    }

    @Test
    void anUnbundledContextIsOnlyObtainedThroughTheFetcherAndIsUncheckedWhenRefused() throws Exception {
        String ctx = "https://issuer.example/ext/context.json";
        String doc = """
                {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": "https://issuer.example/b",
                 "ext:x": {"@context": "%s", "type": ["Extension", "ext:Thing"], "note": "hi"}}""".formatted(ctx);
        AtomicInteger asked = new AtomicInteger();
        Fetcher counting = url -> {
            asked.incrementAndGet();
            return REFUSE.fetch(url);
        };
        assertThat(Ob2Extensions.validate(Json.parse(doc), counting)).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNCHECKED);
            assertThat(x.message()).contains(ctx).contains("refused");
        });
        assertThat(asked).hasValue(1);

        String context = """
                {"@context": {"ext": "https://issuer.example/ext#", "note": "ext:note"},
                 "obi:validation": [{"obi:validatesType": "ext:Thing",
                   "obi:validationSchema": "https://issuer.example/ext/schema.json"}]}""";
        String schema = """
                {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
                 "properties": {"note": {"type": "string", "maxLength": 3}}, "required": ["note"]}""";
        Fetcher served = url -> new Fetcher.Response(url, 200, "application/json",
                (url.toString().equals(ctx) ? context : schema).getBytes(StandardCharsets.UTF_8));
        assertThat(Ob2Extensions.validate(Json.parse(doc), served)).singleElement()
                .extracting(Result::outcome).isEqualTo(Outcome.PASSED);
        assertThat(Ob2Extensions.validate(Json.parse(doc.replace("\"hi\"", "\"hello\"")), served)).singleElement()
                .extracting(Result::outcome).isEqualTo(Outcome.FAILED);
        Fetcher noSchema = url -> url.toString().equals(ctx) ? served.fetch(url) : new Fetcher.Response(url, 404, "", new byte[0]);
        assertThat(Ob2Extensions.validate(Json.parse(doc), noSchema)).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNCHECKED);
            assertThat(x.message()).contains("HTTP 404");
        });
    }

    @Test
    void anOversizedOrTooDeepSchemaIsNotUsed() throws Exception {
        String ctx = "https://issuer.example/ext/context.json";
        String doc = """
                {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
                 "ext:x": {"@context": "%s", "type": ["Extension", "ext:Thing"], "note": "hi"}}""".formatted(ctx);
        String context = """
                {"@context": {"ext": "https://issuer.example/ext#", "note": "ext:note"},
                 "obi:validation": {"obi:validatesType": "ext:Thing", "obi:validationSchema": "https://issuer.example/s.json"}}""";
        String deep = "{\"not\":".repeat(40) + "{}" + "}".repeat(40);
        Fetcher served = url -> new Fetcher.Response(url, 200, "application/json",
                (url.toString().equals(ctx) ? context : deep).getBytes(StandardCharsets.UTF_8));
        assertThat(Ob2Extensions.validate(Json.parse(doc), served)).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNCHECKED);
            assertThat(x.message()).contains("deeper");
        });
        byte[] big = ("{\"description\": \"" + "x".repeat(Ob2Extensions.MAX_RESOURCE_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        Fetcher huge = url -> url.toString().equals(ctx) ? served.fetch(url) : new Fetcher.Response(url, 200, "", big);
        assertThat(Ob2Extensions.validate(Json.parse(doc), huge)).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNCHECKED);
            assertThat(x.message()).contains("larger than");
        });
    }

    @Test
    void everyBundledExtensionSchemaCompilesOfflineAndIsServedUnderEachOfItsUrls() throws Exception {
        JsonNode index = Json.parse(new String(Ob2Extensions.class.getResourceAsStream(
                "/org/reconnaitre/badges/model/schemas/index.json").readAllBytes(), StandardCharsets.UTF_8));
        int compiled = 0;
        java.util.Set<String> unusable = new java.util.TreeSet<>();
        for (JsonNode s : index.get("schemas")) {
            if (!s.path("file").asText().startsWith("ob-v2p0-extensions/")) {
                continue;
            }
            List<String> urls = new java.util.ArrayList<>(List.of(s.get("url").asText()));
            s.path("aliases").forEach(a -> urls.add(a.asText()));
            for (String url : urls) {
                try {
                    assertThat(Ob2Extensions.schema(url, REFUSE)).as(url).isNotNull();
                    compiled++;
                } catch (BadgeException e) {
                    unusable.add(s.path("file").asText());
                    assertThat(e.getMessage()).contains("cannot be used");
                }
            }
        }
        assertThat(compiled).as("extension schemas and their aliases").isGreaterThanOrEqualTo(20);
        // the published accessibilityExtension schema puts "required" inside "properties": a node of that
        // extension is reported as not validated (warning), never as passing
        assertThat(unusable).containsOnly("ob-v2p0-extensions/accessibilityExtension.schema.json");
        String accessibility = """
                {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
                 "extensions:accessibilityExtension": {
                   "@context": "https://w3id.org/openbadges/extensions/accessibilityExtension/context.json",
                   "type": ["Extension", "extensions#accessibility"], "accessibilityAPI": "ARIA"}}""";
        assertThat(Ob2Extensions.validate(Json.parse(accessibility), REFUSE)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).as("%s", r).isEqualTo(Outcome.UNCHECKED);
            assertThat(r.message()).contains("cannot be used");
        });
        // internal $refs (assessmentExtension) resolve without any fetch
        String assessment = """
                {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
                 "extensions:assessmentExtension": {
                   "@context": "https://w3id.org/openbadges/extensions/assessmentExtension/context.json",
                   "type": ["Extension", "extensions:AssessmentExtension"], "description": "An exam."}}""";
        assertThat(Ob2Extensions.validate(Json.parse(assessment), REFUSE)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).as("%s", r).isEqualTo(Outcome.FAILED);
            assertThat(r.message()).contains("assessments");
        });
    }

    @Test
    void theSpecExampleOfTheEndorsementExtensionInAnUpgradedOb11Assertion() throws Exception {
        Path p = SharedData.openbadges().resolve("fixtures/spec-examples/ob20/extensions-endorsement-02-assertion.json");
        JsonNode upgraded = LegacyUpgrade.upgrade(Json.parse(Files.readString(p)), null, null).orElseThrow().document();
        assertThat(Ob2Extensions.validate(upgraded, REFUSE)).singleElement().satisfies(r -> {
            assertThat(r.outcome()).as("%s", r).isEqualTo(Outcome.PASSED);
            assertThat(r.message()).contains("endorsement/schema.json");
        });
        ((com.fasterxml.jackson.databind.node.ObjectNode) upgraded.get("extensions:Endorsement")).remove("description");
        assertThat(Ob2Extensions.validate(upgraded, REFUSE)).singleElement()
                .extracting(Result::outcome).isEqualTo(Outcome.FAILED);
    }

    @Test
    void manyExtensionNodesAreBounded() throws Exception {
        StringBuilder doc = new StringBuilder("{\"@context\": \"https://w3id.org/openbadges/v2\", \"type\": \"BadgeClass\"");
        for (int i = 0; i < 100; i++) {
            doc.append(", \"ext:n").append(i).append("\": {\"@context\": \"https://w3id.org/openbadges/extensions/")
                    .append("exampleExtension/context.json\", \"type\": [\"Extension\", \"extensions:ExampleExtension\"],")
                    .append(" \"exampleProperty\": \"p\"}");
        }
        List<Result> r = Ob2Extensions.validate(Json.parse(doc.append("}").toString()), REFUSE);
        assertThat(r).hasSize(Ob2Extensions.MAX_NODES + 1);
        assertThat(r.subList(0, Ob2Extensions.MAX_NODES)).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASSED));
        assertThat(r.get(Ob2Extensions.MAX_NODES)).satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.UNCHECKED);
            assertThat(x.message()).contains("More than 16");
        });
    }

    @Test
    void aDocumentWithoutExtensionNodesHasNoResults() throws Exception {
        assertThat(Ob2Extensions.validate(fixture("basic-assertion.json"), REFUSE)).isEmpty();
        Path p = SharedData.openbadges().resolve("fixtures/spec-examples/ob20/extensions-05-badgeclass.json");
        List<Result> license = Ob2Extensions.validate(Json.parse(Files.readString(p)), REFUSE);
        assertThat(license).singleElement().satisfies(x -> assertThat(x.message()).contains("LicenseExtension"));
    }
}
