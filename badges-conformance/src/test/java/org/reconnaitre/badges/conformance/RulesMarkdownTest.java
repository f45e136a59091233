package org.reconnaitre.badges.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Rule;

/** RULES.md is generated from the code and checked in: this test fails when the two differ. */
class RulesMarkdownTest {

    @Test
    void theCheckedInRulesMdIsUpToDate() throws Exception {
        Path file = Path.of("RULES.md"); // surefire runs in the module directory
        String expected = RulesMarkdown.generate();
        if (Boolean.getBoolean("reconnaitre.rules.update")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(file).as("badges-conformance/RULES.md is missing; regenerate it with: " + RulesMarkdown.REGENERATE).exists();
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("badges-conformance/RULES.md is out of date with ConformanceRules.all(); regenerate it with: "
                + RulesMarkdown.REGENERATE).isEqualTo(expected);
    }

    @Test
    void theCatalogueHasEveryValidatorRuleAndVerifierCheckOnce() {
        assertThat(ConformanceRules.all()).extracting(ConformanceRule::id).doesNotHaveDuplicates();
        for (Rule r : Rule.all()) {
            assertThat(ConformanceRules.byId(r.id())).as(r.id()).isPresent();
        }
        for (String check : new String[] {"format", "parse", "jwt-claims", "context-and-type", "schema", "proof",
                "signed-data", "key-binding", "recipient", "validity-period", "status", "endorsements", "credentials",
                "ob2-upgrade", "ob2-fetch", "ob2-verification", "revocation", "ob2-extensions"}) {
            assertThat(ConformanceRules.byId(ConformanceRules.forCheck(check))).as(check).isPresent();
        }
        assertThat(ConformanceRules.all()).filteredOn(r -> r.origin() == ConformanceRule.Origin.VERIFIER).hasSize(18);
        assertThat(ConformanceRules.all()).allSatisfy(r -> {
            assertThat(r.spec()).startsWith("https://");
            assertThat(r.summary()).doesNotContain("\n");
        });
        assertThat(RulesMarkdown.generate()).contains("| `OB3-CONTEXT-ORDER` | error | validator |")
                .contains("| `VERIFY-PROOF` | error | verifier |").contains("| `ROBUST-TAMPER` | error | kit |")
                .contains("| `VERIFY-OB2-UPGRADE` | warning | verifier | https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#");
    }
}
