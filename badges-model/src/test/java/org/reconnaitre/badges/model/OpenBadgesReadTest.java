package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenBadgesReadTest {

    @Test
    void readsAVc2OpenBadgeCredential() throws Exception {
        AchievementCredential c = OpenBadges.read(RoundTripTest.resource("ob30-basic-openbadgecredential.json"), AchievementCredential.class);
        assertThat(c.dataModel()).isEqualTo(DataModel.VC_2_0);
        assertThat(c.validFrom()).contains(OffsetDateTime.parse("2010-01-01T00:00:00Z"));
        assertThat(c.issuer().flatMap(Profile::id)).contains(URI.create("https://example.com/issuers/876543"));
        Achievement a = c.credentialSubject().orElseThrow().achievement().orElseThrow();
        assertThat(a.name().map(n -> n.get(Locale.ENGLISH))).contains("Teamwork");
        assertThat(c.name().map(LangString::defaultValue)).contains("Teamwork Badge");
        assertThat(a.criteria().flatMap(Criteria::narrative)).hasValueSatisfying(n -> assertThat(n).isNotBlank());
    }

    @Test
    void readsAVc11CredentialWithTheSameAccessors() throws Exception {
        AchievementCredential c = OpenBadges.read(RoundTripTest.resource("ob30-simple-vc11.json"), AchievementCredential.class);
        assertThat(c.dataModel()).isEqualTo(DataModel.VC_1_1);
        assertThat(c.json().has("issuanceDate")).isTrue();
        assertThat(c.validFrom()).isPresent();
        assertThat(c.validFrom().orElseThrow().toString()).isEqualTo(
                OffsetDateTime.parse(c.property("issuanceDate").orElseThrow().asString().orElseThrow()).toString());
        assertThat(c.proof()).hasSize(1);
        assertThat(c.proof().get(0).types()).containsExactly("Ed25519Signature2020");
    }

    @Test
    void readsOb2Documents() throws Exception {
        BadgeClass b = OpenBadges.read(RoundTripTest.resource("ob20-badgeclass.json"), BadgeClass.class);
        assertThat(b.alignment()).hasSize(2);
        assertThat(b.alignment().get(1).targetFramework()).contains("Mozilla 21st Century Skills");
        assertThat(b.tags()).containsExactly("robots", "awesome");
        assertThat(b.criteria().flatMap(Criteria::id)).contains(URI.create("https://example.org/robotics-badge.html"));
        assertThat(b.issuer().flatMap(IssuerProfile::id)).contains(URI.create("https://example.org/organization.json"));
        RevocationList list = OpenBadges.read(RoundTripTest.resource("ob20-revocationlist.json"), RevocationList.class);
        assertThat(list.isRevoked("urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e")).isTrue();
        assertThat(list.revocationReason("abc123")).contains("Issued in error.");
        assertThat(list.isRevoked("urn:uuid:00000000-0000-0000-0000-000000000000")).isFalse();
        Assertion a = OpenBadges.read(RoundTripTest.resource("ob20-assertion.json"), Assertion.class);
        assertThat(a.issuedOn()).contains(OffsetDateTime.parse("2016-12-31T23:59:59Z"));
        assertThat(a.badgeEmbedded()).isFalse();
        assertThat(a.recipientHashed()).isTrue();
    }

    @Test
    void wrongKindsAreInvalidDocuments() {
        assertThatThrownBy(() -> OpenBadges.read("[1,2]")).isInstanceOf(BadgeException.class)
                .hasMessageContaining("expected a JSON object, found an array")
                .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT);
        assertThatThrownBy(() -> OpenBadges.read("{\"type\":[\"VerifiableCredential\"]}"))
                .isInstanceOf(BadgeException.class).hasMessageContaining("[\"VerifiableCredential\"]")
                .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.INVALID_DOCUMENT);
        assertThatThrownBy(() -> OpenBadges.read(RoundTripTest.resource("ob20-badgeclass.json"), AchievementCredential.class))
                .isInstanceOf(BadgeException.class).hasMessageContaining("Expected AchievementCredential but the document is BadgeClass");
        assertThatThrownBy(() -> OpenBadges.readCredential("{\"type\":\"Assertion\""))
                .isInstanceOf(BadgeException.class)
                .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_JSON);
        // an exponent beyond BigDecimal's range (found by badges-fuzz): a typed error, not a NumberFormatException
        assertThatThrownBy(() -> OpenBadges.read("{\"type\":\"Assertion\",\"a\":2E2222222222222222222222}"))
                .isInstanceOf(BadgeException.class).hasMessageContaining("exponent is too large")
                .extracting(e -> ((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_JSON);
    }

    @Test
    void toStringNamesTheTypeAndAShortId() {
        assertThat(Criteria.of(URI.create("https://example.org/c"), null).toString()).isEqualTo("Criteria[https://example.org/c]");
        String dataUri = "data:image/png;base64," + "A".repeat(500);
        assertThat(Image.of(URI.create(dataUri), null).toString()).hasSizeLessThan(120).startsWith("Image[data:image/png");
    }

    @Test
    void accessorsAreLenientOnMalformedValues() throws Exception {
        AchievementCredential c = OpenBadges.read("{\"type\":\"OpenBadgeCredential\",\"id\":\"not a uri\",\"validFrom\":\"yesterday\","
                + "\"issuer\":42,\"credentialSubject\":\"x\",\"proof\":[1,{\"type\":\"DataIntegrityProof\"}]}", AchievementCredential.class);
        assertThat(c.id()).isEmpty();
        assertThat(c.validFrom()).isEmpty();
        assertThat(c.issuer()).isEmpty();
        assertThat(c.credentialSubject().flatMap(AchievementSubject::id)).isEmpty();
        assertThat(c.proof()).hasSize(1);
        assertThat(c.name()).isEmpty();
    }
}
