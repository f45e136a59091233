package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.testing.SharedData;

/**
 * Read → write is lossless: the JSON a document type writes equals, as a Jackson tree, the JSON it
 * was read from. Runs over the committed fixtures always, and over every JSON fixture and vector
 * of the shared conformance folder when it is configured.
 */
class RoundTripTest {

    static String resource(String name) throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("fixtures/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ob30-basic-openbadgecredential.json", "ob30-simple-vc11.json", "clr20-simple.json",
            "ob20-assertion.json", "ob20-badgeclass.json", "ob20-issuer.json", "ob20-revocationlist.json"})
    void committedFixturesRoundTrip(String name) throws Exception {
        String text = resource(name);
        OpenBadgesDocument doc = OpenBadges.read(text);
        assertThat(Json.parse(doc.toJson())).isEqualTo(Json.parse(text));
        assertThat(Json.parse(doc.toPrettyJson())).isEqualTo(Json.parse(text));
        assertThat(OpenBadges.read(doc.toJson())).isEqualTo(doc);
    }

    @Test
    void committedFixturesAreReadAsTheRightType() throws Exception {
        assertThat(OpenBadges.read(resource("ob30-basic-openbadgecredential.json"))).isInstanceOf(AchievementCredential.class);
        assertThat(OpenBadges.read(resource("ob30-simple-vc11.json"))).isInstanceOf(AchievementCredential.class);
        assertThat(OpenBadges.read(resource("clr20-simple.json"))).isInstanceOf(ClrCredential.class);
        assertThat(OpenBadges.read(resource("ob20-assertion.json"))).isInstanceOf(Assertion.class);
        assertThat(OpenBadges.read(resource("ob20-badgeclass.json"))).isInstanceOf(BadgeClass.class);
        assertThat(OpenBadges.read(resource("ob20-issuer.json"))).isInstanceOf(IssuerProfile.class);
        assertThat(OpenBadges.read(resource("ob20-revocationlist.json"))).isInstanceOf(RevocationList.class);
    }

    @Test
    void nestedCredentialsOfAClrKeepTheirShape() throws Exception {
        ClrCredential clr = OpenBadges.read(resource("clr20-simple.json"), ClrCredential.class);
        List<Credential> inner = clr.credentialSubject().orElseThrow().verifiableCredential();
        assertThat(inner).isNotEmpty().allMatch(c -> c instanceof AchievementCredential);
        for (Credential c : inner) {
            assertThat(Json.parse(c.toJson())).isEqualTo(Json.parse(c.json().toJson()));
            assertThat(c.proof()).isNotEmpty();
        }
    }

    /** Every JSON file of fixtures/ and vectors/ in the shared folder. */
    @TestFactory
    Stream<DynamicTest> sharedFixturesRoundTrip() throws IOException {
        Path root = SharedData.openbadges();
        JsonNode manifest = Json.mapper().readTree(root.resolve("manifest.json").toFile());
        Map<String, String> documentTypes = new TreeMap<>();
        manifest.get("fixtures").forEach(f -> documentTypes.put(f.get("file").asText(),
                f.path("documentType").isTextual() ? f.get("documentType").asText() : ""));
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("fixtures", "vectors")) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                s.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".json") || p.getFileName().toString().equals("testlist")))
                        .sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(300);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            tests.add(DynamicTest.dynamicTest(rel, () -> roundTrip(file, documentTypes.getOrDefault(rel, ""))));
        }
        tests.add(DynamicTest.dynamicTest("typed documents were read", () -> {
            assertThat(READ.getOrDefault("AchievementCredential", 0)).isGreaterThanOrEqualTo(70);
            assertThat(READ.getOrDefault("ClrCredential", 0)).isGreaterThanOrEqualTo(5);
            assertThat(READ.getOrDefault("EndorsementCredential", 0)).isGreaterThanOrEqualTo(3);
            assertThat(READ.getOrDefault("Assertion", 0)).isGreaterThanOrEqualTo(20);
            assertThat(READ.getOrDefault("BadgeClass", 0)).isGreaterThanOrEqualTo(20);
            assertThat(READ.getOrDefault("IssuerProfile", 0)).isGreaterThanOrEqualTo(10);
            assertThat(READ.getOrDefault("RevocationList", 0)).isGreaterThanOrEqualTo(3);
            assertThat(READ.getOrDefault("rebuilt", 0)).isGreaterThanOrEqualTo(60);
        }));
        return tests.stream();
    }

    private static final Map<String, Integer> READ = new java.util.concurrent.ConcurrentHashMap<>();

    private static void roundTrip(Path file, String documentType) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode expected;
        try {
            expected = Json.parse(text);
        } catch (BadgeException notJson) {
            // Not strict JSON (comments, a URL line): the SDK must refuse it the same way.
            assertThatThrownBy(() -> OpenBadges.read(text)).isInstanceOf(BadgeException.class)
                    .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_JSON);
            return;
        }
        JsonValue value = JsonValue.parse(text);
        assertThat(Json.parse(value.toJson())).as("JsonValue round trip").isEqualTo(expected);
        List<JsonValue> documents = new ArrayList<>();
        documents.add(value);
        if (value instanceof JsonValue.ObjectValue o) {
            o.get("unsignedCredential").ifPresent(documents::add);   // 1EdTech vector.json files
            o.get("signedCredential").ifPresent(documents::add);
        }
        for (JsonValue v : documents) {
            OpenBadgesDocument doc;
            try {
                doc = OpenBadges.read(v);
            } catch (BadgeException e) {
                assertThat(e.code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT);
                assertThat(documentType).as("an Open Badges document type must be read: " + e.getMessage())
                        .doesNotContain("OpenBadgeCredential", "AchievementCredential", "ClrCredential",
                                "EndorsementCredential", "BadgeClass", "RevocationList");
                continue;
            }
            READ.merge(doc.getClass().getSimpleName(), 1, Integer::sum);
            JsonNode original = Json.parse(v.toJson());
            // OB 0.5 / 1.x documents are upgraded to the 2.0 shape on read: that shape is what comes back
            original = org.reconnaitre.badges.model.internal.ob2.LegacyUpgrade.upgrade(original, null, null)
                    .map(u -> (JsonNode) u.document()).orElse(original);
            assertThat(Json.parse(doc.toJson())).as("typed round trip").isEqualTo(original);
            assertThat(Json.parse(doc.toPrettyJson())).isEqualTo(original);
            if (documentType.contains("OpenBadgeCredential") || documentType.contains("AchievementCredential")) {
                assertThat(doc).isInstanceOf(AchievementCredential.class);
            } else if (documentType.startsWith("ClrCredential")) {
                assertThat(doc).isInstanceOf(ClrCredential.class);
            } else if (documentType.startsWith("EndorsementCredential")) {
                assertThat(doc).isInstanceOf(EndorsementCredential.class);
            } else if (documentType.equals("Assertion")) {
                assertThat(doc).isInstanceOf(Assertion.class);
            } else if (documentType.equals("BadgeClass")) {
                assertThat(doc).isInstanceOf(BadgeClass.class);
            }
            if (doc instanceof Credential c) {
                touchEveryAccessor(c);
                rebuild(c);
            }
        }
    }

    /** A builder started from a read credential builds the same JSON (or refuses an incomplete one). */
    private static void rebuild(Credential c) {
        Credential rebuilt;
        try {
            if (c instanceof AchievementCredential a) {
                rebuilt = a.toBuilder().build();
            } else if (c instanceof EndorsementCredential e) {
                rebuilt = e.toBuilder().build();
            } else {
                rebuilt = ((ClrCredential) c).toBuilder().build();
            }
        } catch (IllegalStateException incomplete) {
            assertThat(incomplete.getMessage()).containsAnyOf("needs", "before validFrom");
            return;
        }
        assertThat(rebuilt.json()).isEqualTo(c.json());
        assertThat(rebuilt.dataModel()).isEqualTo(c.dataModel());
        READ.merge("rebuilt", 1, Integer::sum);
    }

    /** Typed accessors never throw on real-world content, and views of parts write their JSON. */
    private static void touchEveryAccessor(Credential c) {
        c.dataModel();
        c.name();
        c.description();
        c.validFrom();
        c.validUntil();
        c.issuer().ifPresent(p -> {
            p.name();
            p.url();
            p.image();
        });
        c.proof().forEach(p -> {
            p.created();
            p.cryptosuite();
        });
        c.credentialSchema().forEach(s -> s.id());
        c.credentialStatus().forEach(s -> s.statusListIndex());
        c.evidence().forEach(e -> e.name());
        if (c instanceof AchievementCredential a) {
            a.credentialSubject().ifPresent(s -> {
                s.identifier().forEach(i -> i.matches("someone@example.org"));
                s.achievement().ifPresent(ach -> {
                    ach.alignment().forEach(Alignment::targetUrl);
                    ach.resultDescription().forEach(r -> r.rubricCriterionLevel());
                    ach.criteria().flatMap(Criteria::narrative);
                });
                s.result().forEach(Result::value);
            });
        }
    }
}
