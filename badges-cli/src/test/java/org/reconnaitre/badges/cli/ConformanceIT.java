package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code badges conformance}: a report per credential and a summary with rule ids, on the real jar. */
class ConformanceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSignedBadgeConformsAndATamperedOneFailsWithRuleIds(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("issuer.jwk");
        assertThat(run("keygen", "--type", "ed25519", "--did-key", "--out", key.toString()).exitCode()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", kid.substring(0, kid.indexOf('#')));
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), JSON.writeValueAsString(credential));
        Path good = dir.resolve("badges/good.json");
        Files.createDirectories(good.getParent());
        var sign = run("sign", "--key", key.toString(), "--format", "di", "--out", good.toString(), unsigned.toString());
        assertThat(sign.exitCode()).as(sign.toString()).isZero();

        var ok = run("conformance", good.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("good.json");

        ObjectNode tampered = (ObjectNode) JSON.readTree(good.toFile());
        tampered.put("name", "Forged name");
        Files.writeString(dir.resolve("badges/tampered.json"), JSON.writeValueAsString(tampered));
        var mixed = run("conformance", "--format", "json", dir.resolve("badges").toString());
        assertThat(mixed.exitCode()).as(mixed.toString()).isEqualTo(1);
        var summary = JSON.readTree(mixed.out());
        assertThat(mixed.out()).contains("tampered.json").contains("VERIFY-PROOF");
        assertThat(summary.toString()).contains("good.json");
    }

    @Test
    void aMissingFileIsExitCode2WithOneLine(@TempDir Path dir) {
        var r = run("conformance", dir.resolve("nope.json").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("nope.json");
    }

    @Test
    void helpHasAnExample() {
        var r = run("conformance", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Example:").contains("badges conformance");
    }
}
