package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;
import static org.reconnaitre.badges.cli.BadgesProcess.runWithStdin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.testing.SharedData;

/** keygen → sign (di, jwt) → verify / validate / bake, and the verify contract, on the real jar. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignVerifyIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    Path key;
    Path unsigned;
    Path signedDi;
    Path signedJwt;

    @BeforeAll
    void issue() throws Exception {
        key = dir.resolve("issuer.jwk");
        var keygen = run("keygen", "--type", "ed25519", "--did-key", "--out", key.toString());
        assertThat(keygen.exitCode()).as(keygen.toString()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        String did = kid.substring(0, kid.indexOf('#'));
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", did);
        unsigned = Files.writeString(dir.resolve("unsigned.json"), JSON.writeValueAsString(credential));

        signedDi = dir.resolve("signed.json");
        var di = run("sign", "--key", key.toString(), "--format", "di", "--created", "2026-01-15T09:00:00Z",
                "--out", signedDi.toString(), unsigned.toString());
        assertThat(di.exitCode()).as(di.toString()).isZero();
        assertThat(di.out()).contains("eddsa-rdfc-2022");

        var jwt = run("sign", "--key", key.toString(), "--format", "jwt", unsigned.toString());
        assertThat(jwt.exitCode()).as(jwt.toString()).isZero();
        assertThat(jwt.out().strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        signedJwt = Files.writeString(dir.resolve("signed.jwt"), jwt.out());
    }

    @Test
    void dataIntegritySignatureHasTheRequestedProofAndKeepsTheCredential() throws Exception {
        JsonNode signed = JSON.readTree(signedDi.toFile());
        JsonNode proof = signed.path("proof");
        assertThat(proof.path("type").asText()).isEqualTo("DataIntegrityProof");
        assertThat(proof.path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.path("created").asText()).isEqualTo("2026-01-15T09:00:00Z");
        assertThat(proof.path("verificationMethod").asText()).isEqualTo(JSON.readTree(key.toFile()).path("kid").asText());
        ((ObjectNode) signed).remove("proof");
        assertThat(signed).isEqualTo(JSON.readTree(unsigned.toFile()));
    }

    @Test
    void verifyJsonPrintsExactlyTheContractShapeAndExitsZero() throws Exception {
        for (Path file : List.of(signedDi, signedJwt)) {
            var r = run("verify", "--json", file.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().strip()).doesNotContain("\n").startsWith("{\"valid\": true, \"format\": ");
            JsonNode report = JSON.readTree(r.out());
            List<String> names = new ArrayList<>();
            report.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("valid", "format", "checks");
            assertThat(report.path("format").asText()).isEqualTo(file == signedDi ? "json" : "jwt");
            for (JsonNode c : report.path("checks")) {
                List<String> fields = new ArrayList<>();
                c.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).containsExactly("id", "outcome", "message");
                assertThat(c.path("outcome").asText()).isIn("passed", "failed", "warning", "skipped");
            }
            assertThat(report.path("checks").findValuesAsText("id")).contains("proof");
        }
    }

    @Test
    void humanReportNamesTheIssuerAndEveryCheck() {
        var r = run("verify", signedDi.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith(signedDi + ": VALID (json").contains("issuer:     did:key:z6Mk")
                .containsPattern("passed +proof");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aTamperedCredentialFailsWithExitCode1() throws Exception {
        ObjectNode signed = (ObjectNode) JSON.readTree(signedDi.toFile());
        signed.put("name", "Spreadsheet expert");
        Path tampered = Files.writeString(dir.resolve("tampered.json"), JSON.writeValueAsString(signed));
        var r = run("verify", "--json", tampered.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
        assertThat(failed(report)).contains("proof");
    }

    @Test
    void atBeforeValidFromFailsTheValidityPeriod() throws Exception {
        var r = run("verify", "--json", "--at", "2025-01-01T00:00:00Z", signedJwt.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(failed(JSON.readTree(r.out()))).contains("validity-period");
        var later = run("verify", "--json", "--at", "2027-01-01T00:00:00+02:00", signedJwt.toString());
        assertThat(later.exitCode()).as(later.toString()).isZero();
    }

    @Test
    void aDidWebKeyIsNotFetchedAndTheReportSaysHowToAllowIt() throws Exception {
        ObjectNode credential = (ObjectNode) JSON.readTree(unsigned.toFile());
        ((ObjectNode) credential.get("issuer")).put("id", "did:web:issuer.example.org");
        Path web = Files.writeString(dir.resolve("web.json"), JSON.writeValueAsString(credential));
        var sign = run("sign", "--key", key.toString(), "--format", "jwt",
                "--verification-method", "did:web:issuer.example.org#key-1", web.toString());
        assertThat(sign.exitCode()).as(sign.toString()).isZero();
        Path jwt = Files.writeString(dir.resolve("web.jwt"), sign.out());
        var r = run("verify", jwt.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).containsPattern("failed +proof +.*Refused to fetch https://issuer.example.org/")
                .contains("hint: nothing is fetched unless you allow it: badges verify --allow-fetch issuer.example.org ");
    }

    @Test
    void offlineAStatusListIsNotCheckedAndTheSummarySaysSo() {
        Path revoked = SharedData.openbadges()
                .resolve("fixtures/1edtech-validator/bit-string-list/credential-status-revoked.json");
        var r = run("verify", revoked.toString());
        // a declared status that could not be checked is not a pass: exit 1, and the summary says why
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).containsPattern("failed +status +.*could not be checked: configure a fetcher that allows"
                        + " raw.githubusercontent.com")
                .contains("revocation NOT checked")
                .contains("hint: nothing is fetched unless you allow it: badges verify --allow-fetch raw.githubusercontent.com ");
    }

    @Test
    void aClrShowsOneLinePerNestedCredential() {
        Path clr = SharedData.openbadges().resolve("fixtures/1edtech-validator/clr20/simple.json");
        var r = run("verify", clr.toString());
        assertThat(r.out()).as(r.toString()).containsPattern("\\n  credential 1: (VALID|INVALID) \\(issuer ");
    }

    @Test
    void stdinIsReadForDash() throws Exception {
        var r = runWithStdin(Files.readAllBytes(signedJwt), "verify", "--json", "-");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(r.out()).path("format").asText()).isEqualTo("jwt");
    }

    @Test
    void aBakedPngVerifiesAsPng() throws Exception {
        Path baked = dir.resolve("baked.png");
        var bake = run("bake", "--image", Fixtures.png(dir.resolve("plain.png")).toString(),
                "--credential", signedDi.toString(), "--out", baked.toString());
        assertThat(bake.exitCode()).as(bake.toString()).isZero();
        var r = run("verify", "--json", baked.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(r.out()).path("format").asText()).isEqualTo("png");
    }

    @Test
    void aBakedSvgCarryingAJwtVerifiesAsSvg() throws Exception {
        Path baked = dir.resolve("baked.svg");
        var bake = run("bake", "--image", Fixtures.svg(dir.resolve("plain.svg")).toString(),
                "--credential", signedJwt.toString(), "--out", baked.toString());
        assertThat(bake.exitCode()).as(bake.toString()).isZero();
        var r = run("verify", "--json", baked.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(r.out()).path("format").asText()).isEqualTo("svg");
    }

    @Test
    void verboseAddsTheStackTraceToTheOneLineError() {
        var r = run("verify", "--verbose", dir.resolve("absent.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst()).contains("badges: " + dir.resolve("absent.json") + ": no such file");
        assertThat(r.err()).contains("NoSuchFileException").contains("\tat ");
    }

    @Test
    void stdinOver16MiBIsRefusedInOneLine() {
        var r = runWithStdin(new byte[16 * 1024 * 1024 + 10], "verify", "-");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("standard input: larger than 16 MiB");
    }

    @Test
    void garbageAndMissingInputExitWith2() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.bin"), new byte[] {1, 2, 3, 4, 5});
        var r = run("verify", garbage.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        var missing = run("verify", dir.resolve("absent.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertOneLineError(missing);
        assertThat(missing.err()).contains("absent.json: no such file");
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void usageErrorsExitWith2() {
        for (String[] args : new String[][] {
                {"verify"},
                {"verify", "--at", "yesterday", "x.json"},
                {"verify", "--allow-fetch", "https://example.org/", "x.json"},
                {"verify", "--json-lines", "x.json"},
                {"sign", "--key", "k", "--format", "pdf", "c.json"},
                {"sign", "--key", "k", "--format", "jwt", "--cryptosuite", "eddsa-rdfc-2022", "c.json"}}) {
            var r = run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isEqualTo(2);
            assertOneLineError(r);
        }
    }

    @Test
    void signRefusesASuiteThatDoesNotFitTheKey() {
        var r = run("sign", "--key", key.toString(), "--format", "di", "--cryptosuite", "ecdsa-rdfc-2019",
                unsigned.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("ecdsa-rdfc-2019").contains("ED25519");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void p256KeysSignWithEcdsaAndJcsSuitesWithEd25519() throws Exception {
        Path p256 = dir.resolve("p256.jwk");
        assertThat(run("keygen", "--type", "p256", "--out", p256.toString()).exitCode()).isZero();
        var ecdsa = run("sign", "--key", p256.toString(), "--format", "di", unsigned.toString());
        assertThat(ecdsa.exitCode()).as(ecdsa.toString()).isZero();
        assertThat(JSON.readTree(ecdsa.out()).path("proof").path("cryptosuite").asText()).isEqualTo("ecdsa-rdfc-2019");
        var jcs = run("sign", "--key", key.toString(), "--format", "di", "--cryptosuite", "eddsa-jcs-2022",
                unsigned.toString());
        assertThat(jcs.exitCode()).as(jcs.toString()).isZero();
        Path jcsFile = Files.writeString(dir.resolve("jcs.json"), jcs.out());
        var verify = run("verify", "--json", jcsFile.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    void validateReportsFindingsWithExitCodes() throws Exception {
        var ok = run("validate", unsigned.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("valid OPEN_BADGE_CREDENTIAL");
        var jwt = run("validate", signedJwt.toString());
        assertThat(jwt.exitCode()).as(jwt.toString()).isZero();

        ObjectNode broken = (ObjectNode) JSON.readTree(unsigned.toFile());
        broken.put("validUntil", "2020-01-01T00:00:00Z");
        Path bad = Files.writeString(dir.resolve("bad.json"), JSON.writeValueAsString(broken));
        var r = run("validate", "--json", bad.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
        assertThat(report.path("findings").findValuesAsText("rule")).contains("VALIDITY-PERIOD");

        Path notJson = Files.writeString(dir.resolve("not.json"), "{\"a\": ");
        var unreadable = run("validate", notJson.toString());
        assertThat(unreadable.exitCode()).as(unreadable.toString()).isEqualTo(2);
        assertOneLineError(unreadable);
    }

    @Test
    void everyCommandHelpHasAnExample() {
        for (String cmd : new String[] {"sign", "verify", "validate"}) {
            var r = run(cmd, "--help");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("Usage: badges " + cmd).contains("Example").contains("badges " + cmd + " ");
        }
    }

    private static List<String> failed(JsonNode report) {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : report.path("checks")) {
            if (c.path("outcome").asText().equals("failed")) {
                ids.add(c.path("id").asText());
            }
        }
        return ids;
    }

    @Test
    void recipientOptionChecksWhoTheBadgeWasAwardedTo() throws Exception {
        var same = run("verify", "--json", "--recipient", "email:Learner@Example.org", signedDi.toString());
        assertThat(same.exitCode()).as(same.toString()).isZero();
        JsonNode recipient = null;
        for (JsonNode c : JSON.readTree(same.out()).path("checks")) {
            if (c.path("id").asText().equals("recipient")) {
                recipient = c;
            }
        }
        assertThat(recipient).as(same.out()).isNotNull();
        assertThat(recipient.path("outcome").asText()).isEqualTo("passed");

        var other = run("verify", "--recipient", "email:someone.else@example.org", signedJwt.toString());
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(1);
        assertThat(other.out()).containsPattern("failed\\s+recipient");

        var bad = run("verify", "--recipient", "fax:123", signedDi.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertOneLineError(bad);
        assertThat(bad.err()).contains("email, url, telephone, did, id");
    }
}
