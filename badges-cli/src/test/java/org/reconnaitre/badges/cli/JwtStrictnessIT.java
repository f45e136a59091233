package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.signing.SigningKey;

/**
 * JWT strictness (issue #12 class 7) on the real jar: a token signed by the issuer's own key is
 * refused when its payload carries a credential in "vc" and credential members beside it (exit 1,
 * jwt-claims failed), or at parse when a segment is respelled (non-zero unused bits: not a
 * well-formed token, exit 2 as unreadable input).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtStrictnessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @TempDir
    static Path dir;

    SigningKey key;
    String did;
    String kid;
    ObjectNode credential;

    @BeforeAll
    void prepare() throws Exception {
        Path jwk = dir.resolve("k.jwk");
        assertThat(run("keygen", "--type", "ed25519", "--did-key", "--out", jwk.toString()).exitCode()).isZero();
        key = SigningKey.parse(Files.readString(jwk));
        kid = JSON.readTree(jwk.toFile()).path("kid").asText();
        did = kid.substring(0, kid.indexOf('#'));
        credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", did);
    }

    private String sign(String payload) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String input = b.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return input + "." + b.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no " + id + " check in " + report);
    }

    @Test
    void aVcClaimWithAnotherIssuerBesideItFailsJwtClaims() throws Exception {
        String good = "{\"iss\":\"" + did + "\",\"vc\":" + JSON.writeValueAsString(credential) + "}";
        Path valid = Files.writeString(dir.resolve("vc.jwt"), sign(good));
        var ok = run("verify", "--json", valid.toString());
        assertThat(check(JSON.readTree(ok.out()), "parse").path("outcome").asText()).as(ok.toString()).isEqualTo("passed");

        String ambiguous = "{\"iss\":\"" + did + "\",\"issuer\":\"did:web:victim.example\",\"vc\":"
                + JSON.writeValueAsString(credential) + "}";
        Path file = Files.writeString(dir.resolve("ambiguous.jwt"), sign(ambiguous));
        var r = run("verify", "--json", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode parse = check(JSON.readTree(r.out()), "jwt-claims");
        assertThat(parse.path("outcome").asText()).isEqualTo("failed");
        assertThat(parse.path("message").asText()).contains("ambiguous").contains("\"issuer\"");
    }

    @Test
    void aRespelledSignatureFailsAtParse() throws Exception {
        String token = sign(JSON.writeValueAsString(credential));
        int v = ALPHABET.indexOf(token.charAt(token.length() - 1));
        Path file = Files.writeString(dir.resolve("respelled.jwt"), token.substring(0, token.length() - 1) + ALPHABET.charAt(v | 1));
        var r = run("verify", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).contains("respelled.jwt: INVALID").containsPattern("failed +parse +The JWT signature is not canonical base64url");
    }
}
