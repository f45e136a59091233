package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CredentialBuilderTest {

    static Achievement achievement() {
        return Achievement.builder()
                .id("https://example.edu/achievements/teamwork")
                .name("Teamwork")
                .description("Works well in a team.")
                .criteria(Criteria.ofNarrative("Led a team project."))
                .alignment(List.of(Alignment.builder().targetName("Teamwork")
                        .targetUrl(URI.create("http://data.europa.eu/esco/skill/teamwork")).build()))
                .build();
    }

    static AchievementCredential.Builder minimal() {
        return AchievementCredential.builder()
                .id("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002")
                .issuer(Profile.builder().id("https://example.edu/issuers/565049").name("Example University").build())
                .validFrom(Instant.parse("2024-01-01T00:00:00Z"))
                .name("Teamwork")
                .credentialSubject(AchievementSubject.builder()
                        .id("did:example:ebfeb1f712ebc6f1c276e12ec21")
                        .achievement(achievement())
                        .build());
    }

    @Test
    void minimalCredentialHasTheVc2ShapeAndTheOb303Context() throws Exception {
        AchievementCredential c = minimal().build();
        assertThat(c.contextUrls()).containsExactly("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(c.types()).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        assertThat(c.dataModel()).isEqualTo(DataModel.VC_2_0);
        assertThat(c.json().members().keySet()).startsWith("@context", "id", "type").contains("validFrom")
                .doesNotContain("issuanceDate");
        assertThat(c.validFrom()).contains(OffsetDateTime.parse("2024-01-01T00:00:00Z"));
        assertThat(c.property("validFrom").orElseThrow().toJson()).isEqualTo("\"2024-01-01T00:00:00Z\"");
        AchievementSubject subject = c.credentialSubject().orElseThrow();
        assertThat(subject.types()).containsExactly("AchievementSubject");
        assertThat(subject.achievement().orElseThrow().criteria().flatMap(Criteria::narrative)).contains("Led a team project.");
        assertThat(subject.achievement().orElseThrow().alignment().get(0).types()).containsExactly("Alignment");
        assertThat(OpenBadges.read(c.toPrettyJson())).isEqualTo(c);
    }

    @Test
    void vc11ShapeUsesIssuanceDate() {
        AchievementCredential c = minimal().dataModel(DataModel.VC_1_1).validUntil(Instant.parse("2030-01-01T00:00:00Z")).build();
        assertThat(c.contextUrls()).first().isEqualTo("https://www.w3.org/2018/credentials/v1");
        assertThat(c.json().has("issuanceDate")).isTrue();
        assertThat(c.json().has("expirationDate")).isTrue();
        assertThat(c.json().has("validFrom")).isFalse();
        assertThat(c.dataModel()).isEqualTo(DataModel.VC_1_1);
        assertThat(c.validFrom()).contains(OffsetDateTime.parse("2024-01-01T00:00:00Z"));
        assertThat(c.validUntil()).contains(OffsetDateTime.parse("2030-01-01T00:00:00Z"));
        AchievementCredential back = c.toBuilder().dataModel(DataModel.VC_2_0).build();
        assertThat(back.contextUrls()).containsExactly(DataModel.VC_2_0.baseContext(), OpenBadges.OB_CONTEXT);
        assertThat(back.json().has("validFrom")).isTrue();
        assertThat(back.json().has("issuanceDate")).isFalse();
        assertThat(back.validUntil()).isEqualTo(c.validUntil());
    }

    @Test
    void requiredPropertiesAndUrisAreChecked() {
        assertThatThrownBy(() -> AchievementCredential.builder().id("urn:uuid:1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer");
        assertThatThrownBy(() -> minimal().id("not a uri")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().issuer(URI.create("relative/path"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Achievement.builder().id("https://example.edu/a").name("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> minimal().validUntil(Instant.parse("2000-01-01T00:00:00Z")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before validFrom");
        assertThatThrownBy(() -> minimal().name((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AchievementSubject.builder().achievement(achievement()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("identifier");
    }

    @Test
    void extensionsAndMultilingualNamesAreWritten() {
        AchievementCredential c = minimal()
                .name(LangString.of("Teamwork", Locale.ENGLISH).with(Locale.FRENCH, "Travail d'équipe"))
                .property("extra", JsonValue.of(java.util.Map.of("k", List.of(1, 2))))
                .build();
        assertThat(c.name().orElseThrow().get(Locale.FRENCH)).isEqualTo("Travail d'équipe");
        assertThat(c.property("extra").orElseThrow().toJson()).isEqualTo("{\"k\":[1,2]}");
        assertThat(c.property("name").orElseThrow()).isInstanceOf(JsonValue.ArrayValue.class);
    }

    @Test
    void singleOrArrayShapesArePreserved() throws Exception {
        String json = minimal().build().json()
                .with("proof", JsonValue.parse("{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\"}"))
                .with("credentialSchema", JsonValue.parse("[{\"id\":\"https://example.org/s.json\",\"type\":\"1EdTechJsonSchemaValidator2019\"}]"))
                .toJson();
        AchievementCredential c = OpenBadges.read(json, AchievementCredential.class);
        assertThat(c.proof()).hasSize(1);
        assertThat(c.proof().get(0).cryptosuite()).contains("eddsa-rdfc-2022");
        assertThat(c.credentialSchema()).hasSize(1);
        assertThat(c.toJson()).isEqualTo(json);
        assertThat(c.property("proof").orElseThrow()).isInstanceOf(JsonValue.ObjectValue.class);
        assertThat(c.property("credentialSchema").orElseThrow()).isInstanceOf(JsonValue.ArrayValue.class);
        assertThat(c.withoutProof().json().has("proof")).isFalse();
        assertThat(c.withoutProof().json().members().keySet()).containsExactlyElementsOf(
                c.json().members().keySet().stream().filter(k -> !k.equals("proof")).toList());
    }

    @Test
    void proofsAreAddedInPlaceAndBecomeProofSets() {
        AchievementCredential c = minimal().build();
        Proof p1 = Proof.builder().cryptosuite("eddsa-rdfc-2022").proofPurpose("assertionMethod")
                .verificationMethod("did:key:z6Mk#z6Mk").proofValue("z1").build();
        Proof p2 = p1.toBuilder().proofValue("z2").build();
        AchievementCredential one = c.withProof(p1);
        assertThat(one.property("proof").orElseThrow()).isEqualTo(p1.json());
        assertThat(one.json().members().keySet()).containsSubsequence(c.json().members().keySet()).endsWith("proof");
        AchievementCredential two = one.withProof(p2);
        assertThat(two.proof()).containsExactly(p1, p2);
        assertThat(two.property("proof").orElseThrow()).isInstanceOf(JsonValue.ArrayValue.class);
        assertThat(two.withoutProof()).isEqualTo(c);
        assertThat(p1.types()).containsExactly("DataIntegrityProof");
        assertThat(p1.property("type").orElseThrow()).isEqualTo(JsonValue.of("DataIntegrityProof"));
        assertThat(Proof.builder().type("Ed25519Signature2020").build().property("type").orElseThrow())
                .isEqualTo(JsonValue.of("Ed25519Signature2020"));
        assertThat(Evidence.builder().type("Evidence", "ext:Portfolio").build().types()).containsExactly("Evidence", "ext:Portfolio");
        assertThat(Evidence.builder().build().property("type").orElseThrow()).isInstanceOf(JsonValue.ArrayValue.class);
    }

    @Test
    void endorsementAndClrBuilders() throws Exception {
        EndorsementCredential e = EndorsementCredential.builder()
                .id("urn:uuid:5bd5a0b4-4b34-4f3d-a1cb-2d6f9d3d1b24")
                .name("Endorsement")
                .issuer(URI.create("https://example.org/endorsers/1"))
                .validFrom(Instant.parse("2024-02-01T00:00:00Z"))
                .credentialSubject(EndorsementSubject.builder().id("https://example.edu/achievements/teamwork")
                        .endorsementComment("Demanding.").build())
                .build();
        assertThat(e.types()).containsExactly("VerifiableCredential", "EndorsementCredential");
        assertThat(e.issuer().flatMap(Profile::id)).contains(URI.create("https://example.org/endorsers/1"));
        assertThat(OpenBadges.readCredential(e.toJson())).isEqualTo(e);
        assertThatThrownBy(() -> EndorsementCredential.builder().id("urn:uuid:1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");

        AchievementCredential inner = minimal().build();
        ClrCredential clr = ClrCredential.builder()
                .id("urn:uuid:0f1f1ee7-3a46-4a39-9c1b-1f1a6a3b2f10")
                .issuer(URI.create("https://example.edu/issuers/565049"))
                .validFrom(Instant.parse("2024-03-01T00:00:00Z"))
                .name("Transcript")
                .credentialSubject(ClrSubject.builder().id("did:example:ebfeb1f712ebc6f1c276e12ec21")
                        .verifiableCredential(List.of(inner))
                        .association(List.of(Association.builder().associationType("isPartOf")
                                .sourceId(URI.create("https://example.edu/achievements/teamwork"))
                                .targetId(URI.create("https://example.edu/achievements/degree")).build()))
                        .build())
                .build();
        assertThat(clr.contextUrls()).containsExactly(DataModel.VC_2_0.baseContext(), OpenBadges.CLR_CONTEXT, OpenBadges.OB_CONTEXT);
        ClrCredential read = OpenBadges.read(clr.toJson(), ClrCredential.class);
        assertThat(read.credentialSubject().orElseThrow().verifiableCredential()).containsExactly(inner);
        assertThat(read.credentialSubject().orElseThrow().association().get(0).associationType()).contains("isPartOf");
    }
}
