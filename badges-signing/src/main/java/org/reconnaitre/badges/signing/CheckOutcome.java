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
    /** The check did not run (not applicable, or not possible with this configuration). */
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
