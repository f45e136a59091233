package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.testing.SharedData;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchVerifyIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    Path batch;

    @BeforeAll
    void prepare() throws Exception {
        Path key = dir.resolve("k.jwk");
        assertThat(run("keygen", "--type", "ed25519", "--did-key", "--out", key.toString()).exitCode()).isZero();
        String kid = JSON.readTree(key.toFile()).path("kid").asText();
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", kid.substring(0, kid.indexOf('#')));
        Path unsigned = Files.writeString(dir.resolve("unsigned.json"), JSON.writeValueAsString(credential));
        batch = Files.createDirectory(dir.resolve("received"));
        var jwt = run("sign", "--key", key.toString(), "--format", "jwt", unsigned.toString());
        assertThat(jwt.exitCode()).as(jwt.toString()).isZero();
        Files.writeString(batch.resolve("a-valid.jwt"), jwt.out());
        var jwt2 = run("sign", "--key", key.toString(), "--format", "jwt", "--out",
                batch.resolve("b-valid.jwt").toString(), unsigned.toString());
        assertThat(jwt2.exitCode()).as(jwt2.toString()).isZero();
        String token = jwt.out().strip();
        // flip one character of the signature
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        Files.writeString(batch.resolve("c-tampered.jwt"), tampered);
        Files.writeString(batch.resolve("d-garbage.txt"), "not a credential");
        Files.writeString(batch.resolve(".hidden"), "ignored");
    }

    @Test
    void jsonLinesGivesOneObjectPerFileInOrderAndTheSummaryOnStderr() throws Exception {
        var r = run("verify", "--batch", batch.toString(), "--json-lines");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.path("file").asText())
                .containsExactly("a-valid.jwt", "b-valid.jwt", "c-tampered.jwt", "d-garbage.txt");
        assertThat(lines).extracting(l -> l.path("valid").asBoolean())
                .containsExactly(true, true, false, false);
        assertThat(lines.get(0).has("checks")).isTrue();
        assertThat(r.err()).contains("Verified 4 files").contains("2 valid, 2 invalid, 0 unreadable")
                .contains("Top failure reasons:").contains("proof:")
                .doesNotContain("\r").doesNotContain("[#"); // no progress bar: stderr is not a terminal
    }

    @Test
    void textModePrintsOneLinePerFileAndASummary() {
        var r = run("verify", "--batch", batch.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("a-valid.jwt: VALID (jwt").contains("c-tampered.jwt: INVALID (jwt")
                .contains("Verified 4 files").contains("2 valid, 2 invalid").contains("Top failure reasons:");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aDirectoryOfValidBadgesExitsZero() throws Exception {
        Path good = Files.createDirectory(dir.resolve("good"));
        Files.copy(batch.resolve("a-valid.jwt"), good.resolve("one.jwt"));
        var r = run("verify", "--batch", good.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1 valid, 0 invalid, 0 unreadable").doesNotContain("Top failure");
    }

    @Test
    void theOneEdTechOb30FixturesGetOneLineEachAndNoInvalidFixturePasses() throws Exception {
        Path shared = SharedData.openbadges();
        Path ob30 = shared.resolve("fixtures/1edtech-validator/ob30");
        Map<String, String> expected = new HashMap<>();
        for (JsonNode f : JSON.readTree(shared.resolve("manifest.json").toFile()).path("fixtures")) {
            expected.put(f.path("file").asText(), f.path("expected").path("outcome").asText());
        }
        long files;
        try (var s = Files.walk(ob30)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
        var r = run("verify", "--batch", ob30.toString(), "--json-lines");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1); // the set holds invalid fixtures
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize((int) files);
        int invalidChecked = 0;
        for (String line : lines) {
            JsonNode report = JSON.readTree(line);
            assertThat(report.path("checks").size()).as(line).isPositive();
            String outcome = expected.get("fixtures/1edtech-validator/ob30/" + report.path("file").asText());
            if ("invalid".equals(outcome)) {
                invalidChecked++;
                assertThat(report.path("valid").asBoolean()).as("a fixture expected invalid passed: " + line).isFalse();
            }
        }
        assertThat(invalidChecked).isGreaterThan(10);
        assertThat(r.err()).contains("Verified " + files + " files").contains("Top failure reasons:");
        assertThat(r.err().lines().filter(l -> l.startsWith("  ")).toList()).allMatch(l -> l.length() < 180);
    }

    @Test
    void notADirectoryExitsTwo() {
        var r = run("verify", "--batch", dir.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("not a directory");
    }
}
