package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch input hygiene (issue #22 §5): {@code verify --batch DIR} reads only regular files inside
 * DIR. A symbolic link whose target lies outside DIR, to a file or to a directory, is reported as
 * skipped and never read: the outside file's content (an issuer id that verify would print) never
 * reaches the output. Links inside DIR to a file are read; links to directories are not followed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchHygieneIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "did:web:TOPSECRET-4f1c";

    @TempDir
    static Path dir;

    Path batch;

    @BeforeAll
    void prepare() throws Exception {
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        ObjectNode secret = credential.deepCopy();
        ((ObjectNode) secret.get("issuer")).put("id", SECRET);
        Path secretFile = Files.writeString(outside.resolve("secret.json"), JSON.writeValueAsString(secret));
        Files.writeString(outside.resolve("also-secret.json"), JSON.writeValueAsString(secret));

        batch = Files.createDirectory(dir.resolve("batch"));
        Files.writeString(batch.resolve("a-plain.json"), JSON.writeValueAsString(credential));
        Files.createSymbolicLink(batch.resolve("b-link-out.json"), secretFile);
        Files.createSymbolicLink(batch.resolve("c-relative-out.json"), Path.of("..", "outside", "secret.json"));
        Files.createSymbolicLink(batch.resolve("d-dir-out"), outside);
        Files.createSymbolicLink(batch.resolve("e-link-in.json"), Path.of("a-plain.json"));
        Files.createSymbolicLink(batch.resolve("f-dangling.json"), dir.resolve("nowhere.json"));
        Path sub = Files.createDirectory(batch.resolve("g-sub"));
        Files.createSymbolicLink(sub.resolve("up-and-out.json"), Path.of("..", "..", "outside", "secret.json"));
        Files.createSymbolicLink(sub.resolve("dir-in"), batch);
    }

    @Test
    void linksLeavingTheDirectoryAreSkippedAndNeverRead() {
        var r = run("verify", "--batch", batch.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).as("the outside files are never read").doesNotContain("TOPSECRET");
        assertThat(r.out())
                .contains("a-plain.json: INVALID")
                .contains("b-link-out.json: SKIPPED (a symbolic link to a file outside the batch directory; not read)")
                .contains("c-relative-out.json: SKIPPED (a symbolic link to a file outside the batch directory; not read)")
                .contains("d-dir-out: SKIPPED (a symbolic link to a directory outside the batch directory; not read)")
                .contains("e-link-in.json: INVALID")
                .contains("f-dangling.json: SKIPPED (a symbolic link whose target does not exist")
                .contains(Path.of("g-sub", "up-and-out.json") + ": SKIPPED (a symbolic link to a file outside")
                .contains(Path.of("g-sub", "dir-in") + ": SKIPPED (a symbolic link to a directory; not followed")
                .contains("Verified 2 files").contains("0 valid, 2 invalid, 0 unreadable; 6 skipped");
        assertThat(r.out()).doesNotContain("also-secret.json").doesNotContain("dir-in" + java.io.File.separator);
    }

    @Test
    void jsonLinesReportTheSkippedEntries() throws Exception {
        var r = run("verify", "--batch", batch.toString(), "--json-lines");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).doesNotContain("TOPSECRET");
        Map<String, JsonNode> byFile = new HashMap<>();
        for (String line : r.out().strip().split("\n")) {
            JsonNode n = JSON.readTree(line);
            byFile.put(n.path("file").asText(), n);
        }
        assertThat(byFile).hasSize(8);
        JsonNode out = byFile.get("b-link-out.json");
        assertThat(out.path("valid").asBoolean(true)).isFalse();
        assertThat(out.path("checks").get(0).path("id").asText()).isEqualTo("read");
        assertThat(out.path("checks").get(0).path("outcome").asText()).isEqualTo("skipped");
        assertThat(out.path("checks").get(0).path("message").asText()).contains("outside the batch directory");
        assertThat(byFile.get("e-link-in.json").path("checks").size()).isGreaterThan(1);
        assertThat(r.err()).contains("6 skipped");
    }

    @Test
    void aDirectoryGivenAsALinkIsReadThroughItsRealPath() throws Exception {
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), batch);
        var r = run("verify", "--batch", alias.toString());
        assertThat(r.out()).contains("a-plain.json: INVALID").contains("b-link-out.json: SKIPPED")
                .doesNotContain("TOPSECRET");
    }
}
