package org.reconnaitre.badges.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.reconnaitre.badges.conformance.internal.Text;

/**
 * The summary over several credentials (a directory of an issuer's output): how many conform, how
 * many do not, and how many credentials break each rule. Immutable and thread-safe. This is what
 * {@code badges conformance DIR|FILE... [--format md|json]} prints after the per-credential reports.
 *
 * <pre>{@code
 * ConformanceKit kit = ConformanceKit.builder().build();
 * List<ConformanceReport> reports = files.stream().map(f -> kit.check(f.toString(), Files.readString(f))).toList();
 * System.out.println(ConformanceSummary.of(reports).toMarkdown());
 * }</pre>
 */
public final class ConformanceSummary {
    private final List<ConformanceReport> reports;
    private final Map<String, Integer> errorsByRule;

    private ConformanceSummary(List<ConformanceReport> reports) {
        this.reports = List.copyOf(reports);
        Map<String, Integer> counts = new TreeMap<>();
        for (ConformanceReport r : this.reports) {
            r.errors().stream().map(Violation::ruleId).distinct().forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        this.errorsByRule = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** @return the summary of these reports */
    public static ConformanceSummary of(List<ConformanceReport> reports) {
        return new ConformanceSummary(Objects.requireNonNull(reports, "reports"));
    }

    /** @return the reports, in the order given */
    public List<ConformanceReport> reports() {
        return reports;
    }

    /** @return how many credentials conform */
    public int conformant() {
        return (int) reports.stream().filter(ConformanceReport::isConformant).count();
    }

    /** @return how many credentials do not conform */
    public int nonConformant() {
        return reports.size() - conformant();
    }

    /** @return whether every credential conforms (true for none) */
    public boolean allConformant() {
        return nonConformant() == 0;
    }

    /** @return rule id → number of credentials with an error of that rule, sorted by rule id */
    public Map<String, Integer> errorsByRule() {
        return errorsByRule;
    }

    /** @return every report's Markdown, then a summary section with the failed-rule counts */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        reports.forEach(r -> b.append(r.toMarkdown()).append('\n'));
        b.append("## Summary: ").append(conformant()).append(" conformant, ").append(nonConformant())
                .append(" not conformant\n");
        if (!errorsByRule.isEmpty()) {
            b.append("\n| Failed rule | Credentials |\n|---|---|\n");
            errorsByRule.forEach((id, n) -> b.append("| ").append(id).append(" | ").append(n).append(" |\n"));
        }
        return b.toString();
    }

    /**
     * @return {@code {"conformant": n, "notConformant": n, "failedRules": {"RULE-ID": n},
     *     "reports": [<ConformanceReport.toJson()>...]}} as compact JSON
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\"conformant\":").append(conformant()).append(",\"notConformant\":")
                .append(nonConformant()).append(",\"failedRules\":{");
        boolean first = true;
        for (Map.Entry<String, Integer> e : errorsByRule.entrySet()) {
            b.append(first ? "" : ",").append(Text.json(e.getKey())).append(':').append(e.getValue());
            first = false;
        }
        b.append("},\"reports\":[");
        for (int i = 0; i < reports.size(); i++) {
            b.append(i == 0 ? "" : ",").append(reports.get(i).toJson());
        }
        return b.append("]}").toString();
    }
}
