package org.reconnaitre.badges.signing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.signing.internal.di.Budget;
import org.reconnaitre.badges.signing.internal.di.DataIntegrityEngine;
import org.reconnaitre.badges.signing.internal.di.EcdsaSd2023;
import org.reconnaitre.badges.signing.internal.di.ProofFailure;

/**
 * W3C Data Integrity proofs: create {@code eddsa-rdfc-2022}, {@code ecdsa-rdfc-2019} and
 * {@code eddsa-jcs-2022}; check those and {@code Ed25519Signature2020} (and the pre-final name
 * {@code eddsa-2022}, with a warning). Selective disclosure with {@code ecdsa-sd-2023}: the issuer
 * signs a base proof, the holder {@link #derive derives} disclosures, verifiers check derived proofs
 * (a base proof presented to {@link #verify} fails: it is for the holder). JSON-LD contexts come only from the bundled set (or the
 * caller's fetcher); terms the contexts do not define make signing fail and verification report
 * {@link ProofOutcome.Status#INVALID_DOCUMENT}; canonicalization runs under a quad and time
 * budget, so a hostile graph fails fast with {@link ProofOutcome.Status#BUDGET_EXCEEDED}.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(KeyType.ED25519);
 * String signed = DataIntegrity.sign(credentialJson, key, ProofOptions.builder(Cryptosuite.EDDSA_RDFC_2022)
 *         .created(Instant.parse("2024-01-01T00:00:00Z")).build());
 * ProofResult result = DataIntegrity.verify(signed, KeyResolver.offline());
 * assert result.valid();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DataIntegrity {
    private DataIntegrity() {}

    /**
     * Signs a JSON credential: adds a {@code proof} to the caller's JSON tree (keeping its key order;
     * an existing proof becomes a proof set) and writes it back, pretty-printed when the input had
     * line breaks, compact otherwise.
     *
     * @param credentialJson the unsigned (or already signed) credential
     * @param key the signing key; its type must fit the cryptosuite
     * @param options suite, verification method (default: the key id when it is a URL, else the
     *     key's did:key method), created, purpose
     * @return the signed JSON
     * @throws BadgeException {@code MALFORMED_JSON}, {@code INVALID_DOCUMENT} (undefined JSON-LD
     *     terms, an IRI, language tag or string that canonical N-Quads cannot carry faithfully) or
     *     {@code SIGNING_FAILED} (wrong key type, budget exceeded)
     */
    public static String sign(String credentialJson, SigningKey key, ProofOptions options) throws BadgeException {
        return sign(credentialJson, key, options, Settings.defaults());
    }

    /** As {@link #sign(String, SigningKey, ProofOptions)}, with explicit settings. */
    public static String sign(String credentialJson, SigningKey key, ProofOptions options, Settings settings)
            throws BadgeException {
        Objects.requireNonNull(credentialJson, "credentialJson");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(options, "options");
        try {
            return DataIntegrityEngine.sign(credentialJson, key, options, settings.budget());
        } catch (BadgeException e) {
            // a document JSON-LD or canonical N-Quads cannot carry faithfully is the document's fault
            if (e.code() == BadgeException.Code.SIGNING_FAILED && e.getCause() instanceof ProofFailure f
                    && f.status() == ProofOutcome.Status.INVALID_DOCUMENT) {
                throw new BadgeException(BadgeException.Code.INVALID_DOCUMENT, e.getMessage(), f);
            }
            throw e;
        }
    }

    /**
     * Checks every proof of a document. Never throws for bad input.
     *
     * @param json the secured document
     * @param resolver resolves verification methods
     * @return one outcome per proof, or a problem when no proof could be checked
     */
    public static ProofResult verify(String json, KeyResolver resolver) {
        return verify(json, resolver, Settings.defaults());
    }

    /** As {@link #verify(String, KeyResolver)}, with explicit settings. */
    public static ProofResult verify(String json, KeyResolver resolver, Settings settings) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(resolver, "resolver");
        return DataIntegrityEngine.verify(json, resolver, settings.budget());
    }

    /**
     * Derives a selective disclosure from a credential with an {@code ecdsa-sd-2023} base proof
     * (the holder's step): keeps what the issuer's mandatory pointers and the given selective
     * pointers reach (with the {@code id} and {@code type} of the objects on the way), and replaces
     * the base proof with a derived proof that verifiers check with {@link #verify}.
     *
     * <pre>{@code
     * String base = DataIntegrity.sign(credentialJson, p256Key, ProofOptions.builder(Cryptosuite.ECDSA_SD_2023)
     *         .mandatoryPointers(List.of("/issuer", "/validFrom")).build());
     * String disclosed = DataIntegrity.derive(base, List.of("/credentialSubject/achievement/name"));
     * }</pre>
     *
     * @param baseSignedJson the credential with its base proof (other proofs are dropped)
     * @param selectivePointers JSON Pointers (RFC 6901) of what to reveal besides the mandatory part
     * @return the disclosed credential with its derived proof, pretty-printed when the input had
     *     line breaks
     * @throws BadgeException {@code MALFORMED_JSON}, or {@code INVALID_DOCUMENT} when there is no
     *     single ecdsa-sd-2023 base proof, a pointer is malformed or matches nothing, or the
     *     document no longer fits its base proof
     */
    public static String derive(String baseSignedJson, List<String> selectivePointers) throws BadgeException {
        return derive(baseSignedJson, selectivePointers, Settings.defaults());
    }

    /** As {@link #derive(String, List)}, with explicit settings. */
    public static String derive(String baseSignedJson, List<String> selectivePointers, Settings settings)
            throws BadgeException {
        Objects.requireNonNull(baseSignedJson, "baseSignedJson");
        Objects.requireNonNull(settings, "settings");
        return EcdsaSd2023.derive(baseSignedJson, List.copyOf(selectivePointers), settings.budget());
    }

    /**
     * The RDFC-1.0 canonical N-Quads of a document without its proof (what the rdfc suites hash).
     *
     * @throws BadgeException {@code MALFORMED_JSON} or {@code INVALID_DOCUMENT}
     */
    public static String canonicalNQuads(String json, Settings settings) throws BadgeException {
        return DataIntegrityEngine.canonicalNQuads(json, settings.budget());
    }

    /**
     * Limits and context source for JSON-LD processing.
     *
     * <pre>{@code
     * DataIntegrity.Settings s = DataIntegrity.Settings.builder()
     *         .maxQuads(5_000).timeout(Duration.ofSeconds(1)).build();
     * }</pre>
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Settings {
        private static final Settings DEFAULTS = builder().build();
        /** Default largest number of RDF quads canonicalised. */
        public static final int DEFAULT_MAX_QUADS = 20_000;
        /**
         * Default time budget of one sign, verify or derive call (every proof, expansion and
         * canonicalization in it share one deadline): generous for a cold JVM on a loaded machine.
         */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

        private final int maxQuads;
        private final Duration timeout;
        private final com.apicatalog.jsonld.loader.DocumentLoader loader;

        private Settings(Builder b) {
            this.maxQuads = b.maxQuads;
            this.timeout = b.timeout;
            this.loader = b.contextFetcher == null ? BundledContexts.loader() : BundledContexts.withFallback(b.contextFetcher);
        }

        /** @return bundled contexts only, {@value #DEFAULT_MAX_QUADS} quads, 10 seconds */
        public static Settings defaults() {
            return DEFAULTS;
        }

        /** @return a builder starting from the defaults */
        public static Builder builder() {
            return new Builder();
        }

        /** @return the quad limit */
        public int maxQuads() {
            return maxQuads;
        }

        /** @return the time budget of one call (all its proofs and canonicalizations together) */
        public Duration timeout() {
            return timeout;
        }

        /** A fresh budget per operation: its deadline is the timeout from now (or the enclosing verification's, if earlier). */
        Budget budget() {
            return Budget.of(maxQuads, timeout, loader);
        }

        @Override
        public String toString() {
            return "Settings[maxQuads=" + maxQuads + ", timeout=" + timeout + "]";
        }

        /** Builds {@link Settings}. Not thread-safe. */
        public static final class Builder {
            private int maxQuads = 20_000;
            private Duration timeout = Duration.ofSeconds(10); // = DEFAULT_TIMEOUT (not referenced: DEFAULTS is built first)
            private @org.jspecify.annotations.Nullable Fetcher contextFetcher;

            private Builder() {}

            /**
             * @param max largest number of RDF quads canonicalised (at least 1)
             * @return this builder
             */
            public Builder maxQuads(int max) {
                if (max < 1) {
                    throw new IllegalArgumentException("maxQuads must be >= 1");
                }
                this.maxQuads = max;
                return this;
            }

            /**
             * @param budget wall-clock limit of one call: every JSON-LD expansion, RDF conversion and
             *     RDFC-1.0 run of all its proofs share one deadline
             * @return this builder
             */
            public Builder timeout(Duration budget) {
                if (budget.isNegative() || budget.isZero()) {
                    throw new IllegalArgumentException("timeout must be positive");
                }
                this.timeout = budget;
                return this;
            }

            /**
             * @param fetcher asked for contexts that are not bundled (bundled URLs are never fetched)
             * @return this builder
             */
            public Builder contextFetcher(Fetcher fetcher) {
                this.contextFetcher = Objects.requireNonNull(fetcher, "fetcher");
                return this;
            }

            /** @return the settings */
            public Settings build() {
                return new Settings(this);
            }
        }
    }
}
