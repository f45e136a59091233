package org.reconnaitre.badges.signing;

/**
 * How a verification key was obtained, so a verifier can report how much it trusts the binding.
 *
 * <pre>{@code
 * VerificationMethod vm = KeyResolver.offline().resolve(url);
 * if (vm.source() == KeySource.URL_FRAGMENT) { no document vouches for the key: do not bind it }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum KeySource {
    /** Decoded from a {@code did:key} identifier (the identifier is the key). */
    DID_KEY,
    /** Read from a {@code did:web} DID document fetched through the caller's fetcher. */
    DID_WEB,
    /**
     * Read from a controller document: an issuer {@code Profile} or key document given by the caller
     * or fetched through the caller's fetcher.
     */
    CONTROLLER_DOCUMENT,
    /**
     * Compatibility mode (1EdTech convention {@code https://issuer#z6Mk...}): the key was decoded from
     * the URL fragment because no document could be read. Nothing but the URL vouches for it (it has
     * no verification relationship); the controller is the part before {@code #}. The
     * {@link Verifier}'s key-binding check refuses such a key unless
     * {@link Verifier.Builder#allowUnboundFragmentKeys(boolean)} is on.
     */
    URL_FRAGMENT,
    /** Carried in the credential or its envelope itself (for example a JOSE {@code jwk} header). */
    EMBEDDED
}
