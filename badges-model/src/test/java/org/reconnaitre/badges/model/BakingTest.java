package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reconnaitre.badges.model.BakedCredential.Encoding;
import org.reconnaitre.badges.model.BakedCredential.Format;
import org.reconnaitre.badges.model.BakedCredential.Version;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.testing.SharedData;

class BakingTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = BakingTest.class.getResourceAsStream("/baking/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    private static final String OB3_JSON = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"urn:uuid:7c5a8b7e-1f0a-4f43-9b7e-1b1f6f0f4d21","type":["VerifiableCredential","OpenBadgeCredential"],
             "issuer":{"id":"https://example.org/issuer","type":["Profile"],"name":"Café <Été> & ]]> Co"},
             "validFrom":"2024-01-01T00:00:00Z","name":"Teamwork",
             "credentialSubject":{"type":["AchievementSubject"],"achievement":{"id":"https://example.org/a/1",
               "type":["Achievement"],"name":"Teamwork","description":"d","criteria":{"narrative":"n"}}}}""";
    private static final String OB2_JSON = """
            {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertion/1",
             "recipient":{"type":"email","hashed":false,"identity":"alice@example.org"},
             "badge":"https://example.org/badge.json","verification":{"type":"hosted"},"issuedOn":"2024-01-01T00:00:00Z"}""";
    private static final String CLR_JSON = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"],
             "id":"urn:uuid:0b1c2d3e-0000-4000-8000-000000000001","type":["VerifiableCredential","ClrCredential"],
             "issuer":{"id":"https://example.edu","type":["Profile"]},"validFrom":"2024-01-01T00:00:00Z","name":"T",
             "credentialSubject":{"type":["ClrSubject"],"verifiableCredential":[]}}""";
    // A compact JWS whose payload is the OB 2.0 assertion above (signature bytes are irrelevant to baking).
    private static final String OB2_JWS = "eyJhbGciOiJSUzI1NiJ9."
            + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(OB2_JSON.getBytes(StandardCharsets.UTF_8))
            + ".c2lnbmF0dXJl";
    private static final String OB3_JWS = "eyJhbGciOiJFUzI1NiJ9."
            + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(OB3_JSON.getBytes(StandardCharsets.UTF_8))
            + ".c2ln";

    // ---- the shared 1EdTech fixtures -------------------------------------------------------

    @Test
    void unbakesEvery1EdTechBakedFixture() throws Exception {
        Path root = SharedData.openbadges().resolve("fixtures/1edtech-validator");
        List<Path> images;
        try (Stream<Path> s = Files.walk(root)) {
            images = s.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("assets"))
                    .sorted().toList();
        }
        assertThat(images).extracting(p -> root.relativize(p).toString()).containsExactlyInAnyOrder(
                "ob20/simple-badge.png", "ob30/simple-json.png", "ob30/simple-json.svg", "ob30/simple-jwt.png",
                "ob30/simple-jwt.svg", "ob30/simple-jwt_v1.png", "ob30/simple-jwt_v1.svg");
        for (Path image : images) {
            byte[] bytes = Files.readAllBytes(image);
            assertThat(Baking.isImage(bytes)).as(image.toString()).isTrue();
            BakedCredential found = Baking.unbake(bytes);
            String name = image.getFileName().toString();
            assertThat(found.format()).as(name).isEqualTo(name.endsWith(".png") ? Format.PNG : Format.SVG);
            if (name.startsWith("simple-badge")) {
                assertThat(found.version()).isEqualTo(Version.OB2);
                assertThat(found.encoding()).isEqualTo(Encoding.JSON);
                assertThat(Json.parse(found.content()).path("type").asText()).isEqualTo("Assertion");
            } else if (name.startsWith("simple-json")) {
                assertThat(found.version()).as(name).isEqualTo(Version.OB3);
                assertThat(found.encoding()).as(name).isEqualTo(Encoding.JSON);
                assertThat(Json.parse(found.content()).path("id").asText()).isEqualTo("http://example.com/credentials/3527");
            } else {
                assertThat(found.version()).as(name).isEqualTo(Version.OB3);
                assertThat(found.encoding()).as(name).isEqualTo(Encoding.JWS);
                assertThat(found.content()).startsWith("eyJ").doesNotContainAnyWhitespaces();
            }
        }
        // the PNG and SVG JSON variants carry the same credential
        assertThat(Json.parse(Baking.unbake(Files.readAllBytes(root.resolve("ob30/simple-json.png"))).content()))
                .isEqualTo(Json.parse(Baking.unbake(Files.readAllBytes(root.resolve("ob30/simple-json.svg"))).content()));
    }

    @Test
    void plainImagesInTheFixturesCarryNoCredential() throws Exception {
        Path assets = SharedData.openbadges().resolve("fixtures/1edtech-validator/ob20/assets");
        byte[] png = Files.readAllBytes(assets.resolve("robotics-badge.png"));
        assertThatThrownBy(() -> Baking.unbake(png)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("carries no credential")
                .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_IMAGE));
    }

    @Test
    void bakesAndUnbakesTheClrFixturesAndTheOb20Jwt() throws Exception {
        Path fixtures = SharedData.openbadges().resolve("fixtures/1edtech-validator");
        String clr = Files.readString(fixtures.resolve("clr20/simple.json"));
        String clrJwt = Files.readString(fixtures.resolve("clr20/simple.jwt")).strip();
        String ob2Jwt = Files.readString(fixtures.resolve("ob20/simple.jwt")).strip();
        for (byte[] image : List.of(resource("tiny.png"), resource("tiny.svg"))) {
            BakedCredential a = Baking.unbake(Baking.bake(image, clr));
            assertThat(a.version()).isEqualTo(Version.CLR2);
            assertThat(a.content()).isEqualTo(clr.strip());
            BakedCredential b = Baking.unbake(Baking.bake(image, clrJwt));
            assertThat(b.version()).isEqualTo(Version.CLR2);
            assertThat(b.encoding()).isEqualTo(Encoding.JWS);
            BakedCredential c = Baking.unbake(Baking.bake(image, ob2Jwt));
            assertThat(c.version()).isEqualTo(Version.OB2);
            assertThat(c.content()).isEqualTo(ob2Jwt);
        }
        byte[] svg = Baking.bake(resource("tiny.svg"), clr);
        assertThat(new String(svg, StandardCharsets.UTF_8))
                .contains("<clr:credential xmlns:clr=\"https://purl.imsglobal.org/clr/v2p0\">");
    }

    // ---- round trips on our own images --------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"tiny.png", "tiny.svg"})
    void roundTripsEveryVersionAndEncoding(String image) throws Exception {
        byte[] original = resource(image);
        Format format = image.endsWith(".png") ? Format.PNG : Format.SVG;
        record Case(String text, Version version, Encoding encoding) {}
        List<Case> cases = List.of(
                new Case(OB3_JSON, Version.OB3, Encoding.JSON),
                new Case(OB3_JWS, Version.OB3, Encoding.JWS),
                new Case(CLR_JSON, Version.CLR2, Encoding.JSON),
                new Case(OB2_JSON, Version.OB2, Encoding.JSON),
                new Case(OB2_JWS, Version.OB2, Encoding.JWS),
                new Case("https://example.org/assertion/1", Version.OB2, Encoding.URL));
        for (Case c : cases) {
            byte[] baked = Baking.bake(original, c.text());
            BakedCredential found = Baking.unbake(baked);
            assertThat(found).as(c.version() + " " + c.encoding())
                    .isEqualTo(new BakedCredential(format, c.version(), c.encoding(), c.text().strip()));
            // baking again replaces, never adds
            byte[] twice = Baking.bake(baked, OB3_JSON);
            assertThat(Baking.unbake(twice).content()).isEqualTo(OB3_JSON.strip());
            assertThat(Baking.unbake(twice).version()).isEqualTo(Version.OB3);
        }
    }

    @Test
    void pngBakingInsertsBeforeIendAndKeepsOtherChunks() throws Exception {
        byte[] original = resource("tiny.png");
        byte[] baked = Baking.bake(original, OB3_JSON);
        // the original chunks up to (not including) IEND are kept byte for byte
        int iend = original.length - 12;
        assertThat(java.util.Arrays.copyOf(baked, iend)).isEqualTo(java.util.Arrays.copyOf(original, iend));
        assertThat(new String(baked, iend + 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("iTXt");
        assertThat(new String(baked, baked.length - 8, 4, StandardCharsets.ISO_8859_1)).isEqualTo("IEND");
        byte[] rebaked = Baking.bake(baked, OB2_JSON);
        assertThat(rebaked.length - baked.length)
                .isEqualTo(OB2_JSON.strip().getBytes(StandardCharsets.UTF_8).length
                        - OB3_JSON.strip().getBytes(StandardCharsets.UTF_8).length
                        + "openbadges".length() - "openbadgecredential".length());
    }

    @Test
    void rebakesTheFixtureSvgWithADoctypeInPlace() throws Exception {
        byte[] svg = Files.readAllBytes(SharedData.openbadges().resolve("fixtures/1edtech-validator/ob30/simple-json.svg"));
        byte[] rebaked = Baking.bake(svg, OB3_JWS);
        String text = new String(rebaked, StandardCharsets.UTF_8);
        // everything before the credential element is kept byte for byte (CRLF line ends, DOCTYPE included)
        String original = new String(svg, StandardCharsets.UTF_8);
        int at = original.indexOf("<openbadges:credential");
        assertThat(text).startsWith(original.substring(0, at)).contains("<!DOCTYPE svg PUBLIC");
        assertThat(text.strip()).endsWith("</svg>");
        assertThat(text.split("purl.imsglobal.org/ob/v3p0\"", -1)).hasSize(3); // root declaration + new element
        assertThat(text).doesNotContain("<![CDATA[");
        assertThat(Baking.unbake(rebaked).content()).isEqualTo(OB3_JWS);
    }

    @Test
    void svgWithSelfClosingRootAndCdataTerminatorInTheCredential() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] baked = Baking.bake(svg, OB3_JSON);
        BakedCredential found = Baking.unbake(baked);
        assertThat(found.content()).isEqualTo(OB3_JSON.strip()).contains("]]>");
        assertThat(new String(baked, StandardCharsets.UTF_8)).endsWith("</svg>");
    }

    @Test
    void svgHostedAssertionWithItsUrlAndItsBody() throws Exception {
        // the form the OB 2.0 baking specification shows: verify = the assertion's URL, body = that assertion
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
                  <openbadges:assertion verify="https://example.org/assertion/1"><![CDATA[%s]]></openbadges:assertion>
                </svg>""".formatted(OB2_JSON);
        BakedCredential found = Baking.unbake(svg.getBytes(StandardCharsets.UTF_8));
        assertThat(found.encoding()).isEqualTo(Encoding.JSON);
        assertThat(found.content()).isEqualTo(OB2_JSON.strip());
    }

    /** One element, two credentials: refused whichever way they are combined (issue #22 §4). */
    @Test
    void svgElementWithTwoCredentialsIsRefused() {
        String escaped = OB2_JSON.replace("&", "&amp;").replace("<", "&lt;");
        String otherId = OB2_JSON.replace("https://example.org/assertion/1", "https://example.org/assertion/2");
        String noId = OB2_JSON.replace("\"id\":\"https://example.org/assertion/1\",", "");
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("signature in verify, assertion in body", """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
                  <ob:assertion verify="%s">%s</ob:assertion>
                </svg>""".formatted(OB2_JWS, escaped));
        cases.put("signature in verify, anything in body", """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
                  <ob:assertion verify="%s">x</ob:assertion>
                </svg>""".formatted(OB2_JWS));
        cases.put("URL of one assertion, body of another", """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
                  <ob:assertion verify="https://example.org/assertion/1"><![CDATA[%s]]></ob:assertion>
                </svg>""".formatted(otherId));
        cases.put("URL, body without an id", """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
                  <ob:assertion verify="https://example.org/assertion/1"><![CDATA[%s]]></ob:assertion>
                </svg>""".formatted(noId));
        cases.put("URL, body is a signature", """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
                  <ob:assertion verify="https://example.org/assertion/1">%s</ob:assertion>
                </svg>""".formatted(OB2_JWS));
        cases.put("OB 3.0: JWT in verify, JSON in body", """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0">
                  <ob:credential verify="%s"><![CDATA[%s]]></ob:credential>
                </svg>""".formatted(OB3_JWS, OB3_JSON.replace("]]>", "]]]]><![CDATA[>")));
        cases.forEach((name, svg) -> assertThatThrownBy(() -> Baking.unbake(svg.getBytes(StandardCharsets.UTF_8)))
                .as(name)
                .isInstanceOf(BadgeException.class)
                .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_IMAGE))
                .hasMessageContaining("both a verify attribute and a body")
                .hasMessageContaining("exactly one credential"));
    }

    @Test
    void svgWithOnlyOneOfVerifyOrBodyStillUnbakes() throws Exception {
        String signed = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
                  <ob:assertion verify="%s"/>
                </svg>""".formatted(OB2_JWS);
        assertThat(Baking.unbake(signed.getBytes(StandardCharsets.UTF_8)).content()).isEqualTo(OB2_JWS);
        String whitespaceBody = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
                  <ob:assertion verify="%s">
                  </ob:assertion>
                </svg>""".formatted(OB2_JWS);
        assertThat(Baking.unbake(whitespaceBody.getBytes(StandardCharsets.UTF_8)).encoding()).isEqualTo(Encoding.JWS);
    }

    @Test
    void legacyTextChunkWithAUrl() throws Exception {
        byte[] png = BakingPngs.from(resource("tiny.png"))
                .insertBeforeIend("tEXt", BakingPngs.bytes("openbadges\0https://example.org/assertion/1"))
                .build();
        BakedCredential found = Baking.unbake(png);
        assertThat(found).isEqualTo(new BakedCredential(Format.PNG, Version.OB2, Encoding.URL, "https://example.org/assertion/1"));
    }

    @Test
    void compressedItxtWithinTheLimitIsInflated() throws Exception {
        byte[] png = BakingPngs.from(resource("tiny.png"))
                .insertBeforeIend("iTXt", BakingPngs.itxt("openbadgecredential", OB3_JSON, true))
                .build();
        assertThat(Baking.unbake(png).content()).isEqualTo(OB3_JSON.strip());
    }

    @Test
    void refusesWhatIsNotACredentialOrAnImage() throws Exception {
        assertThat(Baking.isImage("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Baking.isImage(resource("tiny.png"))).isTrue();
        assertThat(Baking.isImage(resource("tiny.svg"))).isTrue();
        assertThat(Baking.isImage("<html><svg/></html>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThatThrownBy(() -> Baking.unbake("GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("Not a badge image");
        assertThatThrownBy(() -> Baking.bake(resource("tiny.png"), "{\"type\":\"Thing\"}"))
                .isInstanceOf(BadgeException.class)
                .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT))
                .hasMessageContaining("neither an Open Badges 2.0 Assertion nor a Verifiable Credential");
        assertThatThrownBy(() -> Baking.bake(resource("tiny.png"), "hello world"))
                .hasMessageContaining("neither JSON, a compact JWS nor");
        assertThatThrownBy(() -> Baking.bake(resource("tiny.svg"), "https://example.org/x", Version.OB3))
                .hasMessageContaining("only Open Badges 2.0 images may point to a hosted assertion");
    }
}
