package org.reconnaitre.badges.signing.status;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a status list says about one credential.
 *
 * <pre>{@code
 * StatusResult r = StatusLists.check(entryJson, listCredentialJson);
 * switch (r.outcome()) {
 *     case VALID -> System.out.println("not revoked");
 *     case REVOKED, SUSPENDED -> System.out.println(r.message());
 *     default -> System.out.println("status unknown: " + r.message());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the status method, when the entry could be read
 * @param purpose the status purpose ({@code revocation}, {@code suspension}, {@code message}, ...)
 *     or an empty string when unknown
 * @param index the entry's index in the list, or -1
 * @param value the status value read from the list (0 = not set; for a 1EdTech Revocation List 1
 *     when the credential id is listed), or -1 when nothing was read
 * @param outcome the conclusion
 * @param message one or two sentences a person understands
 * @param errorCode for {@link Outcome#ERROR} and {@link Outcome#UNKNOWN}, the W3C Bitstring Status
 *     List error name when one applies ({@code STATUS_RETRIEVAL_ERROR},
 *     {@code STATUS_VERIFICATION_ERROR}, {@code STATUS_LIST_LENGTH_ERROR}, {@code RANGE_ERROR},
 *     {@code MALFORMED_VALUE_ERROR}); otherwise empty
 * @param listCredentialId the {@code id} inside the status list (credential), which the caller
 *     may compare with the URL it fetched and whose proof it must verify; empty if none was read
 * @param warnings things a careful verifier reports without failing (e.g. a list shorter than the
 *     spec's 131,072-entry minimum, a list id that differs from its URL)
 */
public record StatusResult(Optional<StatusEntry.Method> method, String purpose, long index, int value, Outcome outcome,
        String message, String errorCode, Optional<String> listCredentialId, List<String> warnings) {

    /** The conclusion about the credential. */
    public enum Outcome {
        /** The status is 0: not revoked, not suspended. */
        VALID,
        /** Purpose {@code revocation} and the status is set. */
        REVOKED,
        /** Purpose {@code suspension} and the status is set. */
        SUSPENDED,
        /** Any other purpose ({@code message}, ...) with a non-zero status; see the message. */
        FLAGGED,
        /** The status could not be determined and the policy is {@link StatusPolicy#WARN}. */
        UNKNOWN,
        /** The entry or the list is invalid, or the status could not be determined under {@link StatusPolicy#FAIL}. */
        ERROR
    }

    /** Validates and copies. */
    public StatusResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(listCredentialId, "listCredentialId");
        warnings = List.copyOf(warnings);
    }

    /** @return whether the credential must not be accepted: revoked, suspended or an error */
    public boolean isFailure() {
        return outcome == Outcome.REVOKED || outcome == Outcome.SUSPENDED || outcome == Outcome.ERROR;
    }

    /** @return whether the status bit(s) were read and are 0 */
    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
