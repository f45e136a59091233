package org.reconnaitre.frameworks.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.BadgeException;

class CrosswalkTest {
    static final String ROME = "urn:rome:fiche:N4103";
    static final String ESCO = "http://data.europa.eu/esco/occupation/bus";
    static final String CASE = "urn:uuid:case-bus";

    static Mapping m(String s, Predicate p, String o, double c) {
        return new Mapping(s, "s", p, o, "o", c, "semapv:ManualMappingCuration", "test");
    }

    @Test
    void sssomRoundTripKeepsEveryFieldAndUsesCuries() throws Exception {
        Crosswalk cw = Crosswalk.of("https://example.org/rome-esco", "https://etalab.gouv.fr/licence-ouverte-open-licence",
                List.of(m(ROME, Predicate.CLOSE, ESCO, 0.9), m(ROME, Predicate.BROAD, "http://example.org/x", 0.5)));
        String tsv = cw.toSssom();
        assertThat(tsv).startsWith("# curie_map:").contains("# mapping_set_id: https://example.org/rome-esco")
                .contains("rome:fiche:N4103\ts\tskos:closeMatch\tesco:occupation/bus");
        Crosswalk back = Crosswalk.readSssom(new StringReader(tsv));
        assertThat(back.mappings()).isEqualTo(cw.mappings());
        assertThat(back.id()).isEqualTo(cw.id());
        assertThat(back.license()).isEqualTo(cw.license());
    }

    @Test
    void listValuedMetadataIsValidYaml() throws Exception {
        String tsv = """
                # curie_map:
                #   ex: "http://example.org/"
                # mapping_set_id: http://example.org/set
                # creator_label:
                #   - Jean Dupont
                #   - Marie Curie
                # license: https://creativecommons.org/licenses/by/4.0/
                subject_id\tpredicate_id\tobject_id\tmapping_justification
                ex:a\tskos:exactMatch\tex:b\tsemapv:ManualMappingCuration
                """;
        Crosswalk cw = Crosswalk.readSssom(new StringReader(tsv));
        assertThat(cw.id()).isEqualTo("http://example.org/set");
        assertThat(cw.license()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(cw.mappings()).singleElement().satisfies(x -> assertThat(x.objectId()).isEqualTo("http://example.org/b"));
    }

    @Test
    void metadataThatIsNotYamlIsMalformedData() {
        String tsv = "# curie_map: [unclosed\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\n";
        assertThatThrownBy(() -> Crosswalk.readSssom(new StringReader(tsv)))
                .isInstanceOfSatisfying(BadgeException.class, e -> {
                    assertThat(e.code()).isEqualTo(BadgeException.Code.MALFORMED_DATA);
                    assertThat(e.getMessage()).contains("not valid YAML");
                });
    }

    @Test
    void readsAForeignSssomFileWithItsOwnCurieMap() throws Exception {
        String tsv = """
                # curie_map:
                #   ex: "http://example.org/"
                # mapping_set_id: http://example.org/set
                # license: https://creativecommons.org/licenses/by/4.0/
                subject_id\tpredicate_id\tobject_id\tmapping_justification
                ex:a\tskos:narrowMatch\tex:b\tsemapv:ManualMappingCuration
                """;
        Crosswalk cw = Crosswalk.readSssom(new StringReader(tsv));
        assertThat(cw.mappings()).singleElement().satisfies(x -> {
            assertThat(x.subjectId()).isEqualTo("http://example.org/a");
            assertThat(x.predicate()).isEqualTo(Predicate.NARROW);
            assertThat(x.confidence()).isEqualTo(1.0);
        });
    }

    @Test
    void malformedSssomNamesLineAndColumn() {
        String bad = "# mapping_set_id: x\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\n"
                + "a:1\tskos:exactMatch\tb:1\tsemapv:X\t0.5\na:2\towl:sameAs\tb:2\tsemapv:X\t0.5\n";
        assertThatThrownBy(() -> Crosswalk.readSssom(new StringReader(bad)))
                .isInstanceOf(BadgeException.class).hasMessageContaining("line 4, column 2")
                .hasMessageContaining("owl:sameAs");
        String conf = "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\na\tskos:exactMatch\tb\tj\t1.5\n";
        assertThatThrownBy(() -> Crosswalk.readSssom(new StringReader(conf)))
                .isInstanceOf(BadgeException.class).hasMessageContaining("line 2, column 5");
        assertThatThrownBy(() -> Crosswalk.readSssom(new StringReader("a\tb\n")))
                .isInstanceOf(BadgeException.class).hasMessageContaining("missing column 'subject_id'");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsMalformedData() {
        // Found by badges-fuzz (SssomFuzzTest): a repeated column name used to end in an
        // ArrayIndexOutOfBoundsException on the first data row.
        String tsv = "subject_id\tpredicate_id\tobject_id\tmapping_justification\tcomment\tcomment\n"
                + "a:1\tskos:exactMatch\tb:1\tsemapv:X\tc\td\n";
        assertThatThrownBy(() -> Crosswalk.readSssom(new StringReader(tsv)))
                .isInstanceOf(BadgeException.class)
                .hasMessageContaining("line 1, column 6")
                .hasMessageContaining("duplicate column 'comment'")
                .satisfies(e -> assertThat(((BadgeException) e).code()).isEqualTo(BadgeException.Code.MALFORMED_DATA));
    }

    @Test
    void inverseSwapsSidesAndBroadNarrow() {
        Crosswalk cw = Crosswalk.of("x", "y", List.of(m(ROME, Predicate.BROAD, ESCO, 0.8)));
        Mapping inv = cw.inverse().mappings().get(0);
        assertThat(inv.subjectId()).isEqualTo(ESCO);
        assertThat(inv.objectId()).isEqualTo(ROME);
        assertThat(inv.predicate()).isEqualTo(Predicate.NARROW);
        assertThat(cw.inverse().inverse().mappings()).isEqualTo(cw.mappings());
    }

    @Test
    void predicateAlgebraNeverClaimsMoreThanTheWeakestLink() {
        for (Predicate a : Predicate.values()) {
            assertThat(Predicate.EXACT.then(a)).contains(a);
            assertThat(a.then(Predicate.EXACT)).contains(a);
        }
        assertThat(Predicate.CLOSE.then(Predicate.CLOSE)).contains(Predicate.CLOSE);
        assertThat(Predicate.BROAD.then(Predicate.BROAD)).contains(Predicate.BROAD);
        assertThat(Predicate.BROAD.then(Predicate.NARROW)).contains(Predicate.RELATED);
        assertThat(Predicate.NARROW.then(Predicate.BROAD)).contains(Predicate.RELATED);
        assertThat(Predicate.CLOSE.then(Predicate.NARROW)).contains(Predicate.NARROW);
        assertThat(Predicate.RELATED.then(Predicate.RELATED)).isEmpty();
        // never stronger than either link, in the order EXACT > CLOSE > BROAD/NARROW > RELATED
        for (Predicate a : Predicate.values()) {
            for (Predicate b : Predicate.values()) {
                a.then(b).ifPresent(c -> assertThat(strength(c)).isLessThanOrEqualTo(Math.min(strength(a), strength(b))));
            }
        }
    }

    private static int strength(Predicate p) {
        return switch (p) {
            case EXACT -> 3;
            case CLOSE -> 2;
            case BROAD, NARROW -> 1;
            case RELATED -> 0;
        };
    }

    @Test
    void composesAcrossThreeFrameworks() {
        Crosswalk romeEsco = Crosswalk.of("a", "l", List.of(m(ROME, Predicate.CLOSE, ESCO, 0.9),
                m("urn:rome:fiche:N4101", Predicate.RELATED, ESCO, 0.5)));
        Crosswalk escoCase = Crosswalk.of("b", "l", List.of(m(ESCO, Predicate.BROAD, CASE, 0.8),
                m(ESCO, Predicate.RELATED, "urn:uuid:other", 0.9)));
        Crosswalk romeCase = romeEsco.compose(escoCase);
        assertThat(romeCase.from(ROME)).extracting(Mapping::objectId, Mapping::predicate)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(CASE, Predicate.BROAD),
                        org.assertj.core.groups.Tuple.tuple("urn:uuid:other", Predicate.RELATED));
        Mapping bc = romeCase.from(ROME).stream().filter(x -> x.objectId().equals(CASE)).findFirst().orElseThrow();
        assertThat(bc.confidence()).isCloseTo(0.72, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bc.justification()).isEqualTo("semapv:MappingChaining");
        // RELATED then RELATED supports no claim
        assertThat(romeCase.from("urn:rome:fiche:N4101")).extracting(Mapping::objectId).containsExactly(CASE);
    }

    @Test
    void detectsConflicts() {
        Crosswalk cw = Crosswalk.of("c", "l", List.of(
                m(ROME, Predicate.EXACT, ESCO, 0.9),
                m(ROME, Predicate.BROAD, ESCO, 0.6),
                m(ROME, Predicate.EXACT, "http://e/2", 0.7),
                m("urn:rome:fiche:X", Predicate.EXACT, ESCO, 0.7),
                m("urn:rome:fiche:Y", Predicate.CLOSE, "http://e/3", 0.7)));
        assertThat(cw.conflicts()).extracting(Conflict::kind).containsExactlyInAnyOrder(
                Conflict.Kind.CONTRADICTORY_PREDICATES, Conflict.Kind.EXACT_ONE_TO_MANY, Conflict.Kind.EXACT_MANY_TO_ONE);
        assertThat(Crosswalk.of("ok", "l", List.of(m(ROME, Predicate.CLOSE, ESCO, 1))).conflicts()).isEmpty();
    }

    @Test
    void mappingValidatesItsFields() {
        assertThatThrownBy(() -> m(ROME, Predicate.EXACT, ESCO, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m(" ", Predicate.EXACT, ESCO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Mapping(ROME, "a\tb", Predicate.EXACT, ESCO, "", 1, "j", "x\ny").subjectLabel()).isEqualTo("a b");
    }
}
