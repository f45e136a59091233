package org.reconnaitre.badges.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.signing.VerifierTestSupport.credential;
import static org.reconnaitre.badges.signing.VerifierTestSupport.jws;
import static org.reconnaitre.badges.signing.VerifierTestSupport.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.internal.json.Json;

/**
 * What a terminal shows (issue #12 class 8): a credential whose issuer id carries ESC sequences, a
 * carriage return and a bidi override cannot rewrite the INVALID line of {@code toString()} or of
 * the JSON report; the stored values stay exactly what the credential said.
 */
class VerifierTerminalOutputTest {
    private static final String BS = "\\";
    private static final SigningKey ED = SigningKey.generate(KeyType.ED25519);
    /** Erase the line, return to its start, move up, print a fake verdict, then reverse what follows. */
    private static final String HOSTILE = "did:web:evil.example\u001b[2K\r\u001b[1A\u001b[32mVALID\u009b0m\u202e\n\tx\u007f\u2066";

    /** A VC-JWT signed by a did:key whose credential names the hostile issuer id (Jackson writes its escapes). */
    private static VerificationReport hostileReport() {
        ObjectNode node = (ObjectNode) parse(credential("placeholder"));
        ((ObjectNode) node.get("issuer")).put("id", HOSTILE);
        String kid = DidKey.verificationMethodId(ED.publicKey());
        return verifier().verify(jws("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}", Json.write(node), ED));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (org.reconnaitre.badges.model.BadgeException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theReportKeepsTheValueButItsTextShowsEscapes() {
        VerificationReport r = hostileReport();
        assertThat(r.isValid()).isFalse();
        assertThat(r.issuerId()).contains(HOSTILE);
        assertThat(r.failures()).anySatisfy(c -> assertThat(c.message()).contains(HOSTILE));

        String text = r.toString();
        assertThat(text).startsWith("INVALID (jwt) issuer did:web:evil.example" + BS + "u001b[2K" + BS + "u000d");
        for (String raw : new String[] {"\u001b", "\r", "\u009b", "\u202e", "\t", "\u007f", "\u2066"}) {
            assertThat(text).as("raw U+%04X", (int) raw.charAt(0)).doesNotContain(raw);
        }
        assertThat(text).contains(BS + "u202e").contains(BS + "u009b").contains(BS + "u000a").contains(BS + "u0009");
        assertThat(text.split(System.lineSeparator(), -1)).as("one line per check and no more").hasSize(r.checks().size() + 1);
        for (CheckResult c : r.checks()) {
            assertThat(c.toString()).doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\n")
                    .doesNotContain("\u202e");
        }
    }

    @Test
    void theJsonReportEscapesTooAndParsesBackToTheSameMessages() {
        VerificationReport r = hostileReport();
        for (String json : new String[] {r.toJson(), r.toDetailedJson()}) {
            for (String raw : new String[] {"\u001b", "\r", "\n", "\u009b", "\u202e", "\u007f", "\u2066"}) {
                assertThat(json).as("raw U+%04X", (int) raw.charAt(0)).doesNotContain(raw);
            }
            JsonNode back = parse(json);
            for (int i = 0; i < r.checks().size(); i++) {
                assertThat(back.get("checks").get(i).get("message").asText()).isEqualTo(r.checks().get(i).message());
            }
        }
        assertThat(parse(r.toDetailedJson()).get("issuer").asText()).isEqualTo(HOSTILE);
    }
}
