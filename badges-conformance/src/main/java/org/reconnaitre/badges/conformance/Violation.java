package org.reconnaitre.badges.conformance;

import java.util.Objects;
import org.reconnaitre.badges.model.Severity;

/**
 * One violated rule in a credential: the rule id, the severity, a JSON Pointer to where it happens
 * ({@code ""} for the whole document) and a message a person understands. Immutable, thread-safe.
 *
 * <pre>{@code
 * for (Violation v : report.violations()) {
 *     System.out.println(v.ruleId() + " at " + v.path() + ": " + v.message());
 * }
 * }</pre>
 *
 * @param ruleId the id of a {@link ConformanceRule}
 * @param severity error or warning
 * @param path a JSON Pointer ({@code ""} for the document)
 * @param message what is wrong
 */
public record Violation(String ruleId, Severity severity, String path, String message) {

    /** Validates: every component non-null, ruleId non-blank. */
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("a violation needs a rule id");
        }
    }

    /** @return whether this violation makes the credential non-conformant */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** @return {@code RULE-ID [severity] /path: message} */
    @Override
    public String toString() {
        return ruleId + " [" + severity.name().toLowerCase(java.util.Locale.ROOT) + "] "
                + (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
