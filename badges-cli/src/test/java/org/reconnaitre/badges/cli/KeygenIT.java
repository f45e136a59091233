package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.signing.SigningKey;

class KeygenIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ed25519WithDidKeyPrintsAPrivateJwkWhoseKidIsTheDidKeyUrl() throws Exception {
        var r = run("keygen", "--type", "ed25519", "--did-key");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode jwk = JSON.readTree(r.out());
        assertThat(jwk.path("kty").asText()).isEqualTo("OKP");
        assertThat(jwk.path("crv").asText()).isEqualTo("Ed25519");
        assertThat(jwk.path("d").asText()).isNotEmpty();
        String kid = jwk.path("kid").asText();
        assertThat(kid).startsWith("did:key:z6Mk").contains("#z6Mk");
        assertThat(kid.substring(kid.indexOf('#') + 1)).isEqualTo(kid.substring("did:key:".length(), kid.indexOf('#')));
        // the key reads back with the SDK
        assertThat(SigningKey.fromJwk(r.out().strip()).keyId()).isEqualTo(kid);
    }

    @Test
    void p256AndRsaHaveAThumbprintKid() throws Exception {
        for (String type : new String[] {"p256", "rsa"}) {
            var r = run("keygen", "--type", type);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonNode jwk = JSON.readTree(r.out());
            assertThat(jwk.path("kty").asText()).isEqualTo(type.equals("rsa") ? "RSA" : "EC");
            assertThat(jwk.path("kid").asText()).isNotEmpty().doesNotStartWith("did:");
        }
    }

    @Test
    void outWritesAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("issuer.jwk");
        var r = run("keygen", "--type", "p256", "--did-key", "--out", key.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Wrote a private p256 key to").contains("did:key:zDn");
        assertThat(SigningKey.fromJwk(Files.readString(key)).keyId()).startsWith("did:key:zDn");
        assertThat(Files.getPosixFilePermissions(key))
                .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void didKeyWithRsaAndUnknownTypesAreUsageErrors() {
        var rsa = run("keygen", "--type", "rsa", "--did-key");
        assertThat(rsa.exitCode()).as(rsa.toString()).isEqualTo(2);
        assertOneLineError(rsa);
        assertThat(rsa.err()).contains("--did-key");
        var bad = run("keygen", "--type", "dsa");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
        assertOneLineError(bad);
        assertThat(bad.err()).contains("dsa").contains("ed25519, p256, rsa");
        var missing = run("keygen");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--type");
    }

    @Test
    void helpHasAnExample() {
        var r = run("keygen", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: badges keygen").contains("Example").contains("badges keygen --type");
    }
}
