package org.reconnaitre.badges.signing;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Issuer#signJwt(String)} shapes a VC-JWT. The algorithm follows the key type (EdDSA
 * for Ed25519, ES256 for P-256, RS256 for RSA); generate a P-256 key for the widest acceptance
 * (the 1EdTech validator accepts only RS256 and ES256).
 *
 * <pre>{@code
 * JwtOptions options = JwtOptions.builder()
 *         .shape(JwtOptions.Shape.OPEN_BADGES)   // the default
 *         .embedJwk(false)                        // the default
 *         .build();
 * String jwt = Issuer.with(key).jwtOptions(options).build().signJwt(credentialJson);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class JwtOptions {

    /** The payload shapes the issuer can produce. */
    public enum Shape {
        /**
         * Open Badges 3.0 "JSON Web Token Proof Format": header {@code typ: JWT}; the payload is the
         * credential plus {@code iss}, {@code jti}, {@code sub}, {@code nbf} and {@code exp} taken
         * from it.
         */
        OPEN_BADGES,
        /** VC-JOSE for VC 2.0: header {@code typ: vc+jwt}, {@code cty: vc}; the payload is the credential. */
        VC_JOSE
    }

    private static final JwtOptions DEFAULTS = builder().build();

    private final Shape shape;
    private final boolean embedJwk;
    private final @Nullable String keyId;

    private JwtOptions(Builder b) {
        this.shape = b.shape;
        this.embedJwk = b.embedJwk;
        this.keyId = b.keyId;
    }

    /** @return the defaults: Open Badges shape, no embedded jwk, kid = the issuer's verification method */
    public static JwtOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the payload shape */
    public Shape shape() {
        return shape;
    }

    /** @return whether the public key is also written in the {@code jwk} header */
    public boolean embedJwk() {
        return embedJwk;
    }

    /** @return the {@code kid} to write, when it differs from the issuer's verification method */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    @Override
    public String toString() {
        return "JwtOptions[" + shape + ", embedJwk=" + embedJwk + (keyId == null ? "" : ", kid=" + keyId) + "]";
    }

    /** Builds {@link JwtOptions}. Not thread-safe. */
    public static final class Builder {
        private Shape shape = Shape.OPEN_BADGES;
        private boolean embedJwk;
        private @Nullable String keyId;

        private Builder() {}

        /** @param shape the payload shape (default {@link Shape#OPEN_BADGES}) @return this builder */
        public Builder shape(Shape shape) {
            this.shape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /**
         * @param embed whether to write the public key in the {@code jwk} header too (default false;
         *     verifiers do not trust it on its own)
         * @return this builder
         */
        public Builder embedJwk(boolean embed) {
            this.embedJwk = embed;
            return this;
        }

        /** @param kid the {@code kid} header (default: the issuer's verification method URL) @return this builder */
        public Builder keyId(String kid) {
            Objects.requireNonNull(kid, "kid");
            if (kid.isBlank()) {
                throw new IllegalArgumentException("kid must not be blank");
            }
            this.keyId = kid;
            return this;
        }

        /** @return the options */
        public JwtOptions build() {
            return new JwtOptions(this);
        }
    }
}
