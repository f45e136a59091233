package org.reconnaitre.badges.signing;

import java.util.Objects;
import org.reconnaitre.badges.model.internal.text.TerminalText;

/**
 * The result of one verification check: a stable id ({@code parse}, {@code format},
 * {@code context-and-type}, {@code schema}, {@code proof}, {@code key-binding},
 * {@code validity-period}, {@code status}, {@code endorsements}, ...), an outcome and a message a
 * person understands.
 *
 * <pre>{@code
 * CheckResult r = CheckResult.passed("validity-period", "Valid from 2024-01-01T00:00:00Z, no end date.");
 * System.out.println(r.id() + ": " + r.outcome() + " - " + r.message());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id a stable, lower-case identifier of the check (see {@link VerificationReport} for the list)
 * @param outcome what the check concluded
 * @param message one or two sentences explaining the outcome
 */
public record CheckResult(String id, CheckOutcome outcome, String message) {

    /** Validates: id non-blank, message non-null. */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a check id must not be blank");
        }
    }

    /** @return a {@link CheckOutcome#PASSED} result */
    public static CheckResult passed(String id, String message) {
        return new CheckResult(id, CheckOutcome.PASSED, message);
    }

    /** @return a {@link CheckOutcome#FAILED} result */
    public static CheckResult failed(String id, String message) {
        return new CheckResult(id, CheckOutcome.FAILED, message);
    }

    /** @return a {@link CheckOutcome#WARNING} result */
    public static CheckResult warning(String id, String message) {
        return new CheckResult(id, CheckOutcome.WARNING, message);
    }

    /** @return a {@link CheckOutcome#SKIPPED} result */
    public static CheckResult skipped(String id, String message) {
        return new CheckResult(id, CheckOutcome.SKIPPED, message);
    }

    /**
     * @return {@code id: outcome - message}, on one line, safe to print on a terminal: messages quote
     *     values chosen by the credential (issuer ids, URLs), so control, DEL, C1 and bidi/format
     *     characters are shown as {@code \}{@code uXXXX} escapes ({@link #message()} keeps the text as it is)
     */
    @Override
    public String toString() {
        return TerminalText.escape(id) + ": " + outcome.jsonName() + " - " + TerminalText.escape(message);
    }
}
