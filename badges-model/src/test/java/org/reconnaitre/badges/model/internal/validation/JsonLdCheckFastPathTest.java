package org.reconnaitre.badges.model.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdError;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.testing.SharedData;

/**
 * The prebuilt-context fast path of {@link JsonLdCheck} gives exactly the expansion (or the same
 * error) and exactly the findings of the full Titanium expansion, on every JSON file of the shared
 * Open Badges data.
 */
class JsonLdCheckFastPathTest {
    private static final JsonLdCheck FAST = new JsonLdCheck(Optional.empty(), false, true);
    private static final JsonLdCheck FULL = new JsonLdCheck(Optional.empty(), false, false);
    private static final JsonLdCheck FAST_JWT = new JsonLdCheck(Optional.empty(), true, true);
    private static final JsonLdCheck FULL_JWT = new JsonLdCheck(Optional.empty(), true, false);

    @Test
    void fastPathEqualsFullExpansionOnEverySharedFixture() throws IOException {
        Path root = SharedData.openbadges();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonld")).sorted().toList();
        }
        int fast = 0;
        int compared = 0;
        for (Path f : files) {
            JsonNode doc;
            try {
                doc = Json.parse(Files.readAllBytes(f));
            } catch (Exception notJson) {
                continue;
            }
            if (!doc.isObject()) {
                continue;
            }
            compared++;
            Outcome full = outcome(() -> FULL.expandFull(doc));
            Optional<JsonArray> viaFast;
            try {
                viaFast = FAST.expandFast(doc);
            } catch (JsonLdError e) {
                assertThat(e.getCode()).as(f + ": error code").isEqualTo(full.error());
                fast++;
                continue;
            }
            if (viaFast.isPresent()) {
                fast++;
                assertThat(viaFast.get()).as(f + ": expansion").isEqualTo(full.expanded());
            }
            assertThat(findings(FAST, doc)).as(f + ": findings").isEqualTo(findings(FULL, doc));
            assertThat(findings(FAST_JWT, doc)).as(f + ": findings (jwt)").isEqualTo(findings(FULL_JWT, doc));
        }
        // the fast path must actually be exercised by most credentials, not silently skipped
        assertThat(compared).isGreaterThan(100);
        assertThat(fast).as("documents taking the fast path").isGreaterThan(compared / 3);
    }

    @Test
    void fastPathAppliesOnlyToBundledTopLevelContextLists() throws Exception {
        JsonNode bundled = Json.parse("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":\"VerifiableCredential\"}");
        JsonNode unknown = Json.parse("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://example.org/x\"]}");
        JsonNode inline = Json.parse("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",{\"a\":\"urn:a\"}]}");
        JsonNode none = Json.parse("{\"name\":\"x\"}");
        assertThat(FAST.expandFast(bundled)).isPresent();
        assertThat(FAST.expandFast(unknown)).isEmpty();
        assertThat(FAST.expandFast(inline)).isEmpty();
        assertThat(FAST.expandFast(none)).isEmpty();
        // and a fetcher-backed check keeps its own prebuilt contexts
        JsonLdCheck withFetcher = new JsonLdCheck(Optional.of(Fetcher.offline(Map.of())), false, true);
        assertThat(withFetcher.expandFast(bundled)).isEqualTo(FAST.expandFast(bundled));
    }

    @Test
    void undefinedTermsAreStillReportedOnTheFastPath() throws Exception {
        JsonNode doc = Json.parse("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\","
                + "\"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json\"],"
                + "\"type\":[\"VerifiableCredential\",\"NoSuchType\"],\"credentialSubject\":{\"fooBar\":1}}");
        List<String> fast = findings(FAST, doc);
        assertThat(fast).isEqualTo(findings(FULL, doc));
        assertThat(String.join("\n", fast)).contains("JSONLD-UNDEFINED-TYPE /type/1", "JSONLD-UNDEFINED-TERM /credentialSubject/fooBar");
    }

    private static List<String> findings(JsonLdCheck check, JsonNode doc) {
        Findings out = new Findings(Set.of());
        check.check(doc, out);
        return out.list().stream().map(x -> x.ruleId() + " " + x.path() + " " + x.message()).toList();
    }

    private record Outcome(JsonArray expanded, Object error) {}

    private interface Expand {
        JsonArray run() throws JsonLdError;
    }

    private static Outcome outcome(Expand e) {
        try {
            return new Outcome(e.run(), null);
        } catch (JsonLdError err) {
            return new Outcome(null, err.getCode());
        }
    }
}
