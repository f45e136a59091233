package org.reconnaitre.badges.signing.internal.id;

/**
 * An identifier that is not valid by its specification (DID Core, RFC 3986), or that this project
 * refuses because it is ambiguous; the message says which and why. Internal.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidIdentifierException(String message) {
        super(message);
    }
}
