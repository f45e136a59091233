package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.testing.SharedData;

class OpenBadges2ConverterTest {

    private static AchievementCredential convertSpecExample() throws Exception {
        return OpenBadges2Converter.toOpenBadges3(
                OpenBadges.read(RoundTripTest.resource("ob20-assertion.json"), Assertion.class),
                OpenBadges.read(RoundTripTest.resource("ob20-badgeclass.json"), BadgeClass.class),
                OpenBadges.read(RoundTripTest.resource("ob20-issuer.json"), IssuerProfile.class));
    }

    @Test
    void convertsTheSpecificationExample() throws Exception {
        AchievementCredential c = convertSpecExample();
        assertThat(c.contextUrls()).containsExactly(DataModel.VC_2_0.baseContext(), OpenBadges.OB_CONTEXT);
        assertThat(c.types()).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        assertThat(c.id()).contains(URI.create("https://example.org/beths-robotics-badge.json"));
        assertThat(c.validFrom()).contains(OffsetDateTime.parse("2016-12-31T23:59:59Z"));
        assertThat(c.validUntil()).contains(OffsetDateTime.parse("2017-06-30T23:59:59Z"));
        assertThat(c.proof()).isEmpty();

        Profile issuer = c.issuer().orElseThrow();
        assertThat(issuer.id()).contains(URI.create("https://example.org/organization.json"));
        assertThat(issuer.name().map(LangString::defaultValue)).contains("An Example Badge Issuer");
        assertThat(issuer.email()).contains("contact@example.org");
        assertThat(issuer.image().flatMap(Image::id)).contains(URI.create("https://example.org/logo.png"));

        AchievementSubject s = c.credentialSubject().orElseThrow();
        IdentityObject who = s.identifier().get(0);
        assertThat(who.identityType()).contains("emailAddress");
        assertThat(who.hashed()).contains(true);
        assertThat(who.salt()).contains("deadsea");
        assertThat(who.identityHash()).contains("sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5");
        assertThat(s.image().flatMap(Image::id)).contains(URI.create("https://example.org/beths-robot-badge.png"));

        Achievement a = s.achievement().orElseThrow();
        assertThat(a.id()).contains(URI.create("https://example.org/robotics-badge.json"));
        assertThat(a.name().map(n -> n.get(Locale.ENGLISH))).contains("Awesome Robotics Badge");
        assertThat(a.description()).isPresent();
        assertThat(a.criteria().flatMap(Criteria::id)).contains(URI.create("https://example.org/robotics-badge.html"));
        assertThat(a.tag()).containsExactly("robots", "awesome");
        assertThat(a.alignment()).hasSize(2);
        assertThat(a.alignment().get(0).types()).containsExactly("Alignment");
        assertThat(a.alignment().get(0).targetCode()).contains("CCSS.ELA-Literacy.RST.11-12.3");
        assertThat(a.creator().flatMap(Profile::id)).isEqualTo(issuer.id());

        assertThat(c.evidence()).hasSize(1);
        assertThat(c.evidence().get(0).id()).contains(URI.create("https://example.org/beths-robot-work.html"));
        assertThat(c.evidence().get(0).types()).containsExactly("Evidence");
        assertThat(OpenBadges.read(c.toJson())).isEqualTo(c);
    }

    @Test
    void refusesWhatCannotBeConverted() throws Exception {
        Assertion a = OpenBadges.read(RoundTripTest.resource("ob20-assertion.json"), Assertion.class);
        BadgeClass b = OpenBadges.read(RoundTripTest.resource("ob20-badgeclass.json"), BadgeClass.class);
        IssuerProfile i = OpenBadges.read(RoundTripTest.resource("ob20-issuer.json"), IssuerProfile.class);
        assertThatThrownBy(() -> OpenBadges2Converter.toOpenBadges3(a)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("badge is a URL")
                .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT);
        Assertion noDate = Assertion.of(a.json().without("issuedOn"));
        assertThatThrownBy(() -> OpenBadges2Converter.toOpenBadges3(noDate, b, i)).hasMessageContaining("issuedOn");
        Assertion noRecipient = Assertion.of(a.json().without("recipient"));
        assertThatThrownBy(() -> OpenBadges2Converter.toOpenBadges3(noRecipient, b, i)).hasMessageContaining("recipient");
        Assertion badId = Assertion.of(a.json().with("id", JsonValue.of("_:b0")));
        assertThatThrownBy(() -> OpenBadges2Converter.toOpenBadges3(badId, b, i)).hasMessageContaining("absolute URI");
        Assertion expiredFirst = Assertion.of(a.json().with("expires", JsonValue.of("2016-01-01T00:00:00Z")));
        assertThatThrownBy(() -> OpenBadges2Converter.toOpenBadges3(expiredFirst, b, i)).hasMessageContaining("before validFrom");
    }

    @Test
    void usesTheDocumentsOwnIdsAfterARedirect() throws Exception {
        Assertion a = OpenBadges.read(RoundTripTest.resource("ob20-assertion.json"), Assertion.class);
        BadgeClass moved = BadgeClass.of(OpenBadges.read(RoundTripTest.resource("ob20-badgeclass.json"), BadgeClass.class)
                .json().with("id", JsonValue.of("https://badges.example.org/robotics")));
        IssuerProfile i = OpenBadges.read(RoundTripTest.resource("ob20-issuer.json"), IssuerProfile.class);
        AchievementCredential c = OpenBadges2Converter.toOpenBadges3(a, moved, i);
        assertThat(c.credentialSubject().flatMap(AchievementSubject::achievement).flatMap(Achievement::id))
                .contains(URI.create("https://badges.example.org/robotics"));
    }

    @Test
    void dropsBlankNodeIdentifiers() throws Exception {
        Assertion a = OpenBadges.read(RoundTripTest.resource("ob20-assertion.json"), Assertion.class);
        Assertion blank = Assertion.of(a.json().with("evidence", JsonValue.parse("{\"id\":\"_:b1\",\"narrative\":\"Rocked\"}")));
        AchievementCredential c = OpenBadges2Converter.toOpenBadges3(blank,
                OpenBadges.read(RoundTripTest.resource("ob20-badgeclass.json"), BadgeClass.class),
                OpenBadges.read(RoundTripTest.resource("ob20-issuer.json"), IssuerProfile.class));
        assertThat(c.evidence()).hasSize(1);
        assertThat(c.evidence().get(0).property("id")).isEmpty();
        assertThat(c.evidence().get(0).narrative()).contains("Rocked");
    }

    @Test
    void convertsEmbeddedBadgesAndTimestamps() throws Exception {
        String json = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"urn:uuid:2f5c9d4e-0000-4000-8000-000000000001\","
                + "\"recipient\":{\"type\":\"url\",\"hashed\":false,\"identity\":\"https://alice.example.org\"},"
                + "\"issuedOn\":1483228799,\"narrative\":\"Built it.\","
                + "\"evidence\":[{\"id\":\"https://example.org/work\",\"narrative\":\"Video\",\"genre\":\"video\"}],"
                + "\"badge\":{\"type\":\"BadgeClass\",\"id\":\"https://example.org/b\",\"name\":\"B\",\"description\":\"D\","
                + "\"image\":{\"id\":\"https://example.org/b.png\",\"caption\":\"cap\"},"
                + "\"criteria\":{\"narrative\":\"Do it.\"},"
                + "\"issuer\":{\"type\":\"Profile\",\"id\":\"https://example.org/i\",\"name\":\"I\",\"telephone\":\"+33 1 23 45 67 89\"}}}";
        AchievementCredential c = OpenBadges2Converter.toOpenBadges3(OpenBadges.read(json, Assertion.class));
        assertThat(c.property("validFrom").flatMap(JsonValue::asString)).contains("2016-12-31T23:59:59Z");
        AchievementSubject s = c.credentialSubject().orElseThrow();
        assertThat(s.identifier().get(0).identityType()).contains("ext:url");
        assertThat(s.identifier().get(0).matches("https://alice.example.org")).isTrue();
        assertThat(s.narrative()).contains("Built it.");
        Achievement a = s.achievement().orElseThrow();
        assertThat(a.criteria().flatMap(Criteria::narrative)).contains("Do it.");
        assertThat(a.image().flatMap(Image::caption)).contains("cap");
        assertThat(c.issuer().flatMap(Profile::phone)).contains("+33 1 23 45 67 89");
        assertThat(c.evidence().get(0).genre()).contains("video");
    }

    @Test
    void convertsTheSharedValidatorFixtures() throws Exception {
        Path assets = SharedData.require("openbadges/fixtures/1edtech-validator/ob20/assets");
        Path ob20 = assets.getParent();
        Assertion a = OpenBadges.read(Files.readString(ob20.resolve("basic-assertion.json")), Assertion.class);
        BadgeClass b = OpenBadges.read(Files.readString(assets.resolve("robotics-badge.json")), BadgeClass.class);
        IssuerProfile i = OpenBadges.read(Files.readString(assets.resolve("organization.json")), IssuerProfile.class);
        AchievementCredential c = OpenBadges2Converter.toOpenBadges3(a, b, i);
        assertThat(c.credentialSubject().orElseThrow().achievement().flatMap(Achievement::id)).isEqualTo(b.id());
        assertThat(c.issuer().flatMap(Profile::id)).isEqualTo(i.id());
        assertThat(c.validFrom()).isEqualTo(a.issuedOn());
    }

    /**
     * Every OB 2.0 assertion of the shared fixtures, with its badge and issuer served from the
     * validator's example.org assets: converts, and the result passes the Validator without errors.
     */
    @Test
    void convertsEverySharedAssertion() throws Exception {
        Path fixtures = SharedData.require("openbadges/fixtures");
        Path assets = fixtures.resolve("1edtech-validator/ob20/assets");
        Fetcher fetcher = Fetcher.offline(java.util.Map.of("https://example.org/", assets, "http://example.org/", assets));
        int converted = 0;
        java.util.List<String> refused = new java.util.ArrayList<>();
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (String dir : java.util.List.of("1edtech-validator/ob20", "spec-examples/ob20")) {
            try (var s = Files.list(fixtures.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        for (Path file : files) {
            OpenBadgesDocument doc;
            try {
                doc = OpenBadges.read(Files.readString(file));
            } catch (BadgeException e) {
                continue;
            }
            if (!(doc instanceof Assertion a)) {
                continue;
            }
            try {
                BadgeClass badge = a.badgeEmbedded() ? a.badge().orElseThrow()
                        : OpenBadges.read(fetcher.fetch(a.badge().flatMap(BadgeClass::id).orElseThrow()).text(), BadgeClass.class);
                IssuerProfile issuer = badge.property("issuer").orElseThrow() instanceof JsonValue.ObjectValue
                        ? badge.issuer().orElseThrow()
                        : OpenBadges.read(fetcher.fetch(badge.issuer().flatMap(IssuerProfile::id).orElseThrow()).text(), IssuerProfile.class);
                AchievementCredential c = OpenBadges2Converter.toOpenBadges3(a, badge, issuer);
                assertThat(Validator.standard().validate(c.toJson()).errors()).as(file + "\n" + c.toPrettyJson()).isEmpty();
                assertThat(c.credentialSubject().orElseThrow().identifier()).hasSize(1);
                converted++;
            } catch (BadgeException e) {
                refused.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        assertThat(converted).as("refused: " + refused).isGreaterThanOrEqualTo(18);
        assertThat(refused).as("only an expiry before issuance and a badge on another host are refused").hasSize(2)
                .anyMatch(r -> r.startsWith("basic-assertion-expired-before-issued.json") && r.contains("before validFrom"))
                .anyMatch(r -> r.startsWith("extensions-endorsement-02-assertion.json") && r.contains("Refused to fetch"));
    }
}
