package org.reconnaitre.badges.model;

/**
 * How bad a validation {@link Finding} is.
 *
 * <pre>{@code
 * boolean blocking = finding.severity() == Severity.ERROR;
 * }</pre>
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Severity {
    /** The document breaks a MUST of a specification; {@link ValidationReport#isValid()} is false. */
    ERROR,
    /** The document is acceptable but deviates from a SHOULD or uses an outdated form. */
    WARNING
}
