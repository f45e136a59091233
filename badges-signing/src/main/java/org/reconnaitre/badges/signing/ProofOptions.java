package org.reconnaitre.badges.signing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * <p>A proof may also carry an {@code expires} date, a {@code challenge} and a {@code domain}
 * (verifiers check them: see {@link DataIntegrity}).
 *
 * <p>For {@link Cryptosuite#ECDSA_SD_2023} (selective disclosure), the mandatory pointers name
 * what every disclosure derived from the base proof must reveal; whatever the caller gives, the
 * credential's {@code issuer}, {@code validFrom}, {@code validUntil}, {@code issuanceDate},
 * {@code expirationDate}, {@code credentialStatus}, {@code credentialSubject/id} and the
 * achievement's {@code id} and {@code type}, when present, are made mandatory too (with
 * {@code @context} and the credential's {@code type}, which every disclosure carries), so that no
 * holder can disclose a copy without its expiry or revocation entry:
 *
 * <pre>{@code
 * ProofOptions sd = ProofOptions.builder(Cryptosuite.ECDSA_SD_2023)
 *         .mandatoryPointers(List.of("/issuer", "/validFrom", "/credentialSubject/achievement"))
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
    private final List<String> mandatoryPointers;
    private final @Nullable Instant expires;
    private final @Nullable String challenge;
    private final List<String> domains;

    private ProofOptions(Builder b) {
        this.expires = b.expires;
        this.challenge = b.challenge;
        this.domains = b.domains;
        this.cryptosuite = b.cryptosuite;
        this.verificationMethod = b.verificationMethod;
        this.created = b.created;
        this.proofPurpose = b.proofPurpose;
        this.mandatoryPointers = b.mandatoryPointers;
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

    /**
     * @return the JSON Pointers (RFC 6901) of what every selective disclosure must reveal
     *     ({@link Cryptosuite#ECDSA_SD_2023} only; empty otherwise)
     */
    public List<String> mandatoryPointers() {
        return mandatoryPointers;
    }

    /** @return the proof's {@code expires} date, when set (none by default) */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** @return the proof's {@code challenge}, when set (none by default) */
    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** @return the proof's {@code domain} values (none by default; one is written as a string) */
    public List<String> domains() {
        return domains;
    }

    @Override
    public String toString() {
        return "ProofOptions[" + cryptosuite.id() + ", vm=" + verificationMethod + ", created=" + created
                + (expires == null ? "" : ", expires=" + expires)
                + ", purpose=" + proofPurpose + (challenge == null ? "" : ", challenge=" + challenge)
                + (domains.isEmpty() ? "" : ", domain=" + domains)
                + (mandatoryPointers.isEmpty() ? "" : ", mandatory=" + mandatoryPointers)
                + "]";
    }

    /** Builds {@link ProofOptions}. Not thread-safe. */
    public static final class Builder {
        private final Cryptosuite cryptosuite;
        private @Nullable String verificationMethod;
        private @Nullable Instant created;
        private String proofPurpose = "assertionMethod";
        private List<String> mandatoryPointers = List.of();
        private @Nullable Instant expires;
        private @Nullable String challenge;
        private List<String> domains = List.of();

        private Builder(Cryptosuite cryptosuite) {
            this.cryptosuite = cryptosuite;
        }

        /**
         * @param instant the proof's {@code expires} date: verifiers refuse the proof after it
         *     (written with second precision unless it has a fraction)
         * @return this builder
         */
        public Builder expires(Instant instant) {
            this.expires = Objects.requireNonNull(instant, "instant");
            return this;
        }

        /**
         * @param challenge the proof's {@code challenge} (a verifier's nonce, binding the proof to
         *     one exchange)
         * @return this builder
         */
        public Builder challenge(String challenge) {
            Objects.requireNonNull(challenge, "challenge");
            if (challenge.isEmpty()) {
                throw new IllegalArgumentException("challenge must not be empty");
            }
            this.challenge = challenge;
            return this;
        }

        /**
         * @param domains the proof's {@code domain}: the verifiers it is meant for (one is written
         *     as a string, several as an array)
         * @return this builder
         */
        public Builder domain(String... domains) {
            List<String> copy = List.of(domains);
            if (copy.isEmpty() || copy.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("domains must be non-empty strings");
            }
            this.domains = copy;
            return this;
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

        /**
         * @param pointers JSON Pointers (RFC 6901, each starting with '/') into the credential of
         *     what every disclosure derived from an {@link Cryptosuite#ECDSA_SD_2023} base proof must
         *     reveal, for example {@code "/credentialSubject/achievement/name"}; the rest is revealed
         *     only when the holder chooses. The signer adds the pointers of what verifiers decide
         *     from (issuer, validity dates, status, subject id, achievement id and type; see the
         *     class documentation) to this list.
         * @return this builder
         * @throws IllegalArgumentException for a malformed pointer, or when the suite is not
         *     {@code ecdsa-sd-2023}
         */
        public Builder mandatoryPointers(List<String> pointers) {
            List<String> copy = List.copyOf(pointers);
            if (cryptosuite != Cryptosuite.ECDSA_SD_2023) {
                throw new IllegalArgumentException("mandatory pointers apply to ecdsa-sd-2023 only, not " + cryptosuite.id());
            }
            try {
                org.reconnaitre.badges.signing.internal.di.EcdsaSd2023.checkPointers(copy);
            } catch (org.reconnaitre.badges.model.BadgeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            this.mandatoryPointers = copy;
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
