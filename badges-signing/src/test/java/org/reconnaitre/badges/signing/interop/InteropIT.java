package org.reconnaitre.badges.signing.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.signing.DidDocument;
import org.reconnaitre.badges.signing.DidKey;
import org.reconnaitre.badges.signing.SigningKey;
import org.reconnaitre.badges.signing.VerificationMethod;

/**
 * Interoperability with the digitalbazaar JS stack (../interop): what the JS side signs, we
 * verify; what we sign, the JS side verifies; what we tamper with, the JS side rejects. Runs only
 * in the {@code interop} Maven profile, which installs the Node project first:
 * {@code ./mvnw -B -Pinterop verify -pl badges-signing -am}.
 */
@Tag("interop")
class InteropIT {
    /** The suites sign.mjs uses (one file per credential and suite). */
    static final List<String> JS_SUITES =
            List.of("eddsa-rdfc-2022", "ecdsa-rdfc-2019", "eddsa-jcs-2022", "Ed25519Signature2020");

    static final NodeHarness NODE = new NodeHarness();
    static final Path WORK = Path.of("target", "interop").toAbsolutePath();
    static List<Path> jsSigned;

    @BeforeAll
    static void signWithJs() throws Exception {
        NODE.assertInstalled();
        Path out = WORK.resolve("js-signed");
        deleteTree(out);
        Files.createDirectories(out);
        jsSigned = NODE.sign(out);
    }

    @Test
    void jsSignsEveryCredentialWithEverySuiteAndAcceptsItsOwnOutput() throws Exception {
        long credentials;
        try (var files = Files.list(NODE.credentialsDir())) {
            credentials = files.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(credentials).isGreaterThanOrEqualTo(3);
        assertThat(jsSigned).hasSize((int) credentials * JS_SUITES.size());

        Map<String, NodeHarness.JsVerdict> verdicts = NODE.verify(jsSigned);
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.verified()).as(v.file() + ": " + v.error()).isTrue());
    }

    @Test
    void jsAndJavaDeriveTheSameDidKeysFromTheSameSecrets() throws Exception {
        // lib/keys.mjs: Ed25519 seed 00 01 .. 1f; P-256 scalar = SHA-256("reconnaitre interop P-256 issuer key").
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) i;
        }
        byte[] scalar = MessageDigest.getInstance("SHA-256")
                .digest("reconnaitre interop P-256 issuer key".getBytes(StandardCharsets.UTF_8));
        String ed = DidKey.of(SigningKey.fromEd25519Secret(seed).publicKey());
        String p256 = DidKey.of(SigningKey.fromP256Secret(scalar).publicKey());

        TreeSet<String> issuers = new TreeSet<>();
        for (Path file : jsSigned) {
            JsonNode credential = NodeHarness.readJson(file);
            String vm = credential.path("proof").path("verificationMethod").asText();
            String issuer = credential.path("issuer").path("id").asText();
            issuers.add(issuer);
            assertThat(vm).as(file.toString()).startsWith(issuer + "#");
            // Our did:key resolver understands the JS side's verification method and finds the same key.
            DidDocument doc = DidKey.resolve(issuer);
            VerificationMethod method = doc.find(vm).orElseThrow(() -> new AssertionError("no " + vm + " in " + doc));
            assertThat(doc.assertionMethod()).contains(vm);
            assertThat(method.key().toMultibase()).isEqualTo(vm.substring(vm.indexOf('#') + 1));
        }
        assertThat(issuers).containsExactlyInAnyOrder(p256, ed);
    }

    static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
