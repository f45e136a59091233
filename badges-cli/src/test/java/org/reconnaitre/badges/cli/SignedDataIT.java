package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 class 2 through the real jar: an expired badge whose {@code validUntil} a holder moved
 * into {@code @nest} keeps a valid RDFC signature, and {@code badges verify} still exits 1 on the
 * {@code signed-data} check.
 */
class SignedDataIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anExpiredBadgeRespelledWithNestExitsOneOnSignedData(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("issuer.jwk");
        assertThat(run("keygen", "--type", "ed25519", "--did-key", "--out", key.toString()).exitCode()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", kid.substring(0, kid.indexOf('#')));
        credential.put("validFrom", "2020-01-01T00:00:00Z");
        credential.put("validUntil", "2021-01-01T00:00:00Z");
        Path unsigned = Files.writeString(dir.resolve("expired.json"), JSON.writeValueAsString(credential));
        Path signed = dir.resolve("signed.json");
        var sign = run("sign", "--key", key.toString(), "--format", "di", "--created", "2020-01-01T00:00:00Z",
                "--out", signed.toString(), unsigned.toString());
        assertThat(sign.exitCode()).as(sign.toString()).isZero();

        var plain = run("verify", "--json", signed.toString());
        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(1);
        assertThat(failed(JSON.readTree(plain.out()))).contains("validity-period");

        ObjectNode respelled = (ObjectNode) JSON.readTree(signed.toFile());
        respelled.putObject("@nest").set("validUntil", respelled.remove("validUntil"));
        Path nested = Files.writeString(dir.resolve("nested.json"), JSON.writeValueAsString(respelled));
        var r = run("verify", "--json", nested.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
        assertThat(failed(report)).contains("signed-data").doesNotContain("proof");
    }

    private static List<String> failed(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("checks").forEach(c -> {
            if (c.path("outcome").asText().equals("failed")) {
                ids.add(c.path("id").asText());
            }
        });
        return ids;
    }
}
