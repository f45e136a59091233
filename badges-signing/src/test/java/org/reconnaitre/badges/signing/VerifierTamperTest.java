package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.CLOCK;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.testing.SharedData;

/** Every change that alters a credential's meaning makes the proof check fail; a harmless re-serialisation does not. */
class VerifierTamperTest {
    private static final SigningKey KEY = SigningKey.generate(KeyType.ED25519);
    private static final Verifier VERIFIER = Verifier.builder().clock(CLOCK).timeout(Duration.ofSeconds(60)).build();

    static Stream<Arguments> tampers() {
        return Stream.of(
                Arguments.of("a changed value", (Consumer<ObjectNode>) c -> c.put("name", "Leadership Badge")),
                Arguments.of("a removed property", (Consumer<ObjectNode>) c -> c.remove("name")),
                Arguments.of("an added property", (Consumer<ObjectNode>) c -> c.put("description", "Added after signing.")),
                Arguments.of("another issuer", (Consumer<ObjectNode>) c -> ((ObjectNode) c.get("issuer"))
                        .put("id", DidKey.of(SigningKey.generate(KeyType.ED25519).publicKey()))),
                Arguments.of("another date", (Consumer<ObjectNode>) c -> c.put("validFrom", "2023-01-01T00:00:00Z")),
                Arguments.of("another subject", (Consumer<ObjectNode>) c -> ((ObjectNode) c.get("credentialSubject"))
                        .put("id", "did:example:mallory")));
    }

    private static ObjectNode signed(String suite) throws Exception {
        String json = Issuer.with(KEY).build().signDataIntegrity(credential(DidKey.of(KEY.publicKey())), suite,
                Instant.parse("2024-01-01T00:00:00Z"));
        return (ObjectNode) Json.parse(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampers")
    void rdfcProofFailsAfter(String what, Consumer<ObjectNode> tamper) throws Exception {
        ObjectNode c = signed("eddsa-rdfc-2022");
        assertThat(VERIFIER.verify(Json.write(c)).isValid()).isTrue();
        tamper.accept(c);
        VerificationReport r = VERIFIER.verify(Json.write(c));
        assertThat(r.check("proof").orElseThrow().outcome()).as(what + "\n" + r).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.isValid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampers")
    void jcsProofFailsAfter(String what, Consumer<ObjectNode> tamper) throws Exception {
        ObjectNode c = signed("eddsa-jcs-2022");
        tamper.accept(c);
        VerificationReport r = VERIFIER.verify(Json.write(c));
        assertThat(r.check("proof").orElseThrow().outcome()).as(what + "\n" + r).isEqualTo(CheckOutcome.FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampers")
    void jwtSignatureFailsAfter(String what, Consumer<ObjectNode> tamper) throws Exception {
        String jwt = Issuer.with(KEY).build().signJwt(credential(DidKey.of(KEY.publicKey())));
        String[] parts = jwt.split("\\.");
        ObjectNode payload = (ObjectNode) Json.parse(java.util.Base64.getUrlDecoder().decode(parts[1]));
        tamper.accept(payload);
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        VerificationReport r = VERIFIER.verify(forged);
        assertThat(r.check("proof").orElseThrow().outcome()).as(what + "\n" + r).isEqualTo(CheckOutcome.FAILED);
    }

    @Test
    void reorderingAndReformattingDoNotBreakAnRdfcProof() throws Exception {
        ObjectNode c = signed("eddsa-rdfc-2022");
        ObjectNode reordered = Json.mapper().createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, c.get(n)));
        VerificationReport r = VERIFIER.verify(Json.writePretty(reordered));
        assertThat(r.isValid()).as(r.toString()).isTrue();
    }

    @ParameterizedTest(name = "1EdTech simple.json: {0}")
    @MethodSource("tampers")
    void theSignedFixtureFailsAfter(String what, Consumer<ObjectNode> tamper) throws Exception {
        Path file = SharedData.openbadges().resolve("fixtures/1edtech-validator/ob30/simple.json");
        // simple.json is signed with a key in the issuer URL's fragment: valid only with the 1EdTech leniency
        Verifier at2026 = Verifier.builder().clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .allowUnboundFragmentKeys(true).timeout(Duration.ofSeconds(60)).build();
        ObjectNode c = (ObjectNode) Json.parse(Files.readString(file));
        assertThat(at2026.verify(Json.write(c)).isValid()).isTrue();
        tamper.accept(c);
        VerificationReport r = at2026.verify(Json.write(c));
        assertThat(r.check("proof").orElseThrow().outcome()).as(what + "\n" + r).isEqualTo(CheckOutcome.FAILED);
    }
}
