package org.reconnaitre.badges.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.internal.did.DefaultKeyResolver;

/**
 * Resolves a verification method URL (a proof's {@code verificationMethod}, a JWT {@code kid}) to
 * a {@link VerificationMethod}.
 *
 * <p>The built-in resolver handles, in this order: controller documents the caller supplied (an
 * issuer {@code Profile} or a key/controller document with {@code Multikey},
 * {@code Ed25519VerificationKey2020}, {@code JsonWebKey2020} or {@code JsonWebKey} methods);
 * {@code did:key} offline; {@code did:web} (→ {@code https://host/path/did.json}) and {@code https}
 * controller documents through the caller's {@link Fetcher} only (none by default); and, in the
 * compatibility mode that is on by default, the 1EdTech convention {@code https://issuer#z6Mk...}
 * where the key is read from the URL fragment when no document could be read
 * ({@link KeySource#URL_FRAGMENT}, with no relationship: the {@link Verifier}'s key-binding check
 * refuses it unless told otherwise). Turn it off with {@code fragmentKeys(false)}.
 *
 * <p>A document speaks only for itself: a fetched document whose {@code id} is not the DID or URL
 * that was resolved is refused; a method is looked up only in the document its id belongs to; the
 * {@link VerificationMethod#controller() controller} of the method returned is that document's id
 * (a {@code controller} value inside the method that names someone else leaves the method without
 * relationships); and {@link VerificationMethod#relationships()} says under which relationships
 * ({@code assertionMethod}, {@code authentication}, ...) the document lists it. Identifiers are
 * parsed and compared by the DID Core / RFC 3986 rules (scheme and host case, percent-encoding,
 * default ports); an invalid one is refused ({@code INVALID_KEY}).
 *
 * <pre>{@code
 * KeyResolver resolver = KeyResolver.builder()
 *         .fetcher(Fetcher.offline(Map.of("https://issuer.example/", Path.of("keys"))))
 *         .fragmentKeys(false)
 *         .build();
 * VerificationMethod vm = resolver.resolve("did:web:issuer.example#key-1");
 * }</pre>
 *
 * <p>Implementations must be thread-safe. The built-in ones are immutable, with a bounded cache of
 * resolved methods.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * Resolves a verification method.
     *
     * @param verificationMethodUrl an absolute URL, a DID URL or a DID
     * @return the method, with its key and controller
     * @throws BadgeException {@code FETCH_REFUSED} / {@code FETCH_FAILED} when a document needed is
     *     not available, {@code INVALID_KEY} when the URL or the key is malformed or unsupported,
     *     {@code INVALID_DOCUMENT} when a document does not contain the method
     */
    VerificationMethod resolve(String verificationMethodUrl) throws BadgeException;

    /** @return an offline resolver: did:key and fragment keys, no fetching */
    static KeyResolver offline() {
        return builder().build();
    }

    /** @return a builder with the defaults: {@link Fetcher#none()}, fragment keys on, cache of 256 */
    static Builder builder() {
        return new Builder();
    }

    /**
     * A resolver that first looks in the given controller documents (for example the issuer
     * {@code Profile} embedded in a credential), then asks this one.
     *
     * @param controllerDocuments JSON texts of controller documents / issuer profiles
     * @return the layered resolver (immutable, thread-safe)
     * @throws BadgeException {@code MALFORMED_JSON} when a document cannot be parsed
     */
    default KeyResolver withControllerDocuments(List<String> controllerDocuments) throws BadgeException {
        return DefaultKeyResolver.layered(this, controllerDocuments);
    }

    /**
     * Builds the built-in resolver. Not thread-safe; the resolver it builds is.
     */
    final class Builder {
        private Fetcher fetcher = Fetcher.none();
        private boolean fragmentKeys = true;
        private int cacheSize = 256;
        private final List<String> documents = new ArrayList<>();

        private Builder() {}

        /**
         * @param fetcher reaches did:web and https controller documents (default {@link Fetcher#none()})
         * @return this builder
         */
        public Builder fetcher(Fetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /**
         * @param enabled whether a key written in the URL fragment ({@code https://issuer#z6Mk...})
         *     is accepted when no document can be read (default true; 1EdTech compatibility)
         * @return this builder
         */
        public Builder fragmentKeys(boolean enabled) {
            this.fragmentKeys = enabled;
            return this;
        }

        /**
         * @param size largest number of resolved methods kept (0 disables the cache; default 256)
         * @return this builder
         */
        public Builder cacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("cache size must be >= 0");
            }
            this.cacheSize = size;
            return this;
        }

        /**
         * @param json a controller document or issuer profile that lists verification methods
         * @return this builder
         */
        public Builder controllerDocument(String json) {
            documents.add(Objects.requireNonNull(json, "json"));
            return this;
        }

        /**
         * @return the resolver
         * @throws IllegalArgumentException when a controller document is not valid JSON
         */
        public KeyResolver build() {
            return DefaultKeyResolver.create(fetcher, fragmentKeys, cacheSize, documents);
        }
    }
}
