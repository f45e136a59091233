package org.reconnaitre.badges.signing.internal.jwt;

/**
 * A VC-JWT was refused; the message says why in words a person understands, and
 * {@link #checkId()} says which report check it belongs to. Internal.
 */
public final class JwtException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String checkId;

    public JwtException(String checkId, String message) {
        super(message);
        this.checkId = checkId;
    }

    /** @return the report check this failure belongs to ({@code parse}, {@code proof}, {@code jwt-claims}) */
    public String checkId() {
        return checkId;
    }
}
