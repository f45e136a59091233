package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.signing.Cryptosuite;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.KeyType;
import org.reconnaitre.badges.signing.ProofOptions;
import org.reconnaitre.badges.signing.SigningKey;

/** Issue #12, classes 4 and 5 on the real jar: proof options are checked; selective disclosure keeps expiry and status. */
class ProofOptionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> failed(JsonNode report) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : report.path("checks")) {
            if (c.path("outcome").asText().equals("failed")) {
                ids.add(c.path("id").asText());
            }
        }
        return ids;
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }

    @Test
    void aProperlySignedCredentialWithTheWrongProofPurposeFailsTheProofCheck(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", DidKey.of(key.publicKey()));
        ProofOptions.Builder options = ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022)
                .created(Instant.parse("2026-01-15T09:00:00Z"));
        Path right = Files.writeString(dir.resolve("right.json"),
                DataIntegrity.sign(JSON.writeValueAsString(credential), key, options.build()));
        Path wrong = Files.writeString(dir.resolve("wrong.json"),
                DataIntegrity.sign(JSON.writeValueAsString(credential), key, options.proofPurpose("authentication").build()));

        var ok = run("verify", "--json", "--at", "2026-06-01T00:00:00Z", right.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();

        var r = run("verify", "--json", "--at", "2026-06-01T00:00:00Z", wrong.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(failed(report)).contains("proof");
        assertThat(check(report, "proof").path("message").asText()).contains("authentication").contains("assertionMethod");
    }

    @Test
    void signingWithOnlyTheIssuerMandatoryStillKeepsValidUntilAndStatusInEveryDisclosure(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("p256.jwk");
        var keygen = run("keygen", "--type", "p256", "--did-key", "--out", key.toString());
        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", kid.substring(0, kid.indexOf('#')));
        credential.put("validUntil", "2026-03-01T00:00:00Z");
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", "https://badges.example.org/status/1#42");
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", "42");
        status.put("statusListCredential", "https://badges.example.org/status/1");
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), JSON.writeValueAsString(credential));

        var help = run("sign", "--help");
        assertThat(help.out()).contains("/validUntil").contains("/credentialStatus");

        Path base = dir.resolve("base.json");
        var sign = run("sign", "--key", key.toString(), "--format", "di", "--cryptosuite", "ecdsa-sd-2023",
                "--mandatory", "/issuer", "--created", "2026-01-15T09:00:00Z", "--out", base.toString(), unsigned.toString());
        assertThat(sign.exitCode()).as(sign.toString()).isZero();

        // the holder reveals the name and the achievement, leaving validUntil and credentialStatus out of the reveal set
        Path disclosed = dir.resolve("disclosed.json");
        var derive = run("derive", "--reveal", "/name", "--reveal", "/credentialSubject/achievement",
                "--out", disclosed.toString(), base.toString());
        assertThat(derive.exitCode()).as(derive.toString()).isZero();
        JsonNode d = JSON.readTree(disclosed.toFile());
        assertThat(d.path("validUntil").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(d.path("credentialStatus").path("statusListIndex").asText()).isEqualTo("42");
        assertThat(d.path("credentialSubject").has("identifier")).as("not revealed").isFalse();

        // before its end date the disclosure verifies; after it, it is expired
        var before = run("verify", "--json", "--at", "2026-02-01T00:00:00Z", disclosed.toString());
        assertThat(failed(JSON.readTree(before.out()))).as(before.toString()).doesNotContain("proof", "validity-period");
        var after = run("verify", "--json", "--at", "2026-06-01T00:00:00Z", disclosed.toString());
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(1);
        // (offline, the declared status cannot be looked up either: that fails too, fail closed)
        assertThat(failed(JSON.readTree(after.out()))).contains("validity-period").doesNotContain("proof", "signed-data");
        assertThat(check(JSON.readTree(after.out()), "validity-period").path("message").asText()).contains("2026-03-01");

        // and taking validUntil out of the disclosure breaks the issuer's signature
        ((ObjectNode) d).remove("validUntil");
        Path stripped = Files.writeString(dir.resolve("stripped.json"), JSON.writeValueAsString(d));
        var r = run("verify", "--json", "--at", "2026-06-01T00:00:00Z", stripped.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(failed(JSON.readTree(r.out()))).contains("proof");
    }
}
