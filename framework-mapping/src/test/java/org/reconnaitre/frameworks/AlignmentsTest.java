package org.reconnaitre.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.frameworks.crosswalk.Crosswalk;
import org.reconnaitre.frameworks.crosswalk.Mapping;
import org.reconnaitre.frameworks.crosswalk.Predicate;

class AlignmentsTest {
    @Test
    void escoSkillBecomesAnOb3AlignmentAndBack() throws Exception {
        Framework esco = Fixtures.esco();
        Concept skill = esco.concepts(ConceptKind.SKILL).get(0);
        Alignment a = Alignments.of(skill);
        assertThat(a.targetName()).contains(skill.preferredLabel("en").orElseThrow());
        assertThat(a.targetUrl()).contains(URI.create(skill.id()));
        assertThat(a.targetFramework()).contains("ESCO 1.1.1".replace("1.1.1", esco.version()));
        assertThat(a.targetType()).contains("ext:ESCOSkill");
        assertThat(Alignments.resolve(esco, a)).contains(skill);
    }

    @Test
    void romeOccupationAndCaseItemTypes() throws Exception {
        Framework rome = Fixtures.rome();
        Concept bus = rome.concept("N4103").orElseThrow();
        Alignment a = Alignments.of(bus);
        assertThat(a.targetType()).contains("ext:ROMEOccupation");
        assertThat(a.targetCode()).contains("N4103");
        assertThat(a.targetFramework()).contains("ROME 4.0 v460");
        Framework cf = CasePackages.read(CasePackages.write(rome), "rome.json");
        assertThat(Alignments.of(cf.concept("N4103").orElseThrow()).targetType()).contains("CFItem");
    }

    @Test
    void resolvesByCodeThenByNameWhenTheUrlIsForeign() throws Exception {
        Framework rome = Fixtures.rome();
        Alignment byCode = Alignment.builder().targetName("whatever").targetUrl(URI.create("https://example.org/x"))
                .targetCode("N4103").build();
        assertThat(Alignments.resolve(rome, byCode).flatMap(Concept::code)).contains("N4103");
        Alignment byName = Alignment.builder().targetName("CONDUCTEUR / conductrice de bus")
                .targetUrl(URI.create("https://example.org/y")).build();
        assertThat(Alignments.resolve(rome, byName).flatMap(Concept::code)).contains("N4103");
        Alignment unknown = Alignment.builder().targetName("astronaut").targetUrl(URI.create("https://example.org/z")).build();
        assertThat(Alignments.resolve(rome, unknown)).isEmpty();
        assertThat(Alignments.resolveAll(rome, List.of(byCode, byName, unknown))).hasSize(1);
    }

    @Test
    void translatesThroughACrosswalkFollowingOnlyClaimsTheHolderCanMake() throws Exception {
        Framework esco = Fixtures.esco();
        Framework rome = Fixtures.rome();
        Concept escoBus = esco.concepts(ConceptKind.OCCUPATION).stream()
                .filter(c -> c.preferredLabel("en").orElse("").equals("bus driver")).findFirst().orElseThrow();
        Crosswalk cw = Crosswalk.of("x", "l", List.of(
                new Mapping(escoBus.id(), "", Predicate.CLOSE, "urn:rome:fiche:N4103", "", 0.9, "semapv:ManualMappingCuration", ""),
                new Mapping(escoBus.id(), "", Predicate.NARROW, "urn:rome:fiche:N4101", "", 0.9, "semapv:ManualMappingCuration", ""),
                new Mapping(escoBus.id(), "", Predicate.BROAD, "urn:rome:fiche:N4125", "", 0.3, "semapv:ManualMappingCuration", "")));
        List<Alignment> out = cw.translate(List.of(Alignments.of(escoBus)), esco, rome, 0.5);
        assertThat(out).extracting(a -> a.targetCode().orElseThrow()).containsExactly("N4103");
    }
}
