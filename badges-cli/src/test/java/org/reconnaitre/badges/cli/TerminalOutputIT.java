package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a terminal shows (issue #12 class 8), on the real jar: a credential whose issuer id carries
 * ESC[2K, a carriage return and a bidi override, under a file name with a newline and an ESC, cannot
 * rewrite the INVALID line of verify, validate or batch, and the JSON outputs stay valid JSON with
 * the same escaped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalOutputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BS = "\\";
    /** Erase the line, return to its start, print a fake verdict; then a C1 CSI, a newline and an RLO. */
    private static final String HOSTILE = "did:web:evil.example\u001b[2K\r\u001b[32mVALID\u009b0m\n\u202eedoc";
    private static final String[] RAW = {"\u001b", "\r", "\u009b", "\u202e"};

    @TempDir
    static Path dir;

    Path hostile;
    Path batch;

    @BeforeAll
    void prepare() throws Exception {
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        ((ObjectNode) credential.get("issuer")).put("id", HOSTILE);
        credential.put("id", "urn:uuid:1\u001b]0;title\u0007");
        hostile = Files.writeString(dir.resolve("hostile.json"), JSON.writeValueAsString(credential));
        batch = Files.createDirectory(dir.resolve("batch"));
        Files.writeString(batch.resolve("evil\n\u001b[2Kname\u202e.json"), JSON.writeValueAsString(credential));
    }

    private static void assertNoRawControls(String output) {
        for (String raw : RAW) {
            assertThat(output).as("raw U+%04X in%n%s", (int) raw.charAt(0), output).doesNotContain(raw);
        }
        assertThat(output).doesNotContain("\u0007");
    }

    @Test
    void verifyTextShowsTheIssuerIdEscaped() {
        var r = run("verify", hostile.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertNoRawControls(r.out());
        assertNoRawControls(r.err());
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("hostile.json: INVALID");
        assertThat(r.out()).contains("  issuer:     did:web:evil.example" + BS + "u001b[2K" + BS + "u000d" + BS
                + "u001b[32mVALID" + BS + "u009b0m" + BS + "u000a" + BS + "u202eedoc")
                .contains("  credential: urn:uuid:1" + BS + "u001b]0;title" + BS + "u0007");
        assertThat(r.out().lines().filter(l -> l.strip().startsWith("VALID") || l.startsWith("\u202e")))
                .as("no line of its own says VALID").isEmpty();
        assertThat(r.out().lines().filter(l -> !l.startsWith("  ")))
                .as("the summary is the only line that is not indented").hasSize(1);
    }

    @Test
    void verifyJsonIsValidJsonWithTheControlsEscaped() throws Exception {
        var r = run("verify", "--json", hostile.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertNoRawControls(r.out());
        assertThat(r.out()).doesNotContain("\n\u202e");
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
    }

    @Test
    void batchTextAndJsonLinesEscapeTheFileNameAndValues() throws Exception {
        var text = run("verify", "--batch", batch.toString());
        assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
        assertNoRawControls(text.out());
        assertThat(text.out()).contains("evil" + BS + "u000a" + BS + "u001b[2Kname" + BS + "u202e.json: INVALID");
        assertThat(text.out().lines().filter(l -> l.contains(": INVALID"))).hasSize(1);

        var lines = run("verify", "--batch", batch.toString(), "--json-lines");
        assertNoRawControls(lines.out());
        assertNoRawControls(lines.err());
        JsonNode line = JSON.readTree(lines.out().strip());
        assertThat(line.path("file").asText()).isEqualTo("evil\n\u001b[2Kname\u202e.json");
    }

    @Test
    void validateShowsPathsAndMessagesEscaped() throws Exception {
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        credential.put("\u001b[2Kunknown\u202e", "x");
        Path file = Files.writeString(dir.resolve("validate.json"), JSON.writeValueAsString(credential));
        var r = run("validate", file.toString());
        assertNoRawControls(r.out());
        assertNoRawControls(r.err());
        assertThat(r.out() + r.err()).contains(BS + "u001b[2Kunknown" + BS + "u202e");
        var json = run("validate", "--json", file.toString());
        assertNoRawControls(json.out());
        assertThat(JSON.readTree(json.out()).path("findings").toString()).contains("unknown");
    }

    @Test
    void unbakeKeepsTheJsonValueButNotTheRawControls() throws Exception {
        Path svg = Files.writeString(dir.resolve("plain.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>");
        // the document holds U+202E and U+0085 raw (legal in a JSON string)
        ObjectNode credential = (ObjectNode) JSON.readTree(Fixtures.resource("unsigned-credential.json"));
        credential.put("name", "Badge \u202e\u0085 name");
        Path cred = Files.writeString(dir.resolve("raw.json"), JSON.writeValueAsString(credential));
        Path baked = dir.resolve("baked.svg");
        var bake = run("bake", "--image", svg.toString(), "--credential", cred.toString(), "--out", baked.toString());
        assertThat(bake.exitCode()).as(bake.toString()).isZero();
        var r = run("unbake", baked.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("\u202e").doesNotContain("\u0085").contains(BS + "u202e");
        assertThat(JSON.readTree(r.out())).isEqualTo(credential);
    }
}
