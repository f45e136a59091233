package org.reconnaitre.badges.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.ExpectedRecipient;

/** The building blocks of the robustness self-test and of issuer resolution. */
class EngineTest {

    @Test
    void reorderingReversesKeysAtEveryLevelAndKeepsTheTree() throws Exception {
        JsonNode doc = Json.parse("{\"a\":1,\"b\":{\"c\":2,\"d\":[{\"e\":3,\"f\":4}]}}");
        JsonNode r = Engine.reordered(doc);
        assertThat(r).isEqualTo(doc);
        assertThat(Json.write(r)).isEqualTo("{\"b\":{\"d\":[{\"f\":4,\"e\":3}],\"c\":2},\"a\":1}");
    }

    @Test
    void theTamperChangesADateFirstThenTheName() throws Exception {
        ObjectNode dated = (ObjectNode) Json.parse("{\"validFrom\":\"2024-01-02T00:00:00Z\",\"name\":\"x\"}");
        assertThat(Engine.tamper(dated)).isEqualTo("/validFrom");
        assertThat(dated.get("validFrom").asText()).startsWith("2024-01-01T00:00").endsWith("Z");
        ObjectNode named = (ObjectNode) Json.parse("{\"name\":\"x\"}");
        assertThat(Engine.tamper(named)).isEqualTo("/name");
        assertThat(named.get("name").asText()).isEqualTo("x (changed)");
        assertThat(Engine.tamper((ObjectNode) Json.parse("{\"other\":1}"))).isNull();
    }

    @Test
    void didWebUrlsFollowTheMethodSpec() throws Exception {
        assertThat(Engine.didWebUrl("did:web:issuer.example")).isEqualTo("https://issuer.example/.well-known/did.json");
        assertThat(Engine.didWebUrl("did:web:issuer.example:users:alice#key-1")).isEqualTo("https://issuer.example/users/alice/did.json");
        assertThat(Engine.didWebUrl("did:web:localhost%3A8443")).isEqualTo("https://localhost:8443/.well-known/did.json");
        assertThatThrownBy(() -> Engine.didWebUrl("did:web:%zz")).isInstanceOf(BadgeException.class)
                .hasMessageContaining("percent-encoding");
    }

    @Test
    void theExpectedRecipientIsTypedForTheVerifierOrLeftToTheKit() {
        assertThat(Engine.typed(" Ada@Example.org ")).satisfies(r -> {
            assertThat(r.type()).isEqualTo(ExpectedRecipient.Type.EMAIL);
            assertThat(r.value()).isEqualTo("Ada@Example.org");
        });
        assertThat(Engine.typed("mailto:ada@example.org").type()).isEqualTo(ExpectedRecipient.Type.EMAIL);
        assertThat(Engine.typed("mailto:ada@example.org").value()).isEqualTo("ada@example.org");
        assertThat(Engine.typed("tel:+33 6 12-34-56-78").value()).isEqualTo("+33612345678");
        assertThat(Engine.typed("+33 6 12 34 56 78").type()).isEqualTo(ExpectedRecipient.Type.TELEPHONE);
        assertThat(Engine.typed("did:key:z6MkexampleKey").type()).isEqualTo(ExpectedRecipient.Type.DID);
        assertThat(Engine.typed("https://example.org/learners/ada").type()).isEqualTo(ExpectedRecipient.Type.URL);
        assertThat(Engine.typed("urn:uuid:6a3c1d2e-0b1f-4c1e-9d7a-1f2e3d4c5b6a").type()).isEqualTo(ExpectedRecipient.Type.ID);
        // no recognisable kind: the kit compares it itself (RECIPIENT-MATCH)
        assertThat(Engine.typed("learner-42")).isNull();
        assertThat(Engine.typed("mailto:not-an-address")).isNull();
        assertThat(Engine.typed("   ")).isNull();
    }
}
