package org.reconnaitre.badges.signing.status;

/**
 * What to conclude when a credential's status cannot be determined: the status list cannot be
 * fetched (network error, 404, refused host), or the status method is not supported. A list that
 * was fetched but is malformed, or says the credential is revoked, is never softened by this
 * policy.
 *
 * <pre>{@code
 * StatusResult r = StatusLists.check(entry, null, fetcher, cache, StatusPolicy.WARN);
 * }</pre>
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum StatusPolicy {
    /** Fail closed: an undeterminable status is a failure ({@link StatusResult.Outcome#ERROR}). */
    FAIL,
    /** Warn: an undeterminable status is reported as {@link StatusResult.Outcome#UNKNOWN}. */
    WARN
}
