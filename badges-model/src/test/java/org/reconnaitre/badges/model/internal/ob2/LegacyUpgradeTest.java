package org.reconnaitre.badges.model.internal.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Assertion;
import org.reconnaitre.badges.model.BadgeClass;
import org.reconnaitre.badges.model.IssuerProfile;
import org.reconnaitre.badges.model.OpenBadges;
import org.reconnaitre.badges.model.OpenBadgesDocument;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.ob2.LegacyUpgrade.Kind;
import org.reconnaitre.badges.model.internal.ob2.LegacyUpgrade.Upgraded;

/** OB 0.5 / 1.0 / 1.1 documents (written for this project, shaped per those specs) upgraded to 2.0. */
class LegacyUpgradeTest {
    static final String V11 = """
            {"@context": "https://w3id.org/openbadges/v1", "type": "Assertion",
             "id": "https://legacy.example/assertions/1.json", "uid": "a-1",
             "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
             "badge": "https://legacy.example/badges/robotics.json",
             "verify": {"type": "hosted", "url": "https://legacy.example/assertions/1.json"},
             "issuedOn": 1483228799}""";
    static final String V10 = """
            {"uid": "a-2", "recipient": {"type": "email", "hashed": true, "salt": "s",
              "identity": "sha256$0000000000000000000000000000000000000000000000000000000000000000"},
             "badge": "https://legacy.example/badges/robotics.json",
             "verify": {"type": "signed", "url": "https://legacy.example/public-key.pem"},
             "issuedOn": "2014-05-01", "expires": "1893456000"}""";
    static final String V05 = """
            {"recipient": "sha256$1111111111111111111111111111111111111111111111111111111111111111", "salt": "pepper",
             "issued_on": "2013-02-03",
             "badge": {"version": "0.5.0", "name": "Old badge", "image": "/img/old.png", "description": "Old.",
               "criteria": "/criteria.html",
               "issuer": {"origin": "https://old.example", "name": "Old Issuer", "org": "Old Org",
                          "contact": "badges@old.example"}}}""";

    static Upgraded up(String json, Kind hint, String from) throws Exception {
        return LegacyUpgrade.upgrade(Json.parse(json), hint, from).orElseThrow();
    }

    @Test
    void v11HostedAssertion() throws Exception {
        Upgraded u = up(V11, null, null);
        assertThat(u.version()).isEqualTo("1.1");
        assertThat(u.kind()).isEqualTo(Kind.ASSERTION);
        JsonNode d = u.document();
        assertThat(d.get("@context").asText()).isEqualTo("https://w3id.org/openbadges/v2");
        assertThat(d.get("verification").get("type").asText()).isEqualTo("hosted");
        assertThat(d.has("verify")).isFalse();
        assertThat(d.get("issuedOn").asText()).isEqualTo("2016-12-31T23:59:59Z");
        assertThat(u.summary()).startsWith("Open Badges 1.1 assertion upgraded to 2.0 on read")
                .contains("issuedOn 1483228799 became 2016-12-31T23:59:59Z");
    }

    @Test
    void v10SignedAssertionWithDatesAndHostedIdFromVerifyUrl() throws Exception {
        Upgraded u = up(V10, null, null);
        assertThat(u.version()).isEqualTo("1.0");
        JsonNode d = u.document();
        assertThat(d.get("type").asText()).isEqualTo("Assertion");
        assertThat(d.get("verification").get("creator").asText()).isEqualTo("https://legacy.example/public-key.pem");
        assertThat(d.get("issuedOn").asText()).isEqualTo("2014-05-01T00:00:00Z");
        assertThat(d.get("expires").asText()).isEqualTo("2030-01-01T00:00:00Z");
        Upgraded hosted = up(V10.replace("signed", "hosted").replace("public-key.pem", "assertions/2.json"), null, null);
        assertThat(hosted.document().get("id").asText()).isEqualTo("https://legacy.example/assertions/2.json");
    }

    @Test
    void v10LinkedDocumentsAreRecognisedByTheirRole() throws Exception {
        String badge = """
                {"name": "Robotics", "description": "Robots.", "image": "https://legacy.example/r.png",
                 "criteria": "https://legacy.example/criteria", "issuer": "https://legacy.example/issuer.json"}""";
        Upgraded b = up(badge, Kind.BADGE_CLASS, "https://legacy.example/badges/robotics.json");
        assertThat(b.document().get("type").asText()).isEqualTo("BadgeClass");
        assertThat(b.document().get("id").asText()).isEqualTo("https://legacy.example/badges/robotics.json");
        Upgraded i = up("{\"name\": \"Legacy U\", \"url\": \"https://legacy.example\"}", Kind.ISSUER,
                "https://legacy.example/issuer.json");
        assertThat(i.document().get("type").asText()).isEqualTo("Issuer");
        assertThat(i.document().at("/verification/allowedOrigins/0").asText()).isEqualTo("legacy.example");
        Upgraded rl = up("{\"a-2\": \"Cheated\", \"a-9\": \"Duplicate\"}", Kind.REVOCATION_LIST, "https://legacy.example/rl");
        assertThat(rl.document().get("type").asText()).isEqualTo("RevocationList");
        assertThat(rl.document().at("/revokedAssertions/0/uid").asText()).isEqualTo("a-2");
        assertThat(rl.document().at("/revokedAssertions/0/revocationReason").asText()).isEqualTo("Cheated");
        assertThat(LegacyUpgrade.version(Json.parse(badge), null)).as("without a role a bare object is not guessed").isNull();
    }

    @Test
    void v05AssertionWithEmbeddedBadgeAndIssuer() throws Exception {
        Upgraded u = up(V05, null, null);
        assertThat(u.version()).isEqualTo("0.5");
        JsonNode d = u.document();
        assertThat(d.at("/recipient/type").asText()).isEqualTo("email");
        assertThat(d.at("/recipient/hashed").asBoolean()).isTrue();
        assertThat(d.at("/recipient/salt").asText()).isEqualTo("pepper");
        assertThat(d.get("issuedOn").asText()).isEqualTo("2013-02-03T00:00:00Z");
        assertThat(d.has("verification")).isFalse();
        assertThat(d.at("/badge/type").asText()).isEqualTo("BadgeClass");
        assertThat(d.at("/badge/image").asText()).isEqualTo("https://old.example/img/old.png");
        assertThat(d.at("/badge/issuer/type").asText()).isEqualTo("Issuer");
        assertThat(d.at("/badge/issuer/id").asText()).isEqualTo("https://old.example");
        assertThat(d.at("/badge/issuer/name").asText()).isEqualTo("Old Issuer (Old Org)");
        assertThat(u.summary()).contains("no verification method");
    }

    @Test
    void outOfRangeTimestampsAreLeftAsTheyAreInsteadOfThrowing() throws Exception {
        for (String bad : new String[] {"99999999999999999999999", "-5", "999999999999", "\"2014-13-45\""}) {
            String json = V11.replace("1483228799", bad);
            Upgraded u = up(json, null, null);
            assertThat(u.document().get("issuedOn").toString()).as(bad).isEqualTo(Json.parse(bad).toString());
            assertThat(OpenBadges.read(json)).isInstanceOf(Assertion.class);
        }
    }

    @Test
    void currentDocumentsAreLeftAlone() throws Exception {
        assertThat(LegacyUpgrade.upgrade(Json.parse("{\"@context\": \"https://w3id.org/openbadges/v2\", \"type\": "
                + "\"Assertion\", \"badge\": \"x\", \"recipient\": \"y\"}"), null, null)).isEmpty();
        assertThat(LegacyUpgrade.upgrade(Json.parse("{\"type\": [\"Achievement\"], \"name\": \"n\"}"), null, null)).isEmpty();
        assertThat(LegacyUpgrade.upgrade(Json.parse("[1]"), null, null)).isEmpty();
    }

    @Test
    void openBadgesReadUpgradesOnRead() throws Exception {
        OpenBadgesDocument a = OpenBadges.read(V11);
        assertThat(a).isInstanceOf(Assertion.class);
        assertThat(a.toJson()).contains("https://w3id.org/openbadges/v2").contains("2016-12-31T23:59:59Z");
        assertThat(OpenBadges.read(V10, Assertion.class).toJson()).contains("\"verification\"");
        Assertion old = OpenBadges.read(V05, Assertion.class);
        assertThat(old.toJson()).contains("\"BadgeClass\"");
        String v11Badge = "{\"@context\": \"https://w3id.org/openbadges/v1\", \"type\": \"BadgeClass\", \"id\": \"https://x.example/b\","
                + " \"name\": \"B\", \"issuer\": \"https://x.example/i\"}";
        assertThat(OpenBadges.read(v11Badge)).isInstanceOf(BadgeClass.class);
        String v11Issuer = "{\"@context\": \"https://w3id.org/openbadges/v1\", \"type\": \"Issuer\", \"id\": \"https://x.example/i\","
                + " \"name\": \"I\", \"url\": \"https://x.example\"}";
        assertThat(OpenBadges.read(v11Issuer)).isInstanceOf(IssuerProfile.class);
    }
}
