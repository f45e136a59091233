package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selective disclosure on the real jar: sign with ecdsa-sd-2023 → derive → verify. */
class DeriveIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void issuerSignsABaseProofTheHolderDisclosesPartAndAVerifierAcceptsIt(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("p256.jwk");
        var keygen = run("keygen", "--type", "p256", "--did-key", "--out", key.toString());
        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", kid.substring(0, kid.indexOf('#')));
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), JSON.writeValueAsString(credential));

        Path base = dir.resolve("base.json");
        var sign = run("sign", "--key", key.toString(), "--format", "di", "--cryptosuite", "ecdsa-sd-2023",
                "--mandatory", "/issuer", "--mandatory", "/validFrom", "--mandatory", "/name",
                "--mandatory", "/credentialSubject/achievement", "--out", base.toString(), unsigned.toString());
        assertThat(sign.exitCode()).as(sign.toString()).isZero();
        assertThat(JSON.readTree(base.toFile()).path("proof").path("cryptosuite").asText()).isEqualTo("ecdsa-sd-2023");

        var baseVerify = run("verify", base.toString());
        assertThat(baseVerify.exitCode()).as("a base proof is for the holder, not for verifiers").isEqualTo(1);

        Path disclosed = dir.resolve("disclosed.json");
        // the holder shows the achievement (mandatory) but not the e-mail address in credentialSubject.identifier
        var derive = run("derive", "--reveal", "/credentialSubject/type", "--out", disclosed.toString(), base.toString());
        assertThat(derive.exitCode()).as(derive.toString()).isZero();
        JsonNode d = JSON.readTree(disclosed.toFile());
        assertThat(d.path("credentialSubject").path("achievement")).isEqualTo(credential.path("credentialSubject").path("achievement"));
        assertThat(d.path("credentialSubject").has("identifier")).as("not revealed").isFalse();
        assertThat(Files.readString(disclosed)).doesNotContain("learner@example.org");
        assertThat(d.path("issuer").path("id").asText()).isEqualTo(credential.path("issuer").path("id").asText());

        var verify = run("verify", disclosed.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();

        ((ObjectNode) d.path("credentialSubject").path("achievement")).put("name", "Something else");
        Path tampered = Files.writeString(dir.resolve("tampered.json"), JSON.writeValueAsString(d));
        assertThat(run("verify", tampered.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void mandatoryPointersNeedTheSelectiveDisclosureSuiteAndDeriveNeedsABaseProof(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("ed.jwk");
        assertThat(run("keygen", "--type", "ed25519", "--did-key", "--out", key.toString()).exitCode()).isZero();
        Path unsigned = Fixtures.unsignedCredential(dir);
        var r = run("sign", "--key", key.toString(), "--format", "di", "--mandatory", "/issuer", unsigned.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("ecdsa-sd-2023");

        var d = run("derive", "--reveal", "/name", unsigned.toString());
        assertThat(d.exitCode()).isEqualTo(2);
        assertOneLineError(d);
        assertThat(d.err()).contains("cannot derive");
    }
}
