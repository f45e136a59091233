package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key-to-issuer binding on the real jar: a key written into the fragment of an https issuer's URL
 * (the 1EdTech convention) proves nothing about the issuer, so {@code badges verify} exits 1 with the
 * {@code key-binding} check failed, although the signature itself is valid.
 */
class KeyBindingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://university.example/issuers/1";

    @TempDir
    Path dir;

    @Test
    void aKeyOnlyWrittenInTheIssuerUrlFragmentFailsKeyBinding() throws Exception {
        Path key = dir.resolve("attacker.jwk");
        var keygen = run("keygen", "--type", "ed25519", "--did-key", "--out", key.toString());
        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        String multibase = kid.substring(kid.indexOf('#') + 1);

        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", ISSUER);
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), JSON.writeValueAsString(credential));
        Path signed = dir.resolve("signed.json");
        var sign = run("sign", "--key", key.toString(), "--format", "di", "--created", "2026-01-15T09:00:00Z",
                "--verification-method", ISSUER + "#" + multibase, "--out", signed.toString(), unsigned.toString());
        assertThat(sign.exitCode()).as(sign.toString()).isZero();

        var r = run("verify", "--json", signed.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
        assertThat(outcome(report, "proof")).isEqualTo("passed");
        assertThat(outcome(report, "key-binding")).as(r.out()).isEqualTo("failed");

        var text = run("verify", signed.toString());
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).containsPattern("failed +key-binding +.*fragment");
    }

    private static String outcome(JsonNode report, String id) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c.path("outcome").asText();
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }
}
