package org.reconnaitre.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;

class CasePackagesTest {
    static final String PKG = """
            {"CFDocument": {"identifier": "d1", "uri": "https://case.example.org/d1", "creator": "Example",
              "title": "Bloc de compétences", "version": "1.0", "language": "fr"},
             "CFItems": [
              {"identifier": "i1", "uri": "https://case.example.org/i1", "fullStatement": "Bloc 1 : conduire",
               "humanCodingScheme": "B1", "CFItemType": "Certification Bloc"},
              {"identifier": "i2", "uri": "https://case.example.org/i2", "fullStatement": "Conduire un bus",
               "humanCodingScheme": "B1.1", "CFItemType": "Competency", "abbreviatedStatement": "Conduite"}],
             "CFAssociations": [
              {"identifier": "a1", "associationType": "isChildOf",
               "originNodeURI": {"title": "Conduire un bus", "identifier": "i2", "uri": "https://case.example.org/i2"},
               "destinationNodeURI": {"title": "Bloc 1", "identifier": "i1", "uri": "https://case.example.org/i1"}},
              {"identifier": "a2", "associationType": "exactMatchOf",
               "originNodeURI": {"identifier": "i2", "uri": "https://case.example.org/i2"},
               "destinationNodeURI": {"uri": "http://data.europa.eu/esco/skill/x"}}]}
            """;

    @Test
    void importsItemsKindsAndHierarchy() throws Exception {
        Framework f = CasePackages.read(PKG, "pkg.json");
        assertThat(f.id()).isEqualTo("d1");
        assertThat(f.languages()).containsExactly("fr");
        Concept bloc = f.concept("B1").orElseThrow();
        assertThat(bloc.kind()).isEqualTo(ConceptKind.CERTIFICATION_BLOC);
        Concept item = f.concept("i2").orElseThrow();
        assertThat(item.kind()).isEqualTo(ConceptKind.SKILL);
        assertThat(item.broader()).containsExactly(bloc);
        assertThat(item.alternativeLabels("fr")).containsExactly("Conduite");
    }

    @Test
    void crossFrameworkAssociationsBecomeACrosswalk() throws Exception {
        var cw = org.reconnaitre.frameworks.crosswalk.Crosswalk.fromCase(PKG, "pkg.json");
        assertThat(cw.mappings()).singleElement().satisfies(m -> {
            assertThat(m.subjectId()).isEqualTo("https://case.example.org/i2");
            assertThat(m.predicate()).isEqualTo(org.reconnaitre.frameworks.crosswalk.Predicate.EXACT);
            assertThat(m.objectId()).isEqualTo("http://data.europa.eu/esco/skill/x");
            assertThat(m.provenance()).contains("a2");
        });
        assertThatThrownBy(() -> org.reconnaitre.frameworks.crosswalk.Crosswalk.fromCase(
                "{\"CFAssociations\": [{\"associationType\": \"isRelatedTo\", \"originNodeURI\": {}}]}", "q.json"))
                .isInstanceOf(BadgeException.class).hasMessageContaining("q.json at /CFAssociations/0");
    }

    @Test
    void exportThenImportKeepsConceptsLabelsAndHierarchy() throws Exception {
        Framework rome = Fixtures.rome();
        String json = CasePackages.write(rome, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(json).contains("\"CFDocument\"").contains("\"isChildOf\"");
        assertThat(CasePackages.write(rome, Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo(json);
        Framework back = CasePackages.read(json, "rome.json");
        assertThat(back.size()).isEqualTo(rome.size());
        Concept bus = back.concept("urn:rome:fiche:N4103").orElseThrow();
        assertThat(bus.preferredLabel("fr")).isEqualTo(rome.concept("N4103").orElseThrow().preferredLabel("fr"));
        assertThat(bus.broader()).extracting(Concept::id).containsExactly("urn:rome:group:domaine:N41");
        assertThat(bus.kind()).isEqualTo(ConceptKind.OCCUPATION);
    }

    @Test
    void malformedPackagesAreReportedWithAPointer() {
        assertThatThrownBy(() -> CasePackages.read("{\"CFItems\": []}", "x.json"))
                .isInstanceOf(BadgeException.class).hasMessageContaining("x.json at /CFDocument");
        assertThatThrownBy(() -> CasePackages.read("{\"CFDocument\": {\"identifier\": \"d\"}, \"CFItems\": [{\"identifier\": \"i\"}]}", "y.json"))
                .isInstanceOf(BadgeException.class).hasMessageContaining("/CFItems/0");
        assertThatThrownBy(() -> CasePackages.read("{\"CFDocument\": ", "z.json"))
                .isInstanceOf(BadgeException.class)
                .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_DATA));
    }
}
