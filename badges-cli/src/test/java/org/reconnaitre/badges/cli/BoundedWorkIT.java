package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 class 6 on the real jar: a signed badge to which a holder adds an inline context with
 * more terms than the verifier accepts, or more proofs than it checks, is refused at once with
 * exit 1 and the check that hit the bound, instead of keeping the verifier busy.
 */
class BoundedWorkIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    ObjectNode signed;

    @BeforeEach
    void sign() throws Exception {
        Path key = dir.resolve("issuer.jwk");
        assertThat(run("keygen", "--type", "ed25519", "--did-key", "--out", key.toString()).exitCode()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", kid.substring(0, kid.indexOf('#')));
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), JSON.writeValueAsString(credential));
        Path out = dir.resolve("signed.json");
        var r = run("sign", "--key", key.toString(), "--format", "di", "--created", "2026-01-15T09:00:00Z",
                "--out", out.toString(), unsigned.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        signed = (ObjectNode) JSON.readTree(out.toFile());
        assertThat(run("verify", out.toString()).exitCode()).isZero();
    }

    @Test
    void anInlineContextWithTooManyTermsExitsOneAtOnce() throws Exception {
        ObjectNode terms = JSON.createObjectNode();
        for (int i = 0; i < 300; i++) {
            terms.put("term" + i, "https://attacker.example/vocab#t" + i);
        }
        ((ArrayNode) signed.get("@context")).add(terms);
        Path file = Files.writeString(dir.resolve("terms.json"), JSON.writeValueAsString(signed));
        long start = System.nanoTime();
        var r = run("verify", "--json", file.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(failedMessages(report)).as(r.out()).anyMatch(m -> m.contains("more than 256 terms"));
        assertThat(failed(report)).contains("proof");
        assertThat(ms).as("refused without JSON-LD work (JVM start included)").isLessThan(20_000);
    }

    @Test
    void moreProofsThanTheVerifierChecksExitOne() throws Exception {
        JsonNode proof = signed.remove("proof");
        ArrayNode set = signed.putArray("proof");
        for (int i = 0; i < 5; i++) {
            ObjectNode copy = proof.deepCopy();
            copy.put("id", "urn:uuid:00000000-0000-4000-8000-00000000000" + i);
            set.add(copy);
        }
        Path file = Files.writeString(dir.resolve("proofs.json"), JSON.writeValueAsString(signed));
        var r = run("verify", "--json", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(failed(report)).contains("proof");
        assertThat(failedMessages(report)).as(r.out()).anyMatch(m -> m.contains("5 proofs, more than the 4"));
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

    private static List<String> failedMessages(JsonNode report) {
        List<String> messages = new ArrayList<>();
        report.path("checks").forEach(c -> {
            if (c.path("outcome").asText().equals("failed")) {
                messages.add(c.path("message").asText());
            }
        });
        return messages;
    }
}
