package org.reconnaitre.badges.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reconnaitre.badges.model.Severity;

/** Rendering of reports, and bad input that must give a report rather than an exception. */
class ConformanceReportTest {

    @Test
    void markdownAndJsonListViolationsAndPassedRules() {
        ConformanceReport r = new ConformanceReport("badge \"1\".json",
                List.of(new Violation("VERIFY-PROOF", Severity.ERROR, "/proof", "bad | signature\nhere"),
                        new Violation("OB3-CONTEXT-VERSION", Severity.WARNING, "/@context/1", "old")),
                Set.of("VERIFY-PROOF", "OB3-CONTEXT-VERSION", "SCHEMA", "VC-TYPE"));
        assertThat(r.isConformant()).isFalse();
        assertThat(r.passedRules()).containsExactly("SCHEMA", "VC-TYPE");
        assertThat(r.toMarkdown()).startsWith("## badge \"1\".json: NOT conformant (1 error(s), 1 warning(s))")
                .contains("| VERIFY-PROOF | error | `/proof` | bad \\| signature here |")
                .contains("Passed: SCHEMA, VC-TYPE");
        assertThat(r.toJson()).isEqualTo("{\"subject\":\"badge \\\"1\\\".json\",\"conformant\":false,\"violations\":["
                + "{\"rule\":\"VERIFY-PROOF\",\"severity\":\"error\",\"path\":\"/proof\",\"message\":\"bad | signature\\nhere\"},"
                + "{\"rule\":\"OB3-CONTEXT-VERSION\",\"severity\":\"warning\",\"path\":\"/@context/1\",\"message\":\"old\"}],"
                + "\"passed\":[\"SCHEMA\",\"VC-TYPE\"]}");
    }

    @Test
    void garbageGivesAReportNotAnException() {
        ConformanceKit kit = ConformanceKit.builder().build();
        ConformanceReport notJson = kit.check("hello");
        assertThat(notJson.isConformant()).isFalse();
        assertThat(notJson.errors()).extracting(Violation::ruleId).contains("VERIFY-FORMAT");
        ConformanceReport truncated = kit.check("{\"@context\": [");
        assertThat(truncated.errors()).extracting(Violation::ruleId).contains("JSON-PARSE");
        ConformanceReport empty = kit.check("{}");
        assertThat(empty.errors()).extracting(Violation::ruleId).contains("DOCUMENT-KIND", "VERIFY-CONTEXT-AND-TYPE");
    }

    @Test
    void theSummaryCountsCredentialsPerFailedRule() {
        ConformanceReport ok = new ConformanceReport("a.json", List.of(), Set.of("VERIFY-PROOF"));
        ConformanceReport bad = new ConformanceReport("b.json", List.of(
                new Violation("VERIFY-PROOF", Severity.ERROR, "/proof", "bad"),
                new Violation("VERIFY-PROOF", Severity.ERROR, "/proof", "bad again"),
                new Violation("OB3-CONTEXT-VERSION", Severity.WARNING, "/@context/1", "old")), Set.of("VERIFY-PROOF"));
        ConformanceSummary s = ConformanceSummary.of(List.of(ok, bad));
        assertThat(s.conformant()).isEqualTo(1);
        assertThat(s.nonConformant()).isEqualTo(1);
        assertThat(s.allConformant()).isFalse();
        assertThat(s.errorsByRule()).containsExactly(java.util.Map.entry("VERIFY-PROOF", 1));
        assertThat(s.toMarkdown()).contains("## a.json: conformant").contains("## b.json: NOT conformant")
                .contains("## Summary: 1 conformant, 1 not conformant").contains("| VERIFY-PROOF | 1 |");
        assertThat(s.toJson()).startsWith("{\"conformant\":1,\"notConformant\":1,\"failedRules\":{\"VERIFY-PROOF\":1},\"reports\":[{\"subject\":\"a.json\"");
    }
}
