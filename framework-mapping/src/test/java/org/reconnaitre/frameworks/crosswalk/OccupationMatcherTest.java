package org.reconnaitre.frameworks.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.Frameworks;
import org.reconnaitre.frameworks.internal.Text;

class OccupationMatcherTest {
    static Path fixture(String name) throws URISyntaxException {
        return Path.of(OccupationMatcherTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void normalisesAccentsCaseAndGenderForms() {
        assertThat(Text.normalize("Conducteur / Conductrice de BUS")).isEqualTo("conducteur de bus");
        assertThat(Text.variants("Conducteur / Conductrice de bus")).containsExactly("conducteur de bus", "conductrice de bus");
        assertThat(Text.variants("directeur technique/directrice technique"))
                .containsExactly("directeur technique", "directrice technique");
        assertThat(Text.normalize("Éleveur (H/F)")).isEqualTo("eleveur");
    }

    @Test
    void proposesTheRomeBusDriverSheetForEscoBusDriver() throws Exception {
        Framework rome = Frameworks.rome().load(fixture("rome-v460"));
        Framework esco = Frameworks.esco().load(fixture("esco"));
        Crosswalk cw = OccupationMatcher.candidates(rome, esco, "fr", 0.4);
        Mapping bus = cw.mappings().stream()
                .filter(m -> m.objectLabel().toLowerCase().contains("bus")).findFirst().orElseThrow();
        assertThat(bus.subjectId()).isEqualTo("urn:rome:fiche:N4103");
        assertThat(bus.justification()).isEqualTo("semapv:LexicalMatching");
        assertThat(bus.confidence()).isBetween(0.4, 1.0);
        assertThat(bus.provenance()).contains("~");
        // exported for review as SSSOM, and read back
        assertThat(Crosswalk.readSssom(new StringReader(cw.toSssom())).mappings()).isEqualTo(cw.mappings());
    }
}
