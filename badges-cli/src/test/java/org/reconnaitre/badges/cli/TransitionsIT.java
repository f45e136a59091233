package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reconnaitre.badges.cli.BadgesProcess.assertOneLineError;
import static org.reconnaitre.badges.cli.BadgesProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.testing.SharedData;

class TransitionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path rome() {
        try {
            return Path.of(TransitionsIT.class.getResource("rome-v460").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tsvAllHasAHeaderThenRankedRowsPerOrigin() {
        var r = run("transitions", "--framework", "rome", "--data", rome().toString(), "--all", "--top", "3");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("origin\trank\tdestination\tscore");
        assertThat(lines).hasSize(1 + 5 * 3); // five job sheets, three destinations each
        List<String> origins = lines.stream().skip(1).map(l -> l.split("\t")[0]).distinct().toList();
        assertThat(origins).containsExactly("K2111", "N4101", "N4103", "N4116", "N4125");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(f).hasSize(4);
            assertThat(f[2]).isNotEqualTo(f[0]).matches("[A-Z]\\d{4}");
            assertThat(Double.parseDouble(f[3])).isBetween(0.0, 1.0);
        }
        // ranks are 1..3 per origin and scores do not increase within an origin
        List<String> n4101 = lines.stream().filter(l -> l.startsWith("N4101\t")).toList();
        assertThat(n4101).extracting(l -> l.split("\t")[1]).containsExactly("1", "2", "3");
        double[] scores = n4101.stream().mapToDouble(l -> Double.parseDouble(l.split("\t")[3])).toArray();
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        assertThat(scores).containsExactly(sorted[2], sorted[1], sorted[0]);
    }

    @Test
    void fromOneOriginAsJsonWithLabelsAndGaps() throws Exception {
        var r = run("transitions", "--framework", "rome", "--data", rome().toString(), "--from", "N4101",
                "--top", "2", "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode rows = JSON.readTree(r.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("origin").asText()).isEqualTo("N4101");
        assertThat(rows.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(rows.get(0).path("destinationLabel").asText()).isNotBlank();
        assertThat(rows.get(0).path("missing").isArray()).isTrue();
    }

    @Test
    void anUnknownOriginOrAMissingDirectoryIsExitCode2() {
        var unknown = run("transitions", "--framework", "rome", "--data", rome().toString(), "--from", "Z9999");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertOneLineError(unknown);
        assertThat(unknown.err()).contains("Z9999");
        var noData = run("transitions", "--framework", "rome", "--data", "/nonexistent", "--all");
        assertThat(noData.exitCode()).isEqualTo(2);
        assertOneLineError(noData);
        var both = run("transitions", "--framework", "rome", "--data", rome().toString(), "--all", "--from", "N4101");
        assertThat(both.exitCode()).isEqualTo(2);
        assertOneLineError(both);
        var neither = run("transitions", "--framework", "rome", "--data", rome().toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        var badFramework = run("transitions", "--framework", "onet", "--data", rome().toString(), "--all");
        assertThat(badFramework.exitCode()).isEqualTo(2);
        assertThat(badFramework.err()).contains("esco, rome");
    }

    @Test
    void helpHasAnExample() {
        var r = run("transitions", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Examples:").contains("badges transitions --framework rome");
    }

    @Test
    @Tag("full-data")
    void fullRomeFromOneOrigin() {
        Path data = SharedData.require("data/rome-v460");
        var r = run("transitions", "--framework", "rome", "--data", data.toString(), "--from", "M1602", "--top", "10");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(11);
        assertThat(r.out().lines().skip(1)).allMatch(l -> l.startsWith("M1602\t"));
    }
}
