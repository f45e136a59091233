package org.reconnaitre.badges.model;

import java.util.Objects;

/**
 * The one checked exception of the Reconnaître SDK, for I/O-like failures: unreadable input,
 * a refused or failed fetch, a key that cannot be imported, a malformed data file.
 *
 * <p>Untrusted credentials are not reported with this exception: validation and verification
 * return a report instead. Programming errors (a {@code null} argument, an illegal state) are
 * reported with the usual unchecked exceptions.
 *
 * <pre>{@code
 * try {
 *     Fetcher.none().fetch(java.net.URI.create("https://example.org/badge.json"));
 * } catch (BadgeException e) {
 *     assert e.code() == BadgeException.Code.FETCH_REFUSED;
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public class BadgeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, stable across releases so callers can branch on it. */
    public enum Code {
        /** The input is not well-formed JSON, or exceeds the size or depth limits. */
        MALFORMED_JSON,
        /** The input is of no format the SDK reads (JSON, compact JWS, PNG, SVG). */
        UNSUPPORTED_FORMAT,
        /** The input is well-formed but is not a document of the expected kind. */
        INVALID_DOCUMENT,
        /** A baked image is malformed, hostile or carries no (or several) credentials. */
        INVALID_IMAGE,
        /** A URL was not fetched because no fetcher allows it (the default). */
        FETCH_REFUSED,
        /** A fetcher tried and failed (network error, HTTP error, size limit). */
        FETCH_FAILED,
        /** A JSON-LD context is not bundled and no fetcher supplies it, or it is corrupt. */
        CONTEXT_UNAVAILABLE,
        /** A key could not be generated, imported or exported. */
        INVALID_KEY,
        /** Signing failed (unsupported algorithm, key/suite mismatch, unsignable document). */
        SIGNING_FAILED,
        /** A data file (referential, crosswalk, CSV, TSV) is malformed. */
        MALFORMED_DATA,
        /** An I/O error reading or writing local files. */
        IO
    }

    private final Code code;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message a sentence a person understands, naming the offending input
     */
    public BadgeException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code what went wrong
     * @param message a sentence a person understands, naming the offending input
     * @param cause the underlying failure
     */
    public BadgeException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return what went wrong */
    public Code code() {
        return code;
    }
}
