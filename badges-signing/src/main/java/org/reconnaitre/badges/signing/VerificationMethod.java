package org.reconnaitre.badges.signing;

import java.util.Objects;

/**
 * A verification method: a key with its identifier, its type and its controller, and how it was
 * obtained.
 *
 * <pre>{@code
 * VerificationMethod vm = KeyResolver.offline().resolve("did:key:z6Mk...#z6Mk...");
 * vm.controller();   // "did:key:z6Mk..." — compare with the credential's issuer
 * vm.key().verify(data, signature);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the absolute verification method URL
 * @param type its type ({@code Multikey}, {@code Ed25519VerificationKey2020}, {@code JsonWebKey2020}, ...)
 * @param controller the controller's identifier (a DID or an issuer URL)
 * @param key the public key
 * @param source how the key was obtained
 */
public record VerificationMethod(String id, String type, String controller, VerificationKey key, KeySource source) {
    /** Checks that no component is null. */
    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
    }
}
