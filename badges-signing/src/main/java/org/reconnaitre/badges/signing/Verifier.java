package org.reconnaitre.badges.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.Validator;
import org.reconnaitre.badges.model.internal.validation.Engine;
import org.reconnaitre.badges.signing.internal.verify.CachingFetcher;
import org.reconnaitre.badges.signing.internal.verify.Pipeline;
import org.reconnaitre.badges.signing.internal.verify.PipelineConfig;
import org.reconnaitre.badges.signing.status.StatusListCache;
import org.reconnaitre.badges.signing.status.StatusListCheck;
import org.reconnaitre.badges.signing.status.StatusPolicy;

/**
 * Verifies Open Badges 3.0 / CLR 2.0 credentials — a JSON credential with an embedded proof, a
 * compact VC-JWT, or raw bytes whose format is detected — and returns a {@link VerificationReport}
 * that says, check by check and in words, whether the credential is authentic, by whom, and still
 * valid. Bad input never throws: it yields a report with a failed check. Exceptions are for misuse
 * of the API only (a {@code null} argument).
 *
 * <p>Open Badges 2.0 assertions (hosted JSON, a signed RS256 compact JWS, or an image baked with
 * either or with a hosted-assertion URL) are verified too: their BadgeClass, Issuer, key and
 * revocation list are fetched through the configured {@link Fetcher} only, and the report carries
 * the checks {@code parse}, {@code context-and-type}, {@code schema}, {@code ob2-fetch},
 * {@code ob2-verification}, {@code proof}, {@code key-binding}, {@code recipient},
 * {@code revocation}, {@code validity-period}, {@code ob2-extensions} and {@code endorsements}.
 * Open Badges 0.5 / 1.0 / 1.1 documents are upgraded to 2.0 first, with an {@code ob2-upgrade}
 * warning saying what changed (a 0.5 assertion cannot be verified: it has no verification method).
 * The issuer's server is the source of truth: a hosted assertion is valid only as its issuer serves
 * it at its id, and the issuer profile and signing key count only as served at their own URLs, so
 * without a fetcher allowed to reach the issuer's host an OB 2.0 assertion is not valid (the
 * {@code ob2-fetch} check says which host to allow). Any other OB 2.0 node (a BadgeClass, a
 * Profile, a key) is refused as not a credential.
 *
 * <p>To check who the badge was awarded to, verify through {@link #forRecipient(ExpectedRecipient)}:
 * the {@code recipient} check is skipped otherwise.
 *
 * <p>Every embedded proof must have the purpose {@code assertionMethod}, a {@code created} date not
 * later than the clock plus the skew and no {@code expires} date in the past, and, when the caller
 * sets them ({@link Builder#expectedChallenge}, {@link Builder#expectedDomain}), the expected
 * {@code challenge} and {@code domain}.
 *
 * <p>Secure by default: nothing is fetched unless a {@link Fetcher} is configured; a JWT key
 * carried in the token itself ({@code jwk} header) is not trusted to speak for the issuer unless
 * the issuer is that key's did:key (see {@link Builder#trustEmbeddedJwk(boolean)}); a key counts as
 * the issuer's only when the issuer's own document (its did:key, its did:web DID document or its
 * https controller document, resolved from the issuer id) lists it under {@code assertionMethod} —
 * a key written in a URL fragment ({@code https://issuer#z6Mk...}) does not (see
 * {@link Builder#allowUnboundFragmentKeys(boolean)}), and an issuer id that cannot be resolved
 * ({@code urn:uuid:...}) cannot be bound to any key. A credential that declares a
 * {@code credentialStatus} is valid only when its status was checked: with a fetcher the built-in
 * status lists do it ({@link Builder#statusCheck(StatusCheck)}); without one the {@code status}
 * check fails and names the host to allow.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *         .clock(Clock.systemUTC())
 *         .clockSkew(Duration.ofMinutes(5))
 *         .build();
 * VerificationReport report = verifier.verify(Files.readAllBytes(Path.of("badge.png")));
 * System.out.println(report.isValid() + " " + report.issuerId().orElse("?"));
 * }</pre>
 *
 * <p>A built verifier is immutable, thread-safe and meant to be reused: it keeps bounded caches of
 * resolved keys and fetched documents. Verifying the same input twice, from any threads, at the
 * same clock instant gives equal reports.
 */
public final class Verifier {

    /**
     * Decides the status (revocation, suspension) of a credential that has a
     * {@code credentialStatus}: the extension point for status lists. Called only when a fetcher is
     * configured (without one, such a credential fails the {@code status} check). The built-in
     * {@code StatusListCheck} is the default. Implementations must be thread-safe and should not
     * throw (a thrown exception is reported as a failed {@code status} check).
     *
     * <pre>{@code
     * Verifier v = Verifier.builder()
     *         .fetcher(myFetcher)
     *         .statusCheck(req -> CheckResult.passed("status", "not revoked"))
     *         .build();
     * }</pre>
     */
    @FunctionalInterface
    public interface StatusCheck {
        /**
         * @param request the credential and the means to look its status up
         * @return the {@code status} check's result
         */
        CheckResult check(StatusRequest request);
    }

    /**
     * What a {@link StatusCheck} gets. Immutable.
     *
     * @param credentialJson the credential (for a JWT, the decoded credential)
     * @param credentialStatusJson the {@code credentialStatus} value (an object or an array)
     * @param fetcher the verifier's fetcher (with its cache)
     * @param now the instant the verification is made at
     * @param verifier a verifier with the same settings but no status check, to verify a status
     *     list credential in full (proof, key binding, dates); a document it verifies that declares a
     *     {@code credentialStatus} of its own fails its {@code status} check, since status is
     *     followed one level deep (so a list that points at itself cannot loop)
     */
    public record StatusRequest(String credentialJson, String credentialStatusJson, Fetcher fetcher, Instant now,
            Verifier verifier) {
        /** Checks that nothing is null. */
        public StatusRequest {
            Objects.requireNonNull(credentialJson, "credentialJson");
            Objects.requireNonNull(credentialStatusJson, "credentialStatusJson");
            Objects.requireNonNull(fetcher, "fetcher");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(verifier, "verifier");
        }
    }

    private final Pipeline pipeline;
    private final Clock clock;
    private final @Nullable ExpectedRecipient expectedRecipient;

    private Verifier(Builder b) {
        Fetcher cached = new CachingFetcher(b.fetcher, b.documentCacheSize, b.documentCacheTtl.toNanos());
        KeyResolver resolver = b.keyResolver != null ? b.keyResolver
                : KeyResolver.builder().fetcher(cached).cacheSize(b.keyCacheSize).build();
        this.clock = b.clock;
        DataIntegrity.Settings.Builder di = DataIntegrity.Settings.builder().timeout(b.timeout)
                .clock(b.clock).clockSkew(b.clockSkew).acceptOptionalSdIdentity(b.acceptOptionalSdIdentity);
        if (b.fetcher != NONE) {
            di.contextFetcher(cached);
        }
        // a credential that declares a status must have it checked: with a fetcher and no check of
        // the caller's, the built-in status lists (fail closed)
        StatusCheck status = b.statusCheck != null || b.fetcher == NONE ? b.statusCheck
                : StatusListCheck.create(StatusListCache.create(b.documentCacheTtl), StatusPolicy.FAIL);
        // endorsements, nested credentials and status lists were not made for this exchange: no challenge or domain
        DataIntegrity.Settings nested = di.build();
        if (b.expectedChallenge != null) {
            di.expectedChallenge(b.expectedChallenge);
        }
        if (!b.expectedDomains.isEmpty()) {
            di.expectedDomain(b.expectedDomains.toArray(String[]::new));
        }
        PipelineConfig config = new PipelineConfig(b.clock, b.clockSkew, cached, b.fetcher != NONE,
                resolver, b.maxEndorsementDepth, b.trustEmbeddedJwk, b.allowUnboundFragmentKeys, status, di.build(),
                !b.validation ? null : new Engine(new Engine.Options(Set.of(), true, true, true, false, false, Set.of(),
                        b.fetcher != NONE ? Optional.of(cached) : Optional.empty())), nested, b.timeout);
        // status list credentials are verified without status checking, so a list cannot loop
        Verifier forStatusLists = new Verifier(config.withoutStatusCheck());
        this.pipeline = new Pipeline(config, forStatusLists);
        this.expectedRecipient = null;
    }

    private Verifier(PipelineConfig config) {
        this.clock = config.clock();
        this.pipeline = new Pipeline(config, this);
        this.expectedRecipient = null;
    }

    private Verifier(Verifier base, ExpectedRecipient expected) {
        this.clock = base.clock;
        this.pipeline = base.pipeline;
        this.expectedRecipient = expected;
    }

    /**
     * A verifier with the same settings and caches that also checks who the badge was awarded to:
     * the report's {@code recipient} check passes only when the badge (OB 2.0 recipient, OB 3.0
     * {@code credentialSubject.id} or {@code identifier}, plain or salted hash) names this person,
     * and fails with the reason otherwise. Cheap: create one per call. Endorsements and nested
     * credentials are not compared.
     *
     * <pre>{@code
     * VerificationReport r = verifier.forRecipient(ExpectedRecipient.email("alice@example.org")).verify(json);
     * }</pre>
     *
     * @param expected the recipient the badge must belong to
     * @return an immutable, thread-safe verifier sharing this one's caches
     */
    public Verifier forRecipient(ExpectedRecipient expected) {
        return new Verifier(this, Objects.requireNonNull(expected, "expected"));
    }

    /** @return the recipient this verifier expects, if it was made by {@link #forRecipient} */
    public Optional<ExpectedRecipient> expectedRecipient() {
        return Optional.ofNullable(expectedRecipient);
    }


    private static final Fetcher NONE = Fetcher.none();

    /** Default time budget of one {@code verify} call: 5 seconds (see {@link Builder#timeout(Duration)}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** @return a builder with secure defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies text: a JSON credential or a compact JWT.
     *
     * @param credential the text as received
     * @return the report (never null; never throws for bad input)
     */
    public VerificationReport verify(String credential) {
        Objects.requireNonNull(credential, "credential");
        return pipeline.verify(credential.getBytes(StandardCharsets.UTF_8), expectedRecipient);
    }

    /**
     * Verifies bytes whose format is detected: JSON, compact JWT, baked PNG or baked SVG.
     *
     * @param input the bytes as received
     * @return the report (never null; never throws for bad input)
     */
    public VerificationReport verify(byte[] input) {
        Objects.requireNonNull(input, "input");
        return pipeline.verify(input.clone(), expectedRecipient);
    }

    /**
     * Reads a file (at most 16 MiB) and verifies it.
     *
     * @param file a JSON, JWT, PNG or SVG file
     * @return the report
     * @throws BadgeException {@code IO} when the file cannot be read or is too large
     */
    public VerificationReport verify(Path file) throws BadgeException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(Pipeline.MAX_INPUT_BYTES + 1);
            if (bytes.length > Pipeline.MAX_INPUT_BYTES) {
                throw new BadgeException(BadgeException.Code.IO, file + " is larger than " + Pipeline.MAX_INPUT_BYTES + " bytes");
            }
            return pipeline.verify(bytes, expectedRecipient);
        } catch (IOException e) {
            throw new BadgeException(BadgeException.Code.IO, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the clock this verifier judges validity dates with */
    public Clock clock() {
        return clock;
    }

    /**
     * Configures a {@link Verifier}. Not thread-safe; the verifier it builds is.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofMinutes(5);
        private Fetcher fetcher = NONE;
        private @Nullable KeyResolver keyResolver;
        private int maxEndorsementDepth = 2;
        private int keyCacheSize = 256;
        private int documentCacheSize = 64;
        private Duration documentCacheTtl = Duration.ofMinutes(5);
        private boolean trustEmbeddedJwk;
        private boolean allowUnboundFragmentKeys;
        private @Nullable StatusCheck statusCheck;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean validation = true;
        private @Nullable String expectedChallenge;
        private java.util.List<String> expectedDomains = java.util.List.of();
        private boolean acceptOptionalSdIdentity;

        private Builder() {}

        /**
         * Whether an {@code ecdsa-sd-2023} disclosure is accepted when its issuer did not make the
         * credential's {@code issuer} and {@code type} mandatory. Off by default, so the {@code proof}
         * check fails: an issuer who left them to the holder's choice may equally have left
         * {@code validUntil} and {@code credentialStatus} to it, and the disclosure cannot show that
         * the credential is neither expired nor revoked. The 1EdTech validator's selective
         * disclosure fixture relies on this leniency.
         *
         * <pre>{@code
         * Verifier lenient = Verifier.builder().acceptOptionalSdIdentity(true).build();
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
         * The challenge the presented credential's proofs must carry (a nonce the caller gave the
         * holder, so that a proof made for another exchange cannot be replayed). Every proof must
         * have exactly this {@code challenge}, or the {@code proof} check fails. Without this
         * option a proof that carries a challenge is valid with a warning. Endorsements, nested
         * credentials and status lists are not held to it.
         *
         * <pre>{@code
         * Verifier v = Verifier.builder().expectedChallenge("8c1a6f2e").build();
         * }</pre>
         *
         * @param challenge the expected challenge (non-empty)
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
         * The domains this verifier operates in: every proof of the presented credential must name
         * one of them in its {@code domain} (a string or an array of strings), or the {@code proof}
         * check fails. Without this option a proof that names a domain is valid with a warning.
         * Endorsements, nested credentials and status lists are not held to it.
         *
         * <pre>{@code
         * Verifier v = Verifier.builder().expectedDomain("https://hr.example", "hr.example").build();
         * }</pre>
         *
         * @param domains one or more non-empty domains
         * @return this builder
         */
        public Builder expectedDomain(String... domains) {
            java.util.List<String> copy = java.util.List.of(domains);
            if (copy.isEmpty() || copy.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("expected domains must be non-empty strings");
            }
            this.expectedDomains = copy;
            return this;
        }

        /**
         * @param on whether the {@code schema} check runs the model's {@link Validator} (1EdTech JSON
         *     Schemas, data-model rules, JSON-LD dropped terms); default true. Turning it off skips
         *     the check (for example when the caller validated already).
         * @return this builder
         */
        public Builder schemaValidation(boolean on) {
            this.validation = on;
            return this;
        }

        /**
         * The time budget of one {@code verify} call (default 5 seconds), computed once when the
         * call starts and shared by everything it does: every JSON-LD expansion (the schema step's
         * included), canonicalization, proof, endorsement, nested CLR credential and status list
         * verified through the {@link StatusRequest#verifier()}. When it runs out, the check that was
         * running (or the next one) fails with the reason and the remaining checks are not run, so
         * the report is never valid: a hostile credential cannot hold a thread for longer.
         *
         * <pre>{@code
         * Verifier v = Verifier.builder().timeout(Duration.ofSeconds(2)).build();
         * }</pre>
         *
         * @param timeout the wall-clock budget of one verification (positive)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the verification timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Former name of {@link #timeout(Duration)}, which now bounds the whole verification.
         *
         * @param timeout the wall-clock budget of one verification
         * @return this builder
         * @deprecated use {@link #timeout(Duration)}
         */
        @Deprecated
        public Builder canonicalizationTimeout(Duration timeout) {
            return timeout(timeout);
        }

        /**
         * @param clock the time validity dates are judged at (default {@link Clock#systemUTC()};
         *     {@code Clock.fixed(instant, ZoneOffset.UTC)} verifies "as of" an instant)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param skew tolerance on both ends of the validity period (default 5 minutes, at most 1 day)
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
         * @param fetcher reaches did:web documents, https controller documents and status lists
         *     (default {@link Fetcher#none()}: nothing is fetched, so a credential that declares a
         *     {@code credentialStatus} fails the {@code status} check, naming the host to allow)
         * @return this builder
         */
        public Builder fetcher(Fetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /**
         * @param resolver resolves proof verification methods and JWT key ids (default: the
         *     built-in resolver over this builder's fetcher; it also decodes keys written in URL
         *     fragments, which the key-binding check refuses unless
         *     {@link #allowUnboundFragmentKeys(boolean)} is on)
         * @return this builder
         */
        public Builder keyResolver(KeyResolver resolver) {
            this.keyResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param depth how many levels of endorsements (and CLR nested credentials) are verified
         *     (default 2; 0 verifies none). Endorsements or CLR credentials deeper than this are
         *     not verified, so they fail their {@code endorsements} / {@code credentials} check,
         *     whose message names this setting
         * @return this builder
         */
        public Builder maxEndorsementDepth(int depth) {
            if (depth < 0 || depth > 8) {
                throw new IllegalArgumentException("endorsement depth must be between 0 and 8, not " + depth);
            }
            this.maxEndorsementDepth = depth;
            return this;
        }

        /**
         * @param size largest number of resolved verification methods kept by the default key
         *     resolver (default 256; 0 disables the cache)
         * @return this builder
         */
        public Builder keyCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("cache size must be >= 0");
            }
            this.keyCacheSize = size;
            return this;
        }

        /**
         * @param size largest number of fetched documents (status lists, DID and controller
         *     documents) kept (default 64; 0 disables the cache)
         * @param ttl how long a fetched document is reused (default 5 minutes)
         * @return this builder
         */
        public Builder documentCache(int size, Duration ttl) {
            if (size < 0) {
                throw new IllegalArgumentException("cache size must be >= 0");
            }
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("ttl must not be negative");
            }
            this.documentCacheSize = size;
            this.documentCacheTtl = ttl;
            return this;
        }

        /**
         * Whether a JWT signed with a key carried in its own {@code jwk} header, with nothing tying
         * that key to the issuer, is accepted with a {@code key-binding} warning instead of failing.
         * Off by default: such a key proves the token is intact, not who issued it. The 1EdTech
         * validator accepts it (its fixture {@code simple-jwt.png} relies on it).
         *
         * @param trust true to downgrade the failure to a warning
         * @return this builder
         */
        public Builder trustEmbeddedJwk(boolean trust) {
            this.trustEmbeddedJwk = trust;
            return this;
        }

        /**
         * Whether a key written in the fragment of the issuer's http(s) URL (the 1EdTech convention
         * {@code https://issuer.example/issuers/1#z6Mk...}, as a proof {@code verificationMethod} or
         * a JWT {@code kid} of {@code #z6Mk...}) is accepted with a {@code key-binding} warning when
         * the issuer's own document was not read or does not list it. Off by default, and then such
         * a key fails the {@code key-binding} check: <strong>anyone can write any key into a URL
         * fragment</strong>, so with this on, whoever holds any key can issue credentials in the name
         * of any https issuer. Turn it on only to reproduce the 1EdTech validator's verdicts (its
         * fixtures rely on it), never to decide who issued a credential. With a {@link #fetcher}
         * that reaches the issuer, a key its document lists under {@code assertionMethod} binds
         * without this option. Keys in the fragment of a DID URL never bind: only the DID
         * document speaks for a DID.
         *
         * <pre>{@code
         * Verifier legacy = Verifier.builder().allowUnboundFragmentKeys(true).build();
         * }</pre>
         *
         * @param allow true to downgrade the failure to a warning
         * @return this builder
         */
        public Builder allowUnboundFragmentKeys(boolean allow) {
            this.allowUnboundFragmentKeys = allow;
            return this;
        }

        /**
         * Replaces the built-in status check. By default, when a {@link #fetcher(Fetcher)} is
         * configured, the verifier uses {@code StatusListCheck.create(StatusListCache.create(ttl),
         * StatusPolicy.FAIL)} (ttl: the {@link #documentCache(int, Duration)} time to live): a
         * credential that declares a {@code credentialStatus} is valid only when every entry was
         * read from a list its issuer signed and says neither revoked nor suspended. Pass
         * {@code StatusListCheck.create(cache, StatusPolicy.WARN)} to accept an unreachable list
         * with a warning, or a builder-made {@code StatusListCheck} to trust list issuers other than
         * the credential's.
         *
         * <pre>{@code
         * Verifier v = Verifier.builder()
         *         .fetcher(Fetcher.http(Set.of("status.example.org")))
         *         .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.WARN))
         *         .build();
         * }</pre>
         *
         * @param check decides credential status when a fetcher is configured
         * @return this builder
         */
        public Builder statusCheck(StatusCheck check) {
            this.statusCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /** @return the immutable verifier */
        public Verifier build() {
            return new Verifier(this);
        }
    }
}
