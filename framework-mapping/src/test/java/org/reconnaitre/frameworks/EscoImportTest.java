package org.reconnaitre.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconnaitre.badges.model.BadgeException;

class EscoImportTest {
    static final String BUS = "http://data.europa.eu/esco/occupation/";

    @Test
    void loadsOccupationsSkillsRelationsAndFrenchLabels() throws Exception {
        Framework esco = Fixtures.esco();
        assertThat(esco.languages()).containsExactly("en", "fr");
        Concept bus = esco.concepts(ConceptKind.OCCUPATION).stream()
                .filter(c -> c.preferredLabel("en").orElse("").equals("bus driver")).findFirst().orElseThrow();
        assertThat(bus.id()).startsWith(BUS);
        assertThat(bus.code()).isPresent();
        assertThat(bus.preferredLabel("fr").orElseThrow()).containsIgnoringCase("bus");
        assertThat(bus.alternativeLabels("en")).isNotEmpty(); // multi-line quoted cell split into labels
        assertThat(bus.requirements()).anyMatch(Requirement::essential).anyMatch(r -> !r.essential());
        assertThat(bus.requirements()).extracting(r -> r.competency().kind())
                .allMatch(k -> k == ConceptKind.SKILL || k == ConceptKind.KNOWLEDGE);
        Concept skill = bus.requirements().get(0).competency();
        assertThat(esco.concept(skill.id())).contains(skill);
        assertThat(esco.concepts(ConceptKind.SKILL_GROUP)).isNotEmpty();
        assertThat(esco.concepts(ConceptKind.SKILL).stream().anyMatch(s -> !s.broader().isEmpty())).isTrue();
    }

    @Test
    void readsTheSameDataFromZipsWithoutExtracting(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("esco-v1.1.1-classification-en-csv.zip");
        Path rel = dir.resolve("esco-v1.1.1-relations-csv.zip");
        zip(zip, "occupations_en.csv", "skills_en.csv", "skillGroups_en.csv");
        zip(rel, "occupationSkillRelations.csv", "broaderRelationsSkillPillar.csv", "broaderRelationsOccPillar.csv");
        Framework fromZip = Frameworks.esco().load(zip, rel);
        Framework fromDir = Fixtures.esco();
        assertThat(fromZip.version()).isEqualTo("1.1.1");
        assertThat(fromZip.languages()).containsExactly("en");
        assertThat(fromZip.size()).isEqualTo(fromDir.size());
        assertThat(fromZip.concepts(ConceptKind.OCCUPATION).get(0).requirements())
                .hasSameSizeAs(fromDir.concept(fromZip.concepts(ConceptKind.OCCUPATION).get(0).id()).orElseThrow().requirements());
    }

    @Test
    void unterminatedQuoteNamesEntryLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("occupations_en.csv");
        Files.writeString(f, "conceptType,conceptUri,preferredLabel\nOccupation,http://x/1,\"ok\"\nOccupation,http://x/2,\"broken\n");
        assertThatThrownBy(() -> Frameworks.esco().load(f))
                .isInstanceOf(BadgeException.class)
                .hasMessageContaining("occupations_en.csv:3:23")
                .hasMessageContaining("unterminated");
    }

    @Test
    void missingColumnIsNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("skills_en.csv");
        Files.writeString(f, "conceptType,uri,preferredLabel\nx,y,z\n");
        assertThatThrownBy(() -> Frameworks.esco().load(f))
                .isInstanceOf(BadgeException.class).hasMessageContaining("missing column 'conceptUri'");
    }

    @Test
    void invalidUtf8IsMalformedData(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("skills_en.csv");
        byte[] head = "conceptType,conceptUri,preferredLabel\nx,http://x/1,caf".getBytes();
        byte[] all = java.util.Arrays.copyOf(head, head.length + 2);
        all[head.length] = (byte) 0xC3;
        all[head.length + 1] = (byte) 0x28;
        Files.write(f, all);
        assertThatThrownBy(() -> Frameworks.esco().load(f))
                .isInstanceOf(BadgeException.class)
                .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_DATA));
    }

    @Test
    void nothingToLoadIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> Frameworks.esco().load(dir)).isInstanceOf(BadgeException.class)
                .hasMessageContaining("no ESCO");
    }

    private static void zip(Path zip, String... names) throws Exception {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(Files.readAllBytes(Fixtures.path("esco/" + n)));
                z.closeEntry();
            }
        }
    }
}
