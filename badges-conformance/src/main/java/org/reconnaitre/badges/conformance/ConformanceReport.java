package org.reconnaitre.badges.conformance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.reconnaitre.badges.conformance.internal.Text;
import org.reconnaitre.badges.model.Severity;

/**
 * What the conformance kit found in one credential: the violations (errors and warnings) and the
 * ids of the rules that were checked. Immutable and thread-safe.
 *
 * <pre>{@code
 * ConformanceReport report = ConformanceKit.builder().build().check(json);
 * if (!report.isConformant()) {
 *     System.out.println(report.toMarkdown());
 * }
 * }</pre>
 */
public final class ConformanceReport {
    private final String subject;
    private final List<Violation> violations;
    private final Set<String> checkedRules;

    /**
     * @param subject what was checked (a file name, a credential id), for the rendered reports
     * @param violations the violations, in the order found
     * @param checkedRules the ids of the rules that ran (violated or not)
     */
    public ConformanceReport(String subject, List<Violation> violations, Set<String> checkedRules) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.violations = List.copyOf(violations);
        this.checkedRules = Set.copyOf(new LinkedHashSet<>(checkedRules));
    }

    /** @return what was checked */
    public String subject() {
        return subject;
    }

    /** @return whether no rule is violated with severity error */
    public boolean isConformant() {
        return errors().isEmpty();
    }

    /** @return every violation, errors and warnings, in the order found */
    public List<Violation> violations() {
        return violations;
    }

    /** @return the violations of severity error */
    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    /** @return the violations of severity warning */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> v.severity() == Severity.WARNING).toList();
    }

    /** @return the distinct ids of the violated rules (errors and warnings), in the order found */
    public Set<String> violatedRuleIds() {
        Set<String> ids = new LinkedHashSet<>();
        violations.forEach(v -> ids.add(v.ruleId()));
        return ids;
    }

    /** @return the ids of the rules that ran, violated or not (unordered) */
    public Set<String> checkedRules() {
        return checkedRules;
    }

    /** @return the ids of the rules that ran and were not violated, sorted */
    public List<String> passedRules() {
        Set<String> violated = violatedRuleIds();
        List<String> passed = new ArrayList<>();
        for (String id : checkedRules) {
            if (!violated.contains(id)) {
                passed.add(id);
            }
        }
        passed.sort(null);
        return passed;
    }

    /** @return the violations of one rule */
    public List<Violation> violationsOf(String ruleId) {
        return violations.stream().filter(v -> v.ruleId().equals(ruleId)).toList();
    }

    /** @return the first violation of one rule, if any */
    public Optional<Violation> first(String ruleId) {
        return violationsOf(ruleId).stream().findFirst();
    }

    /**
     * @return a Markdown section: a heading with the subject and the verdict, the violations as a
     *     table (rule, severity, path, message), and the passed rule ids
     */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(subject).append(": ").append(isConformant() ? "conformant" : "NOT conformant")
                .append(" (").append(errors().size()).append(" error(s), ").append(warnings().size()).append(" warning(s))\n\n");
        if (!violations.isEmpty()) {
            b.append("| Rule | Severity | Path | Message |\n|---|---|---|---|\n");
            for (Violation v : violations) {
                b.append("| ").append(v.ruleId()).append(" | ").append(Text.lower(v.severity())).append(" | `")
                        .append(v.path()).append("` | ").append(Text.cell(v.message())).append(" |\n");
            }
            b.append('\n');
        }
        b.append("Passed: ").append(passedRules().isEmpty() ? "none" : String.join(", ", passedRules())).append('\n');
        return b.toString();
    }

    /**
     * @return {@code {"subject": "...", "conformant": bool, "violations": [{"rule", "severity",
     *     "path", "message"}], "passed": ["RULE-ID", ...]}} as compact JSON
     */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\"subject\":").append(Text.json(subject))
                .append(",\"conformant\":").append(isConformant()).append(",\"violations\":[");
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            b.append(i == 0 ? "" : ",").append("{\"rule\":").append(Text.json(v.ruleId()))
                    .append(",\"severity\":").append(Text.json(Text.lower(v.severity())))
                    .append(",\"path\":").append(Text.json(v.path()))
                    .append(",\"message\":").append(Text.json(v.message())).append('}');
        }
        b.append("],\"passed\":[");
        List<String> passed = passedRules();
        for (int i = 0; i < passed.size(); i++) {
            b.append(i == 0 ? "" : ",").append(Text.json(passed.get(i)));
        }
        return b.append("]}").toString();
    }

    /** @return the subject, the verdict and one line per violation */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(subject).append(": ").append(isConformant() ? "conformant" : "NOT conformant");
        for (Violation v : violations) {
            b.append("\n  - ").append(v);
        }
        return b.toString();
    }
}
