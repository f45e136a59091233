package org.reconnaitre.badges.model;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link Validator#validate(String)}: every {@link Finding}, in the order the
 * checks ran, and the kind of document recognised. A report is never thrown: bad input gives a
 * report with findings.
 *
 * <pre>{@code
 * ValidationReport report = Validator.standard().validate(json);
 * if (!report.isValid()) {
 *     report.errors().forEach(System.err::println);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidationReport {
    private final Validator.DocumentKind kind;
    private final List<Finding> findings;

    /**
     * Creates a report.
     *
     * @param kind the kind of document recognised
     * @param findings the findings (copied)
     */
    public ValidationReport(Validator.DocumentKind kind, List<Finding> findings) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.findings = List.copyOf(findings);
    }

    /** @return whether no finding is an {@link Severity#ERROR} */
    public boolean isValid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** @return the kind of document recognised ({@code UNKNOWN} when it could not be told) */
    public Validator.DocumentKind kind() {
        return kind;
    }

    /** @return every finding (immutable) */
    public List<Finding> findings() {
        return findings;
    }

    /** @return the findings of severity {@link Severity#ERROR} */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** @return the findings of severity {@link Severity#WARNING} */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** @return the findings of one rule */
    public List<Finding> findings(Rule rule) {
        Objects.requireNonNull(rule, "rule");
        return findings.stream().filter(f -> f.rule() == rule).toList();
    }

    /** @return whether any finding comes from this rule */
    public boolean has(Rule rule) {
        return !findings(rule).isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ValidationReport[").append(kind).append(", ")
                .append(isValid() ? "valid" : "invalid");
        for (Finding f : findings) {
            sb.append("\n  ").append(f);
        }
        return sb.append(']').toString();
    }
}
