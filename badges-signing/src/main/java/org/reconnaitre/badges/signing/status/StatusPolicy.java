package org.reconnaitre.badges.signing.status;

/**
 * What to conclude when a credential's status could not be determined although the credential
 * declares one: the status list could not be fetched (network error, 404, refused host), or an
 * entry is set for a purpose other than revocation and suspension ({@code message}, ...). Nothing
 * else is softened by this policy: an unsupported status method, a malformed entry, a list that
 * is not trustworthy (its proof, its key, its issuer, its dates, its type or its
 * {@code statusPurpose}) and a revoked or suspended credential always fail the {@code status}
 * check.
 *
 * <pre>{@code
 * // the default of a verifier with a fetcher: an undeterminable status fails the credential
 * StatusListCheck strict = StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.FAIL);
 * // explicit leniency: an unreachable list is a warning, the credential may still be valid
 * StatusListCheck lenient = StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN);
 * }</pre>
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum StatusPolicy {
    /** Fail closed (the default): an undeterminable status is a failure ({@link StatusResult.Outcome#ERROR}). */
    FAIL,
    /**
     * Explicit leniency: an undeterminable status is reported as {@link StatusResult.Outcome#UNKNOWN},
     * and a {@code status} warning instead of a failure.
     */
    WARN
}
