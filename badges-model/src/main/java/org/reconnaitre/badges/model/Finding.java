package org.reconnaitre.badges.model;

import java.util.Objects;

/**
 * One problem found by {@link Validator}: which {@link Rule} it breaks, how bad it is, where it
 * is (an RFC 6901 JSON Pointer into the validated document, {@code ""} for the whole document)
 * and a sentence a person understands.
 *
 * <pre>{@code
 * Finding f = report.findings().get(0);
 * System.out.println(f.ruleId() + " at " + f.path() + ": " + f.message());
 * // VALIDITY-PERIOD at /validUntil: validUntil 2010-01-01T00:00:00Z is before validFrom 2024-01-01T00:00:00Z
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule broken
 * @param severity the severity (usually the rule's default)
 * @param path JSON Pointer (RFC 6901) of the offending value; {@code ""} is the document root
 * @param message what is wrong, naming the offending value
 */
public record Finding(Rule rule, Severity severity, String path, String message) {
    /** Validates the components. */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (!path.isEmpty() && path.charAt(0) != '/') {
            throw new IllegalArgumentException("path must be a JSON Pointer (empty or starting with '/'): " + path);
        }
    }

    /** @return a finding with the rule's default severity */
    public static Finding of(Rule rule, String path, String message) {
        return new Finding(rule, rule.defaultSeverity(), path, message);
    }

    /** @return the stable id of the rule, e.g. {@code SCHEMA} */
    public String ruleId() {
        return rule.id();
    }

    @Override
    public String toString() {
        return severity + " " + rule.id() + " at " + (path.isEmpty() ? "(root)" : path) + ": " + message;
    }
}
