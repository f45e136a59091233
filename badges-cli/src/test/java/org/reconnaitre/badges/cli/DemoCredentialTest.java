package org.reconnaitre.badges.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Alignment;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.testing.SharedData;
import org.reconnaitre.frameworks.Alignments;
import org.reconnaitre.frameworks.Framework;
import org.reconnaitre.frameworks.Frameworks;

/** The demo's embedded badge: valid, and its alignments resolve in the real referentials. */
class DemoCredentialTest {

    private static List<Alignment> alignments() {
        return DemoCommand.credential("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
                .credentialSubject().orElseThrow().achievement().orElseThrow().alignment();
    }

    @Test
    void theDemoBadgeIsValidAndAlignedToEscoAndRome() {
        String json = DemoCommand.credential("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").toPrettyJson();
        assertThat(Validator.standard().validate(json).errors()).isEmpty();
        assertThat(alignments()).extracting(a -> a.targetType().orElse(""))
                .containsExactly("ext:ESCOSkill", "ext:ROMEOccupation");
    }

    @Test
    @Tag("full-data")
    void theRomeAlignmentResolvesInTheFullRome() throws Exception {
        Framework rome = Frameworks.rome().load(SharedData.require("data/rome-v460"));
        assertThat(Alignments.resolve(rome, alignments().get(1)))
                .hasValueSatisfying(c -> assertThat(c.code()).contains(DemoCommand.ROME_CODE));
        assertThat(Alignments.resolve(rome, alignments().get(0))).isEmpty();
    }

    @Test
    @Tag("full-data")
    void theEscoAlignmentResolvesInTheFullEsco() throws Exception {
        Framework esco = Frameworks.esco().load(SharedData.require("data/esco-v1.1.1"));
        assertThat(Alignments.resolve(esco, alignments().get(0)))
                .hasValueSatisfying(c -> assertThat(c.preferredLabel()).isEqualTo(DemoCommand.ESCO_SKILL_LABEL));
    }
}
