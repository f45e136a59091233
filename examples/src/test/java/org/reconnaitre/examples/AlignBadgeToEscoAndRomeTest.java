package org.reconnaitre.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.AchievementCredential;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.Frameworks;

class AlignBadgeToEscoAndRomeTest {
    private static Framework esco;
    private static Framework rome;

    static Path fixture(String name) {
        try {
            return Path.of(AlignBadgeToEscoAndRomeTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void load() throws Exception {
        esco = Frameworks.esco().load(fixture("esco"));
        rome = Frameworks.rome().load(fixture("rome-v460"));
    }

    @Test
    void mainPrintsTheAlignmentsAndTheClosestOccupationsInBothReferentials() throws Exception {
        String printed = StdoutCapture.capture(() -> AlignBadgeToEscoAndRome.main(new String[] {
                fixture("esco").toString(), fixture("rome-v460").toString()}));
        assertThat(printed).contains("Badge \"Passenger transport basics\" is aligned to:")
                .contains("ext:ESCOSkill  focus on passengers  <" + AlignBadgeToEscoAndRome.ESCO_SKILL + ">")
                .contains("Transporter des passagers");
        // the ESCO skill is an essential skill of "bus driver": it ranks first
        assertThat(printed).containsPattern("ESCO[^\\n]*\\n +\\S* *bus driver");
        // ROME: the bus driver job sheet N4103 ranks first
        assertThat(printed).containsPattern("ROME[^\\n]*\\n +N4103 ");
    }

    @Test
    void theBadgeIsValidAndItsAlignmentsSurviveJsonAndResolveBack() throws Exception {
        AchievementCredential badge = AlignBadgeToEscoAndRome.badge(esco, rome);
        String json = badge.toPrettyJson();
        assertThat(Validator.standard().validate(json).errors()).isEmpty();
        AchievementCredential received = AlignBadgeToEscoAndRome.read(json);
        var alignments = received.credentialSubject().orElseThrow().achievement().orElseThrow().alignment();
        assertThat(alignments).hasSize(3);
        assertThat(alignments).extracting(a -> a.targetType().orElse(""))
                .contains("ext:ESCOSkill").allMatch(t -> t.startsWith("ext:ESCO") || t.startsWith("ext:ROME"));
        assertThat(alignments.stream().map(Alignment::targetCode)).anyMatch(c -> c.orElse("").equals("300275"));
    }

    @Test
    void explainShowsCoverageAndTheGapForTheBestOccupation() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AlignBadgeToEscoAndRome.explain(AlignBadgeToEscoAndRome.badge(esco, rome), rome,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("the badge shows 2 competencies").contains("coverage").contains("still to show for");
    }
}
