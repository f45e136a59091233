package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 class 1 on the real jar: a signed OB 2.0 assertion whose payload embeds the badge
 * class, a university as issuer and a key "owned" by it with the attacker's PEM, signed by the
 * attacker, is not valid (exit 1): the key and the issuer profile count only as served at their own
 * URLs, and offline nothing is served, so {@code ob2-fetch} fails saying which host to allow.
 */
class Ob2ForgeryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String forged() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair attacker = g.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(attacker.getPublic().getEncoded())
                + "\\n-----END PUBLIC KEY-----";
        String ctx = "\"@context\":\"https://w3id.org/openbadges/v2\"";
        String key = "{" + ctx + ",\"type\":\"CryptographicKey\",\"id\":\"https://university.example/keys/1\","
                + "\"owner\":\"https://university.example/issuer\",\"publicKeyPem\":\"" + pem + "\"}";
        String issuer = "{" + ctx + ",\"type\":\"Issuer\",\"id\":\"https://university.example/issuer\",\"name\":"
                + "\"University\",\"url\":\"https://university.example\",\"email\":\"registrar@university.example\","
                + "\"publicKey\":" + key + "}";
        String badge = "{" + ctx + ",\"type\":\"BadgeClass\",\"id\":\"https://university.example/badges/phd\",\"name\":"
                + "\"PhD\",\"description\":\"Doctorate\",\"image\":\"https://university.example/phd.png\",\"criteria\":"
                + "\"https://university.example/phd\",\"issuer\":" + issuer + "}";
        String payload = "{" + ctx + ",\"type\":\"Assertion\",\"id\":\"urn:uuid:7c1d0f0e-6a51-4c0e-8f51-4d0c1b6f2a10\","
                + "\"recipient\":{\"type\":\"email\",\"hashed\":false,\"identity\":\"mallory@example.org\"},"
                + "\"issuedOn\":\"2024-06-01T00:00:00Z\",\"badge\":" + badge + ",\"verification\":{\"type\":"
                + "\"SignedBadge\",\"creator\":" + key + "}}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(attacker.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(s.sign());
    }

    @Test
    void aSignedOb20AssertionCarryingItsOwnIssuerAndKeyExitsOneWithOb2FetchFailed() throws Exception {
        Path jws = Files.writeString(dir.resolve("forged.jws"), forged());
        var r = run("verify", "--json", jws.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
        List<String> failed = new ArrayList<>();
        for (JsonNode c : report.path("checks")) {
            if (c.path("outcome").asText().equals("failed")) {
                failed.add(c.path("id").asText());
                assertThat(c.path("message").asText()).as(r.out()).contains("allow https://university.example");
            }
        }
        assertThat(failed).as(r.out()).containsExactly("ob2-fetch");
        var text = run("verify", jws.toString());
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
        assertThat(text.out()).contains("ob2-fetch");
    }
}
