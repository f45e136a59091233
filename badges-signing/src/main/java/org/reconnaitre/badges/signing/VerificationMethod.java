package org.reconnaitre.badges.signing;

import java.util.Objects;
import java.util.Set;

/**
 * A verification method: a key with its identifier, its type and its controller, how it was
 * obtained, and the verification relationships its controller document lists it under.
 *
 * <p>The {@link #controller() controller} is the identifier of the document the method was read
 * from (the DID of a DID document, the URL of a controller document), never a value the method
 * claims about itself: a method whose own {@code controller} names someone else is not given any
 * relationship. Only a method listed under {@code assertionMethod} may sign credentials.
 *
 * <pre>{@code
 * VerificationMethod vm = KeyResolver.offline().resolve("did:key:z6Mk...#z6Mk...");
 * vm.controller();          // "did:key:z6Mk..." — compare with the credential's issuer
 * vm.isAssertionMethod();   // true: a did:key's key may sign credentials
 * vm.key().verify(data, signature);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the absolute verification method URL
 * @param type its type ({@code Multikey}, {@code Ed25519VerificationKey2020}, {@code JsonWebKey2020}, ...)
 * @param controller the identifier of the document the method was read from (a DID or a URL)
 * @param key the public key
 * @param source how the key was obtained
 * @param relationships the verification relationships ({@value #ASSERTION_METHOD},
 *     {@code authentication}, {@code capabilityInvocation}, {@code capabilityDelegation},
 *     {@code keyAgreement}) under which the controller's document lists the method, by reference
 *     or embedded; empty when no document vouches for it
 */
public record VerificationMethod(String id, String type, String controller, VerificationKey key, KeySource source,
        Set<String> relationships) {
    /** The relationship that authorises a method to issue credentials. */
    public static final String ASSERTION_METHOD = "assertionMethod";

    /** Checks that no component is null and copies the relationships. */
    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        relationships = Set.copyOf(relationships);
    }

    /**
     * A method that the resolver creating it vouches for as an {@code assertionMethod} of
     * {@code controller}: for a custom {@link KeyResolver} that has checked this itself (for example
     * against a trust registry). Use the canonical constructor to give other relationships.
     *
     * <pre>{@code
     * KeyResolver pinned = url -> new VerificationMethod(url, "Multikey", "did:web:issuer.example", key, KeySource.CONTROLLER_DOCUMENT);
     * }</pre>
     *
     * @param id the absolute verification method URL
     * @param type its type
     * @param controller the controller's identifier
     * @param key the public key
     * @param source how the key was obtained
     */
    public VerificationMethod(String id, String type, String controller, VerificationKey key, KeySource source) {
        this(id, type, controller, key, source, Set.of(ASSERTION_METHOD));
    }

    /** @return whether the controller's document lists this method under {@code assertionMethod} */
    public boolean isAssertionMethod() {
        return relationships.contains(ASSERTION_METHOD);
    }
}
