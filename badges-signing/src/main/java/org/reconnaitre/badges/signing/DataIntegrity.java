package org.reconnaitre.badges.signing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.jsonld.BundledContexts;
import org.reconnaitre.badges.signing.internal.di.Budget;
import org.reconnaitre.badges.signing.internal.di.DataIntegrityEngine;
import org.reconnaitre.badges.signing.internal.di.EcdsaSd2023;
import org.reconnaitre.badges.signing.internal.di.ProofChecks;
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
 * <p>Verification also checks each proof's options (VC Data Integrity 1.0, "verify proof"): the
 * {@code proofPurpose} must be the expected one ({@code assertionMethod} by default), {@code created}
 * must not be later than the verification time plus the clock skew, {@code expires} must not be
 * earlier than the verification time minus the skew, both must be date-times with a time zone, and
 * {@code challenge} / {@code domain} must be the expected ones when the {@link Settings} name them
 * (present but not expected: a warning). A failure is {@link ProofOutcome.Status#PROOF_OPTIONS_REJECTED}.
 * The proof object must be in its canonical compact form (known proof-option terms with plain string
 * values; no {@code @nest}, IRIs or value objects): another spelling of the same signed options is
 * {@link ProofOutcome.Status#MALFORMED_PROOF}, so what is checked is what was signed.
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
     *     key's did:key method), created, purpose; for {@code ecdsa-sd-2023}, the mandatory pointers,
     *     to which the signer always adds those of what verifiers decide from when the credential
     *     has them ({@code /issuer}, {@code /validFrom}, {@code /validUntil}, {@code /issuanceDate},
     *     {@code /expirationDate}, {@code /credentialStatus}, {@code /credentialSubject/id},
     *     {@code /credentialSubject/achievement/id} and {@code /type}; {@code @context} and the
     *     credential's {@code type} are in every disclosure), so that no holder can disclose a copy
     *     without its expiry or revocation entry
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

    /**
     * As {@link #verify(String, KeyResolver)}, with explicit settings: limits, and the verification
     * time (the settings' clock, read once per call), purpose, challenge and domain the proofs are
     * judged against.
     *
     * <pre>{@code
     * DataIntegrity.Settings s = DataIntegrity.Settings.builder()
     *         .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
     *         .expectedChallenge("8c1a6f").expectedDomain("https://hr.example")
     *         .build();
     * ProofResult r = DataIntegrity.verify(json, KeyResolver.offline(), s);
     * }</pre>
     */
    public static ProofResult verify(String json, KeyResolver resolver, Settings settings) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(settings, "settings");
        return DataIntegrityEngine.verify(json, resolver, settings.budget(), settings.expectations());
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
     * Limits and context source for JSON-LD processing, and what proofs are verified against: the
     * clock and skew that {@code created} and {@code expires} are judged with, the expected proof
     * purpose, and the challenge and domains the caller expects (none by default).
     *
     * <pre>{@code
     * DataIntegrity.Settings s = DataIntegrity.Settings.builder()
     *         .maxQuads(5_000).timeout(Duration.ofSeconds(1))
     *         .clock(Clock.systemUTC()).clockSkew(Duration.ofMinutes(5))
     *         .build();
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

        /** Default tolerance on proof dates. */
        public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

        private final int maxQuads;
        private final Duration timeout;
        private final Clock clock;
        private final Duration clockSkew;
        private final String expectedProofPurpose;
        private final @org.jspecify.annotations.Nullable String expectedChallenge;
        private final List<String> expectedDomains;
        private final boolean acceptOptionalSdIdentity;
        private final com.apicatalog.jsonld.loader.DocumentLoader loader;

        private Settings(Builder b) {
            this.acceptOptionalSdIdentity = b.acceptOptionalSdIdentity;
            this.maxQuads = b.maxQuads;
            this.timeout = b.timeout;
            this.clock = b.clock;
            this.clockSkew = b.clockSkew;
            this.expectedProofPurpose = b.expectedProofPurpose;
            this.expectedChallenge = b.expectedChallenge;
            this.expectedDomains = b.expectedDomains;
            this.loader = b.contextFetcher == null ? BundledContexts.loader() : BundledContexts.withFallback(b.contextFetcher);
        }

        /**
         * @return bundled contexts only, {@value #DEFAULT_MAX_QUADS} quads, 10 seconds; proofs judged
         *     at the system clock with 5 minutes of skew, purpose {@code assertionMethod}, no
         *     challenge or domain expected
         */
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

        /** @return the clock proofs are judged at (default {@link Clock#systemUTC()}) */
        public Clock clock() {
            return clock;
        }

        /** @return the tolerance on {@code created} and {@code expires} (default 5 minutes) */
        public Duration clockSkew() {
            return clockSkew;
        }

        /** @return the proof purpose every proof must have (default {@code assertionMethod}) */
        public String expectedProofPurpose() {
            return expectedProofPurpose;
        }

        /** @return the challenge every proof must carry, if one is expected */
        public java.util.Optional<String> expectedChallenge() {
            return java.util.Optional.ofNullable(expectedChallenge);
        }

        /** @return the domains of which every proof must name one (empty: none expected) */
        public List<String> expectedDomains() {
            return expectedDomains;
        }

        /**
         * @return whether an ecdsa-sd-2023 disclosure whose issuer left the credential's issuer or
         *     type selectively disclosable is accepted (default false)
         */
        public boolean acceptOptionalSdIdentity() {
            return acceptOptionalSdIdentity;
        }

        /** A fresh budget per operation: its deadline is the timeout from now (or the enclosing verification's, if earlier). */
        Budget budget() {
            return Budget.of(maxQuads, timeout, loader);
        }

        ProofChecks.Expectations expectations() {
            return new ProofChecks.Expectations(clock.instant(), clockSkew, expectedProofPurpose, expectedChallenge,
                    expectedDomains, !acceptOptionalSdIdentity);
        }

        @Override
        public String toString() {
            return "Settings[maxQuads=" + maxQuads + ", timeout=" + timeout + ", clock=" + clock + ", skew=" + clockSkew
                    + ", purpose=" + expectedProofPurpose + (expectedChallenge == null ? "" : ", challenge=" + expectedChallenge)
                    + (expectedDomains.isEmpty() ? "" : ", domains=" + expectedDomains) + "]";
        }

        /** Builds {@link Settings}. Not thread-safe. */
        public static final class Builder {
            private int maxQuads = 20_000;
            private Duration timeout = Duration.ofSeconds(10); // = DEFAULT_TIMEOUT (not referenced: DEFAULTS is built first)
            private @org.jspecify.annotations.Nullable Fetcher contextFetcher;
            private Clock clock = Clock.systemUTC();
            private Duration clockSkew = Duration.ofMinutes(5); // = DEFAULT_CLOCK_SKEW
            private String expectedProofPurpose = ProofChecks.ASSERTION_METHOD;
            private @org.jspecify.annotations.Nullable String expectedChallenge;
            private List<String> expectedDomains = List.of();
            private boolean acceptOptionalSdIdentity;

            private Builder() {}

            /**
             * Whether an {@code ecdsa-sd-2023} disclosure of a credential is accepted when the issuer
             * did not make the credential's {@code issuer} and {@code type} mandatory. Off by default:
             * an issuer who left them to the holder's choice may equally have left
             * {@code validUntil} and {@code credentialStatus} to it, so the disclosure cannot show
             * that the credential is neither expired nor revoked; such a proof is
             * {@link ProofOutcome.Status#MALFORMED_PROOF}. The 1EdTech validator's selective
             * disclosure fixture (no mandatory statement at all) relies on this leniency.
             *
             * <pre>{@code
             * DataIntegrity.Settings lenient = DataIntegrity.Settings.builder().acceptOptionalSdIdentity(true).build();
             * }</pre>
             *
             * @param accept true to accept such disclosures
             * @return this builder
             */
            public Builder acceptOptionalSdIdentity(boolean accept) {
                this.acceptOptionalSdIdentity = accept;
                return this;
            }

            /**
             * @param clock the time proofs are judged at: a {@code created} later than its instant
             *     plus the skew, or an {@code expires} earlier than its instant minus the skew, fails
             *     (default {@link Clock#systemUTC()}; read once per {@code verify} call)
             * @return this builder
             */
            public Builder clock(Clock clock) {
                this.clock = Objects.requireNonNull(clock, "clock");
                return this;
            }

            /**
             * @param skew tolerance on proof dates (default 5 minutes, at most 1 day)
             * @return this builder
             */
            public Builder clockSkew(Duration skew) {
                Objects.requireNonNull(skew, "skew");
                if (skew.isNegative() || skew.compareTo(Duration.ofDays(1)) > 0) {
                    throw new IllegalArgumentException("clock skew must be between 0 and 1 day, not " + skew);
                }
                this.clockSkew = skew;
                return this;
            }

            /**
             * @param purpose the {@code proofPurpose} every proof must have (default
             *     {@code assertionMethod}, the purpose of a credential's proof; {@code authentication}
             *     for a presentation)
             * @return this builder
             */
            public Builder expectedProofPurpose(String purpose) {
                Objects.requireNonNull(purpose, "purpose");
                if (purpose.isBlank()) {
                    throw new IllegalArgumentException("the expected proof purpose must not be blank");
                }
                this.expectedProofPurpose = purpose;
                return this;
            }

            /**
             * @param challenge the {@code challenge} every proof must carry (default: none expected;
             *     a proof that carries one is then valid with a warning)
             * @return this builder
             */
            public Builder expectedChallenge(String challenge) {
                Objects.requireNonNull(challenge, "challenge");
                if (challenge.isEmpty()) {
                    throw new IllegalArgumentException("the expected challenge must not be empty");
                }
                this.expectedChallenge = challenge;
                return this;
            }

            /**
             * @param domains the domains this verifier operates in: every proof must name one of them
             *     in its {@code domain} (a string or an array) (default: none expected; a proof that
             *     names one is then valid with a warning)
             * @return this builder
             */
            public Builder expectedDomain(String... domains) {
                List<String> copy = List.of(domains);
                if (copy.isEmpty() || copy.stream().anyMatch(String::isEmpty)) {
                    throw new IllegalArgumentException("expected domains must be non-empty strings");
                }
                this.expectedDomains = copy;
                return this;
            }

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
