package org.reconnaitre.badges.signing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to create a Data Integrity proof: the cryptosuite, the verification method written in the
 * proof, its {@code created} date (fix it for reproducible output) and its purpose.
 *
 * <pre>{@code
 * ProofOptions options = ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022)
 *         .verificationMethod("did:key:z6Mk...#z6Mk...")   // default: the key's did:key method
 *         .created(Instant.parse("2024-01-01T00:00:00Z"))  // default: now, to the second
 *         .proofPurpose("assertionMethod")                 // the default
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 */
public final class ProofOptions {
    private final Cryptosuite cryptosuite;
    private final @Nullable String verificationMethod;
    private final @Nullable Instant created;
    private final String proofPurpose;

    private ProofOptions(Builder b) {
        this.cryptosuite = b.cryptosuite;
        this.verificationMethod = b.verificationMethod;
        this.created = b.created;
        this.proofPurpose = b.proofPurpose;
    }

    /** @return a builder for the given suite */
    public static Builder builder(Cryptosuite cryptosuite) {
        return new Builder(Objects.requireNonNull(cryptosuite, "cryptosuite"));
    }

    /**
     * @param key the signing key
     * @return options with the key type's default suite and every other value defaulted
     */
    public static ProofOptions defaultsFor(SigningKey key) {
        return builder(Cryptosuite.defaultFor(key.type())).build();
    }

    /** @return the cryptosuite */
    public Cryptosuite cryptosuite() {
        return cryptosuite;
    }

    /** @return the verification method, when set (otherwise derived from the key at signing time) */
    public Optional<String> verificationMethod() {
        return Optional.ofNullable(verificationMethod);
    }

    /** @return the creation instant, when fixed (otherwise the signing time, to the second) */
    public Optional<Instant> created() {
        return Optional.ofNullable(created);
    }

    /** @return the proof purpose ({@code assertionMethod} by default) */
    public String proofPurpose() {
        return proofPurpose;
    }

    @Override
    public String toString() {
        return "ProofOptions[" + cryptosuite.id() + ", vm=" + verificationMethod + ", created=" + created
                + ", purpose=" + proofPurpose + "]";
    }

    /** Builds {@link ProofOptions}. Not thread-safe. */
    public static final class Builder {
        private final Cryptosuite cryptosuite;
        private @Nullable String verificationMethod;
        private @Nullable Instant created;
        private String proofPurpose = "assertionMethod";

        private Builder(Cryptosuite cryptosuite) {
            this.cryptosuite = cryptosuite;
        }

        /**
         * @param url the verification method URL (must contain a ':'; a DID URL or an https URL)
         * @return this builder
         */
        public Builder verificationMethod(String url) {
            Objects.requireNonNull(url, "url");
            if (!url.contains(":") || url.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("verificationMethod must be an absolute URL or DID URL: " + url);
            }
            this.verificationMethod = url;
            return this;
        }

        /**
         * @param instant the proof's {@code created} value (written with second precision unless
         *     it has a fraction)
         * @return this builder
         */
        public Builder created(Instant instant) {
            this.created = Objects.requireNonNull(instant, "instant");
            return this;
        }

        /**
         * @param purpose the proof purpose, {@code assertionMethod} for credentials
         * @return this builder
         */
        public Builder proofPurpose(String purpose) {
            Objects.requireNonNull(purpose, "purpose");
            if (purpose.isBlank()) {
                throw new IllegalArgumentException("proofPurpose must not be blank");
            }
            this.proofPurpose = purpose;
            return this;
        }

        /** @return the options */
        public ProofOptions build() {
            return new ProofOptions(this);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
