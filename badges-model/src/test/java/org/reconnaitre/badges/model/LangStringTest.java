package org.reconnaitre.badges.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LangStringTest {

    @Test
    void picksTheBestLanguage() {
        LangString s = LangString.of("Robotics badge").with(Locale.FRENCH, "Badge de robotique").with(Locale.forLanguageTag("pt-BR"), "Medalha");
        assertThat(s.get(Locale.FRENCH)).isEqualTo("Badge de robotique");
        assertThat(s.get(Locale.CANADA_FRENCH)).isEqualTo("Badge de robotique");
        assertThat(s.get(Locale.forLanguageTag("pt"))).isEqualTo("Medalha");
        assertThat(s.get(Locale.GERMAN)).isEqualTo("Robotics badge");
        assertThat(s.defaultValue()).isEqualTo("Robotics badge");
    }

    @Test
    void readsEveryJsonForm() throws Exception {
        assertThat(LangString.fromJson(JsonValue.parse("\"plain\"")).orElseThrow().isPlain()).isTrue();
        LangString array = LangString.fromJson(JsonValue.parse(
                "[{\"@value\":\"Dog\",\"@language\":\"en\"},{\"@value\":\"Chien\",\"@language\":\"fr\",\"@direction\":\"ltr\"}]")).orElseThrow();
        assertThat(array.get(Locale.FRANCE)).isEqualTo("Chien");
        assertThat(array.defaultValue()).isEqualTo("Dog");
        assertThat(array.entries().get(1).direction()).isEqualTo("ltr");
        LangString map = LangString.fromJson(JsonValue.parse("{\"en\":\"Dog\",\"it\":\"Cane\"}")).orElseThrow();
        assertThat(map.get(Locale.ITALIAN)).isEqualTo("Cane");
        assertThat(LangString.fromJson(JsonValue.parse("42"))).isEmpty();
        assertThat(LangString.fromJson(JsonValue.parse("[]"))).isEmpty();
    }

    @Test
    void writesTheSimplestForm() {
        assertThat(LangString.of("x").toJson().toJson()).isEqualTo("\"x\"");
        assertThat(LangString.of("x", Locale.FRENCH).toJson().toJson()).isEqualTo("{\"@value\":\"x\",\"@language\":\"fr\"}");
        assertThat(LangString.of("x").with(Locale.FRENCH, "y").toJson().toJson())
                .isEqualTo("[{\"@value\":\"x\"},{\"@value\":\"y\",\"@language\":\"fr\"}]");
    }

    @Test
    void multilingualIssuerNameOfTheVcSuiteReads() throws Exception {
        JsonValue.ObjectValue doc = (JsonValue.ObjectValue) JsonValue.parse(RoundTripTest.resource("vc2-issuer-multi-language-name.json"));
        Profile issuer = Profile.of(doc.get("issuer").orElseThrow().asObject().orElseThrow());
        LangString name = issuer.name().orElseThrow();
        assertThat(name.get(Locale.ITALIAN)).isEqualTo("Cane");
        assertThat(name.get(Locale.ENGLISH)).isEqualTo("Dog");
        assertThat(name.defaultValue()).isEqualTo("Dog");
    }
}
