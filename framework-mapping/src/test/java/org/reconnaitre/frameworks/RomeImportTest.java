package org.reconnaitre.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.model.BadgeException;

class RomeImportTest {
    @Test
    void loadsJobSheetsAppellationsItemsAndCoherence() throws Exception {
        Framework rome = Fixtures.rome();
        assertThat(rome.id()).isEqualTo("rome");
        assertThat(rome.version()).isEqualTo("v460");
        assertThat(rome.languages()).containsExactly("fr");
        assertThat(rome.attribution()).contains("France Travail").contains("v460");
        assertThat(rome.concepts(ConceptKind.OCCUPATION)).hasSize(5);

        Concept bus = rome.concept("N4103").orElseThrow();
        assertThat(bus.id()).isEqualTo("urn:rome:fiche:N4103");
        assertThat(bus.preferredLabel("fr")).contains("Conducteur / Conductrice de bus");
        assertThat(bus.alternativeLabels("fr")).isNotEmpty();
        // domaine professionnel N41 under grand domaine N
        Concept dp = bus.broader().get(0);
        assertThat(dp.kind()).isEqualTo(ConceptKind.OCCUPATION_GROUP);
        assertThat(dp.code()).contains("N41");
        assertThat(dp.broader()).extracting(c -> c.code().orElseThrow()).containsExactly("N");

        List<Requirement> reqs = bus.requirements();
        assertThat(reqs).isNotEmpty();
        assertThat(reqs.get(0).essential()).isTrue();
        assertThat(reqs).anyMatch(r -> !r.essential() && r.weight() == 0.5);
        assertThat(reqs).extracting(r -> r.competency().kind()).contains(ConceptKind.SKILL, ConceptKind.KNOWLEDGE);
    }

    @Test
    void appellationCodesFindTheirJobSheet() throws Exception {
        Framework rome = Fixtures.rome();
        Path app = Fixtures.path("rome-v460/unix_referentiel_appellation_v460_utf8.csv");
        String first = Files.readAllLines(app).get(1).split(",")[0].replace("\"", "");
        Concept c = rome.concept(first).orElseThrow();
        assertThat(c.kind()).isEqualTo(ConceptKind.OCCUPATION);
    }

    @Test
    void competencesHangUnderMacroCompetencesAndRebuiltGroups() throws Exception {
        Framework rome = Fixtures.rome();
        Concept withMacro = rome.concepts(ConceptKind.SKILL).stream()
                .filter(c -> c.broader().stream().anyMatch(b -> b.kind() == ConceptKind.SKILL))
                .findFirst().orElseThrow();
        Concept macro = withMacro.broader().get(0);
        assertThat(macro.narrower()).contains(withMacro);
        Concept group = macro.broader().get(0);
        assertThat(group.kind()).isEqualTo(ConceptKind.SKILL_GROUP);
        assertThat(group.code().orElseThrow()).hasSize(3);
    }

    @Test
    void neverReadsTheMobilityAnswerKey() {
        assertThat(org.reconnaitre.frameworks.internal.RomeLoader.FILES).noneMatch(f -> f.contains("mobilite"));
    }

    @Test
    void malformedFileIsReportedWithFileLineAndColumnAndNothingIsLoaded(@TempDir Path dir) throws Exception {
        Path src = Fixtures.path("rome-v460");
        try (var s = Files.list(src)) {
            for (Path p : s.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Path coh = dir.resolve("unix_coherence_item_v460_utf8.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(coh));
        lines.set(3, "\"N4101\",\"1234\"x,\"\"");
        Files.write(coh, lines);
        assertThatThrownBy(() -> Frameworks.rome().load(dir))
                .isInstanceOf(BadgeException.class)
                .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_DATA))
                .hasMessageContaining("unix_coherence_item_v460_utf8.csv:4:");
    }

    @Test
    void missingDirectoryOrFilesAreClearErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> Frameworks.rome().load(dir.resolve("nope")))
                .isInstanceOf(BadgeException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> Frameworks.rome().load(dir))
                .isInstanceOf(BadgeException.class).hasMessageContaining("unix_referentiel_code_rome");
    }
}
