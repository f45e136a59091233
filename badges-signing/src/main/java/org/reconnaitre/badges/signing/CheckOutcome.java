package org.reconnaitre.badges.signing;

import java.util.Locale;

/**
 * The outcome of one verification check.
 *
 * <pre>{@code
 * CheckResult r = CheckResult.failed("proof", "The signature does not match the credential.");
 * assert r.outcome() == CheckOutcome.FAILED && !r.outcome().isAcceptable();
 * }</pre>
 *
 * <p>An enum: immutable and thread-safe.
 */
public enum CheckOutcome {
    /** The check ran and the credential satisfies it. */
    PASSED,
    /** The check ran and the credential does not satisfy it: the credential is not valid. */
    FAILED,
    /** The check ran and found something worth telling a person, without making the credential invalid. */
    WARNING,
    /**
     * The check did not run because it does not apply (no expected recipient, no status entry, no
     * endorsement) or the caller turned it off, or because an earlier check already failed. A check
     * the credential requires that cannot run in a report where nothing failed yet is reported
     * {@link #FAILED}, so a skipped check never stands in for a passed one.
     */
    SKIPPED;

    /** @return whether this outcome leaves the credential valid (anything but {@link #FAILED}) */
    public boolean isAcceptable() {
        return this != FAILED;
    }

    /** @return the lower-case name used in JSON output: {@code passed}, {@code failed}, ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
