package org.reconnaitre.badges.model.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Finding;
import org.reconnaitre.badges.model.Rule;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.testing.SharedData;

/**
 * The JSON-LD check remembers findings per document shape ({@link JsonLdShape}); these tests show
 * that the remembered findings are the ones a full expansion gives, on every shared fixture and on
 * copies whose non-shape leaves were all changed.
 */
class JsonLdShapeTest {
    /** Replacement strings for the leaves the shape does not keep: IRIs, text, blank nodes, keyword-like. */
    private static final List<String> OTHER_STRINGS = List.of("https://example.org/other#x", "Une autre valeur", "_:b7",
            "", "Autre \"valeur\" ☃", "urn:uuid:00000000-0000-4000-8000-000000000000", "relative/path", "2020-01-01T00:00:00Z");

    @TestFactory
    Stream<DynamicTest> rememberedFindingsEqualAFullExpansionOnEveryFixture() throws IOException {
        Path root = SharedData.openbadges();
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("fixtures", "vectors")) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(300);
        JsonLdCheck remembering = new JsonLdCheck(Optional.empty(), false, true);
        List<DynamicTest> tests = new ArrayList<>();
        int[] shaped = {0};
        for (Path file : files) {
            tests.add(DynamicTest.dynamicTest(root.relativize(file).toString(), () -> {
                JsonNode doc;
                try {
                    doc = Json.parse(Files.readAllBytes(file));
                } catch (BadgeException notJson) {
                    return; // not a JSON document: the validator reports a parse error before any JSON-LD check
                }
                List<Finding> full = run(new JsonLdCheck(Optional.empty(), false, false), doc);
                assertThat(run(remembering, doc)).as("first (expanding) call").isEqualTo(full);
                assertThat(run(remembering, doc)).as("second (remembered) call").isEqualTo(full);
                String shape = JsonLdShape.digest(doc);
                if (shape == null) {
                    return;
                }
                shaped[0]++;
                for (int variant = 0; variant < OTHER_STRINGS.size(); variant++) {
                    JsonNode other = doc.deepCopy();
                    changeLeaves(other, false, variant);
                    assertThat(JsonLdShape.digest(other)).as("variant %d has the same shape", variant).isEqualTo(shape);
                    List<Finding> expanded = run(new JsonLdCheck(Optional.empty(), false, false), other);
                    if (remembered(full)) {
                        assertThat(expanded).as("variant %d: full expansion gives the remembered findings", variant)
                                .isEqualTo(full);
                    } else {
                        // not remembered (an expansion error may quote a value): same verdict, same places
                        assertThat(expanded).as("variant %d: same rules and places", variant)
                                .extracting(Finding::rule, Finding::path)
                                .isEqualTo(full.stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.rule(), f.path())).toList());
                    }
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("most fixtures have a shape", () -> assertThat(shaped[0]).isGreaterThan(200)));
        return tests.stream();
    }

    @Test
    void anUndefinedTermIsReportedAgainForAnotherDocumentOfTheSameShape() throws Exception {
        JsonLdCheck check = new JsonLdCheck(Optional.empty(), false, true);
        String template = """
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                 "issuer": "%s", "validFrom": "2024-01-01T00:00:00Z",
                 "credentialSubject": {"id": "%s", "nickname": "%s"}}""";
        List<Finding> first = run(check, Json.parse(template.formatted("did:example:a", "did:example:s1", "Al")));
        JsonNode secondDoc = Json.parse(template.formatted("did:example:b", "did:example:s2", "Bo"));
        List<Finding> second = run(check, secondDoc);
        assertThat(first).isEqualTo(second).isEqualTo(run(new JsonLdCheck(Optional.empty(), false, false), secondDoc))
                .extracting(Finding::path).containsExactly("/credentialSubject/nickname");

        String undefinedType = """
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential", "%s"],
                 "issuer": "did:example:a", "issuanceDate": "2024-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:s", "nickname": "%s"}}""";
        List<Finding> a = run(check, Json.parse(undefinedType.formatted("Foo", "Al")));
        List<Finding> b = run(check, Json.parse(undefinedType.formatted("Foo", "Bo")));
        List<Finding> c = run(check, Json.parse(undefinedType.formatted("Bar", "Bo")));
        assertThat(a).isEqualTo(b).extracting(Finding::rule)
                .containsExactlyInAnyOrder(Rule.JSONLD_UNDEFINED_TYPE, Rule.JSONLD_UNDEFINED_TERM);
        assertThat(c).extracting(Finding::message).anyMatch(m -> m.contains("\"Bar\""));
    }

    @Test
    void disabledRulesAreDroppedFromRememberedFindingsToo() throws Exception {
        JsonLdCheck check = new JsonLdCheck(Optional.empty(), false, true);
        JsonNode doc = Json.parse("""
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                 "issuer": "did:example:a", "issuanceDate": "2024-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:s", "nickname": "x"}}""");
        assertThat(run(check, doc)).hasSize(1);
        Findings filtered = new Findings(Set.of(Rule.JSONLD_UNDEFINED_TERM));
        check.check(doc, filtered);
        assertThat(filtered.list()).isEmpty();
    }

    @Test
    void aDocumentWithAnInlineOrUnbundledContextHasNoShape() throws Exception {
        assertThat(JsonLdShape.digest(Json.parse("""
                {"@context": ["https://www.w3.org/ns/credentials/v2", {"nick": "https://example.org/nick"}]}"""))).isNull();
        assertThat(JsonLdShape.digest(Json.parse("""
                {"@context": "https://www.w3.org/ns/credentials/v2",
                 "credentialSubject": {"@context": "https://example.org/not-bundled"}}"""))).isNull();
        assertThat(JsonLdShape.digest(Json.parse("""
                {"@context": "https://www.w3.org/ns/credentials/v2", "name": "a"}""")))
                .isEqualTo(JsonLdShape.digest(Json.parse("""
                        {"@context": "https://www.w3.org/ns/credentials/v2", "name": "b"}""")))
                .isNotEqualTo(JsonLdShape.digest(Json.parse("""
                        {"@context": "https://www.w3.org/ns/credentials/v2", "name": 1}""")));
    }

    @Test
    void typeAliasesAndVocabTypedTermsOfTheBundledContextsAreKept() {
        assertThat(JsonLdShape.TERM_VALUED_KEYS).contains("type", "proofPurpose").doesNotContain("id", "name");
    }

    private static boolean remembered(List<Finding> findings) {
        return findings.stream().allMatch(f -> f.rule() == Rule.JSONLD_UNDEFINED_TERM || f.rule() == Rule.JSONLD_UNDEFINED_TYPE);
    }

    private static List<Finding> run(JsonLdCheck check, JsonNode doc) {
        Findings out = new Findings(Set.of());
        check.check(doc, out);
        return out.list();
    }

    /** Changes every leaf that the shape replaces by a placeholder (strings and numbers). */
    private static void changeLeaves(JsonNode node, boolean keepStrings, int variant) {
        if (node instanceof ObjectNode obj) {
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (name.equals("@context")) {
                    continue;
                }
                boolean keep = JsonLdShape.keepsStrings(name);
                JsonNode v = obj.get(name);
                JsonNode replaced = leaf(v, keep, variant);
                if (replaced != null) {
                    obj.set(name, replaced);
                } else {
                    changeLeaves(v, keep, variant);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode replaced = leaf(arr.get(i), keepStrings, variant);
                if (replaced != null) {
                    arr.set(i, replaced);
                } else {
                    changeLeaves(arr.get(i), keepStrings, variant);
                }
            }
        }
    }

    private static JsonNode leaf(JsonNode v, boolean keepStrings, int variant) {
        if (v.isTextual() && !keepStrings && !v.textValue().startsWith("@")) {
            return TextNode.valueOf(OTHER_STRINGS.get(variant));
        }
        if (v.isNumber()) {
            return IntNode.valueOf(7 + variant);
        }
        return null;
    }
}
