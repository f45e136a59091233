package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.testing.SharedData;

class ConvertIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void convertsAnOb2AssertionWithItsBadgeClassAndIssuer() throws Exception {
        Path a = Fixtures.copy("ob2/assertion.json", dir.resolve("assertion.json"));
        Path b = Fixtures.copy("ob2/badgeclass.json", dir.resolve("badgeclass.json"));
        Path i = Fixtures.copy("ob2/issuer.json", dir.resolve("issuer.json"));
        var r = run("convert", "--ob2", a.toString(), "--badgeclass", b.toString(), "--issuer", i.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode c = JSON.readTree(r.out());
        assertThat(c.path("type").toString()).contains("VerifiableCredential").contains("OpenBadgeCredential");
        assertThat(c.path("id").asText()).isEqualTo("https://badges.example.org/assertions/42");
        assertThat(c.path("validFrom").asText()).startsWith("2019-03-01T10:00:00");
        assertThat(c.path("issuer").path("id").asText()).isEqualTo("https://badges.example.org/issuer");
        assertThat(c.path("credentialSubject").path("achievement").path("name").asText()).isEqualTo("Forklift operation");
        assertThat(c.has("proof")).isFalse();
    }

    @Test
    void aBadgeClassByUrlWithoutTheFileIsExitCode2WithAHint() {
        Path a = Fixtures.copy("ob2/assertion.json", dir.resolve("assertion.json"));
        var r = run("convert", "--ob2", a.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertOneLineError(r);
        assertThat(r.err()).contains("--badgeclass");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theSpecificationExampleConvertsWhenSharedDataIsConfigured() throws Exception {
        Path ob2 = SharedData.openbadges().resolve("fixtures/spec-examples/ob20");
        var r = run("convert", "--ob2", ob2.resolve("examples-01-assertion.json").toString(),
                "--badgeclass", ob2.resolve("examples-02-badgeclass.json").toString(),
                "--issuer", ob2.resolve("examples-03-issuer.json").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode c = JSON.readTree(r.out());
        assertThat(c.path("credentialSubject").path("achievement").path("alignment")).hasSize(2);
        assertThat(c.path("credentialSubject").path("identifier").toString()).contains("sha256$");
    }

    @Test
    void helpHasAnExample() {
        var r = run("convert", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Example:").contains("badges convert --ob2");
    }
}
