package org.reconnaitre.badges.conformance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.conformance.internal.Engine;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.Verifier;

/**
 * Runs every conformance rule on a credential and returns a {@link ConformanceReport} (never throws
 * for bad input): the validator's rules, the verifier's checks, the issuer profile checks
 * (resolvable issuer, proof key owned by the issuer, recipient identifier) and the robustness
 * self-test (re-verify after a JSON round trip and after key reordering, and a one-field tamper
 * must fail). A built kit is immutable and thread-safe; its builder is not.
 *
 * <pre>{@code
 * ConformanceKit kit = ConformanceKit.builder()
 *         .at(Instant.parse("2026-01-01T00:00:00Z"))
 *         .expectedRecipient("learner@example.org")
 *         .build();
 * ConformanceReport report = kit.check(signedJson);
 * System.out.println(report.toMarkdown());
 * }</pre>
 */
public final class ConformanceKit {
    private final Engine engine;

    private ConformanceKit(Builder b) {
        this.engine = new Engine(b.clock, b.fetcher, b.keyResolver, b.expectedKey, b.expectedRecipient, b.expectedSuite,
                b.robustness, b.trustEmbeddedJwk, b.allowUnboundFragmentKeys, b.statusCheck, b.canonicalizationTimeout);
    }

    /** @return a builder with the defaults: system clock, no fetching, robustness on */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one credential: JSON (with an embedded proof) or a compact VC-JWT.
     *
     * @param credential the credential text
     * @return the report, named after the credential's id
     */
    public ConformanceReport check(String credential) {
        return engine.check(null, Objects.requireNonNull(credential, "credential"));
    }

    /**
     * Checks one credential and names the report (for example after its file).
     *
     * @param subject the name shown in rendered reports
     * @param credential the credential text
     * @return the report
     */
    public ConformanceReport check(String subject, String credential) {
        return engine.check(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(credential, "credential"));
    }

    /**
     * Configures a {@link ConformanceKit}. Not thread-safe.
     *
     * <pre>{@code
     * ConformanceKit kit = ConformanceKit.builder().fetcher(Fetcher.offline(urlMap)).robustness(false).build();
     * }</pre>
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Fetcher fetcher = Fetcher.none();
        private @Nullable KeyResolver keyResolver;
        private @Nullable VerificationKey expectedKey;
        private @Nullable String expectedRecipient;
        private @Nullable String expectedSuite;
        private boolean robustness = true;
        private boolean trustEmbeddedJwk;
        private boolean allowUnboundFragmentKeys;
        private Verifier.@Nullable StatusCheck statusCheck;
        private @Nullable Duration canonicalizationTimeout;

        private Builder() {}

        /** @param clock the clock validity periods are judged by */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param instant verify as of this instant (a fixed clock) */
        public Builder at(Instant instant) {
            return clock(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC));
        }

        /** @param fetcher the only way the kit and the verifier may reach DID documents, profiles and status lists */
        public Builder fetcher(Fetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /** @param resolver resolves verification methods (default: the built-in resolver over the fetcher) */
        public Builder keyResolver(KeyResolver resolver) {
            this.keyResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** @param key the only key the proofs may be verified with (another resolved key fails the proof) */
        public Builder expectedKey(VerificationKey key) {
            this.expectedKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param identity the recipient the credential must name (email, URL, DID...), checked against
         *     hashed identifiers too: by the verifier's {@code recipient} check ({@code VERIFY-RECIPIENT})
         *     when the identity's kind is recognisable, otherwise by the kit ({@code RECIPIENT-MATCH});
         *     never by both (see {@link ConformanceRules})
         */
        public Builder expectedRecipient(String identity) {
            this.expectedRecipient = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /** @param cryptosuite the cryptosuite (or proof type, or JWS alg) the credential must be secured with */
        public Builder expectedCryptosuite(String cryptosuite) {
            this.expectedSuite = Objects.requireNonNull(cryptosuite, "cryptosuite");
            return this;
        }

        /** @param on whether to run the robustness self-test (default on; costs three more verifications) */
        public Builder robustness(boolean on) {
            this.robustness = on;
            return this;
        }

        /** @param trust see {@link Verifier.Builder#trustEmbeddedJwk(boolean)} (default off) */
        public Builder trustEmbeddedJwk(boolean trust) {
            this.trustEmbeddedJwk = trust;
            return this;
        }

        /**
         * Accept a key written in the fragment of the issuer's URL ({@code https://issuer#z6Mk...})
         * with a warning instead of a {@code VERIFY-KEY-BINDING} error, as the 1EdTech validator does.
         * Off by default: anyone can write a key into a URL; see
         * {@link Verifier.Builder#allowUnboundFragmentKeys(boolean)}.
         *
         * <pre>{@code
         * ConformanceKit legacy = ConformanceKit.builder().allowUnboundFragmentKeys(true).build();
         * }</pre>
         *
         * @param allow true to downgrade the error to a warning
         * @return this builder
         */
        public Builder allowUnboundFragmentKeys(boolean allow) {
            this.allowUnboundFragmentKeys = allow;
            return this;
        }

        /** @param check the status-list check handed to the verifier */
        public Builder statusCheck(Verifier.StatusCheck check) {
            this.statusCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /** @param timeout the canonicalization budget handed to the verifier */
        public Builder canonicalizationTimeout(Duration timeout) {
            this.canonicalizationTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @return the immutable kit */
        public ConformanceKit build() {
            return new ConformanceKit(this);
        }
    }
}
