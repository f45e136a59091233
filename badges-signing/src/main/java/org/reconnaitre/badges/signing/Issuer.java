package org.reconnaitre.badges.signing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Credential;
import org.reconnaitre.badges.signing.internal.jwt.JwtSigner;

/**
 * Signs Open Badges credentials with one key: as a VC-JWT ({@link #signJwt(String)}) or, with an
 * embedded Data Integrity proof
 * ({@link #signDataIntegrity(String, String, Instant)}). The credential JSON is signed as
 * the caller wrote it: nothing is re-ordered or dropped.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(KeyType.P256);
 * Issuer issuer = Issuer.with(key)
 *         .verificationMethod(DidKey.verificationMethodId(key.publicKey()))  // the default for Ed25519 / P-256
 *         .build();
 * String jwt = issuer.signJwt(credentialJson);            // ES256, kid = the verification method
 * String signed = issuer.signDataIntegrity(credentialJson, "ecdsa-rdfc-2019", Instant.parse("2024-01-01T00:00:00Z"));
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

    /**
     * Adds a Data Integrity proof to a credential, keeping the caller's JSON as written.
     *
     * @param credentialJson an unsigned (or already signed: the proof is added to a proof set) credential
     * @param cryptosuite {@code eddsa-rdfc-2022}, {@code eddsa-jcs-2022} (Ed25519 keys),
     *     {@code ecdsa-rdfc-2019} or {@code ecdsa-sd-2023} (P-256 keys; a base proof for the holder
     *     whose mandatory part is what verifiers decide from: issuer, type, validity dates, status,
     *     subject id and achievement identity, see {@link ProofOptions})
     * @param created the proof's {@code created} date (fix it for reproducible output), truncated to the second
     * @return the signed credential JSON
     * @throws BadgeException {@code SIGNING_FAILED} for an unknown cryptosuite or one that does not fit
     *     the key, {@code MALFORMED_JSON} / {@code INVALID_DOCUMENT} for a credential that cannot be signed
     *     (for example one using terms its contexts do not define)
     */
    public String signDataIntegrity(String credentialJson, String cryptosuite, Instant created) throws BadgeException {
        Objects.requireNonNull(credentialJson, "credentialJson");
        Objects.requireNonNull(cryptosuite, "cryptosuite");
        Objects.requireNonNull(created, "created");
        Cryptosuite suite = Cryptosuite.fromId(cryptosuite).orElseThrow(() -> new BadgeException(
                BadgeException.Code.SIGNING_FAILED, "Unknown cryptosuite '" + cryptosuite
                        + "' (supported: eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-sd-2023)."));
        if (suite.keyType() != key.type()) {
            throw new BadgeException(BadgeException.Code.SIGNING_FAILED, "The cryptosuite " + cryptosuite + " needs a "
                    + suite.keyType() + " key, but this issuer's key is " + key.type() + ".");
        }
        ProofOptions.Builder options = ProofOptions.builder(suite).created(created.truncatedTo(ChronoUnit.SECONDS));
        if (verificationMethod != null) {
            options.verificationMethod(verificationMethod);
        }
        return DataIntegrity.sign(credentialJson, key, options.build());
    }

    /**
     * Adds a Data Integrity proof with the default suite for the key ({@code eddsa-rdfc-2022} for
     * Ed25519, {@code ecdsa-rdfc-2019} for P-256), created now.
     *
     * @param credentialJson an unsigned credential
     * @return the signed credential JSON
     * @throws BadgeException as {@link #signDataIntegrity(String, String, Instant)}; {@code SIGNING_FAILED}
     *     for an RSA key (no Data Integrity suite)
     */
    public String signDataIntegrity(String credentialJson) throws BadgeException {
        if (key.type() == KeyType.RSA) {
            throw new BadgeException(BadgeException.Code.SIGNING_FAILED,
                    "RSA keys have no Data Integrity cryptosuite here; sign as a JWT instead.");
        }
        return signDataIntegrity(credentialJson, Cryptosuite.defaultFor(key.type()).id(), Instant.now());
    }

    /**
     * Signs a model credential as a compact VC-JWT; see {@link #signJwt(String)}.
     *
     * @param credential an unsigned credential (for example an {@code AchievementCredential})
     * @return the compact JWS
     * @throws BadgeException as {@link #signJwt(String)}
     */
    public String signJwt(Credential credential) throws BadgeException {
        return signJwt(Objects.requireNonNull(credential, "credential").toJson());
    }

    /**
     * Adds a Data Integrity proof to a model credential; see
     * {@link #signDataIntegrity(String, String, Instant)}.
     *
     * @param credential the credential (for example an {@code AchievementCredential})
     * @param cryptosuite the cryptosuite id
     * @param created the proof's {@code created} date
     * @return the signed credential JSON
     * @throws BadgeException as {@link #signDataIntegrity(String, String, Instant)}
     */
    public String signDataIntegrity(Credential credential, String cryptosuite, Instant created) throws BadgeException {
        return signDataIntegrity(Objects.requireNonNull(credential, "credential").toJson(), cryptosuite, created);
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
