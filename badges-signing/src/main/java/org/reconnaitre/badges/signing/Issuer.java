package org.reconnaitre.badges.signing;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.signing.internal.jwt.JwtSigner;

/**
 * Signs Open Badges credentials with one key: as a VC-JWT ({@link #signJwt(String)}) or, with an
 * embedded Data Integrity proof. The credential JSON is signed as
 * the caller wrote it: nothing is re-ordered or dropped.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(KeyType.P256);
 * Issuer issuer = Issuer.with(key)
 *         .verificationMethod(DidKey.verificationMethodId(key.publicKey()))  // the default for Ed25519 / P-256
 *         .build();
 * String jwt = issuer.signJwt(credentialJson);            // ES256, kid = the verification method
 * }</pre>
 *
 * <p>The credential's issuer id should be the controller of the verification method (for a did:key
 * method, the did:key itself), or verifiers will fail the {@code key-binding} check.
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class Issuer {
    private final SigningKey key;
    private final @Nullable String verificationMethod;
    private final JwtOptions jwtOptions;

    private Issuer(Builder b) {
        this.key = b.key;
        this.verificationMethod = b.verificationMethod != null ? b.verificationMethod : defaultMethod(b.key);
        this.jwtOptions = b.jwtOptions;
    }

    private static @Nullable String defaultMethod(SigningKey key) {
        return key.type() == KeyType.RSA ? null : DidKey.verificationMethodId(key.publicKey());
    }

    /**
     * Starts an issuer for a key.
     *
     * @param key the signing key (Ed25519, P-256 or RSA)
     * @return a builder
     */
    public static Builder with(SigningKey key) {
        return new Builder(Objects.requireNonNull(key, "key"));
    }

    /** @return the signing key */
    public SigningKey key() {
        return key;
    }

    /**
     * @return the verification method URL written in proofs and as the JWT {@code kid}: the one
     *     configured, else the key's did:key method; empty for an RSA key without one
     */
    public Optional<String> verificationMethod() {
        return Optional.ofNullable(verificationMethod);
    }

    /**
     * Signs a credential as a compact VC-JWT, shaped by this issuer's {@link JwtOptions}: by default
     * the Open Badges 3.0 form (payload = the credential plus {@code iss}, {@code jti}, {@code sub},
     * {@code nbf}, {@code exp}), algorithm from the key type, {@code kid} = the verification method.
     *
     * @param credentialJson an unsigned credential
     * @return the compact JWS
     * @throws BadgeException {@code MALFORMED_JSON} / {@code INVALID_DOCUMENT} when the credential
     *     cannot be signed (no issuer id, bad dates), {@code SIGNING_FAILED} when signing fails
     */
    public String signJwt(String credentialJson) throws BadgeException {
        Objects.requireNonNull(credentialJson, "credentialJson");
        String kid = jwtOptions.keyId().orElse(verificationMethod);
        return JwtSigner.sign(credentialJson, key, kid, jwtOptions);
    }

    @Override
    public String toString() {
        return "Issuer[" + key + ", verificationMethod=" + verificationMethod + ", " + jwtOptions + "]";
    }

    /** Configures an {@link Issuer}. Not thread-safe. */
    public static final class Builder {
        private final SigningKey key;
        private @Nullable String verificationMethod;
        private JwtOptions jwtOptions = JwtOptions.defaults();

        private Builder(SigningKey key) {
            this.key = key;
        }

        /**
         * @param url the verification method URL verifiers resolve to this key (a did:key / did:web
         *     DID URL or an https URL of a key under the issuer id); default: the key's did:key method
         * @return this builder
         */
        public Builder verificationMethod(String url) {
            Objects.requireNonNull(url, "url");
            if (url.isBlank() || !url.contains(":")) {
                throw new IllegalArgumentException("a verification method must be an absolute URL or DID URL, not '" + url + "'");
            }
            this.verificationMethod = url;
            return this;
        }

        /** @param options how JWTs are shaped (default {@link JwtOptions#defaults()}) @return this builder */
        public Builder jwtOptions(JwtOptions options) {
            this.jwtOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** @return the immutable issuer */
        public Issuer build() {
            return new Issuer(this);
        }
    }
}
