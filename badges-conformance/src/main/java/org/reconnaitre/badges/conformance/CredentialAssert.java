package org.reconnaitre.badges.conformance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.Severity;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.Verifier;

/**
 * Fluent assertions on one credential, created by {@link OpenBadgesAssertions#assertThat(String)}.
 * Settings ({@code atInstant}, {@code withFetcher}, {@code verifiesWith}, ...) apply to the
 * assertions that follow; each assertion throws a {@link ConformanceError} listing every violated
 * rule. Not thread-safe: use one per test.
 *
 * <pre>{@code
 * OpenBadgesAssertions.assertThat(json).withFetcher(Fetcher.offline(urlMap)).conformsToOpenBadges3();
 * OpenBadgesAssertions.assertThat(brokenJson).violates("OB3-CONTEXT-ORDER");
 * }</pre>
 */
public final class CredentialAssert {
    private final String credential;
    private final List<Consumer<ConformanceKit.Builder>> settings = new ArrayList<>();
    private @Nullable ConformanceReport cached;

    CredentialAssert(String credential) {
        this.credential = credential;
    }

    private CredentialAssert set(Consumer<ConformanceKit.Builder> setting) {
        settings.add(setting);
        cached = null;
        return this;
    }

    /** @param instant judge validity periods as of this instant */
    public CredentialAssert atInstant(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return set(b -> b.at(instant));
    }

    /** @param clock judge validity periods by this clock */
    public CredentialAssert withClock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return set(b -> b.clock(clock));
    }

    /** @param fetcher the only way DID documents, profiles and status lists may be read */
    public CredentialAssert withFetcher(Fetcher fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return set(b -> b.fetcher(fetcher));
    }

    /** @param check the status-list check handed to the verifier */
    public CredentialAssert withStatusCheck(Verifier.StatusCheck check) {
        Objects.requireNonNull(check, "check");
        return set(b -> b.statusCheck(check));
    }

    /** @param timeout the canonicalization budget of the verifier (slow build machines) */
    public CredentialAssert withCanonicalizationTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return set(b -> b.canonicalizationTimeout(timeout));
    }

    /** @param trust accept a JWT's embedded {@code jwk} header with a warning (as the 1EdTech validator does) */
    public CredentialAssert trustingEmbeddedJwk(boolean trust) {
        return set(b -> b.trustEmbeddedJwk(trust));
    }

    /**
     * @param allow accept a key written in the issuer URL's fragment with a warning (as the 1EdTech
     *     validator does; off by default, see {@link ConformanceKit.Builder#allowUnboundFragmentKeys(boolean)})
     * @return this assertion
     */
    public CredentialAssert allowingUnboundFragmentKeys(boolean allow) {
        return set(b -> b.allowUnboundFragmentKeys(allow));
    }

    /** @param on whether the robustness self-test runs (default on) */
    public CredentialAssert withRobustness(boolean on) {
        return set(b -> b.robustness(on));
    }

    /** @param identity the recipient the credential must name; checked by the assertions that follow */
    public CredentialAssert forRecipient(String identity) {
        Objects.requireNonNull(identity, "identity");
        return set(b -> b.expectedRecipient(identity));
    }

    /**
     * Asserts that the proof verifies with keys from this resolver (which then serves every later
     * assertion too).
     *
     * @param resolver resolves the proof's verification method
     * @return this
     * @throws ConformanceError when the proof (or the key binding) fails
     */
    public CredentialAssert verifiesWith(KeyResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        set(b -> b.keyResolver(resolver));
        return requireNoErrors("Expected the proof to verify with the given key resolver", "VERIFY-PROOF", "VERIFY-KEY-BINDING");
    }

    /**
     * Asserts that the proof verifies with exactly this public key (which then pins every later
     * assertion too).
     *
     * @param key the issuer's public key
     * @return this
     * @throws ConformanceError when the proof fails or was made with another key
     */
    public CredentialAssert verifiesWith(VerificationKey key) {
        Objects.requireNonNull(key, "key");
        set(b -> b.expectedKey(key));
        return requireNoErrors("Expected the proof to verify with the key " + key.thumbprint(), "VERIFY-PROOF");
    }

    /**
     * Asserts that the credential is secured with this cryptosuite (Data Integrity), proof type
     * (such as {@code Ed25519Signature2020}) or JWS {@code alg} (compact VC-JWT).
     *
     * @param cryptosuite for example {@code eddsa-rdfc-2022}
     * @return this
     * @throws ConformanceError when no proof uses it
     */
    public CredentialAssert isSignedWith(String cryptosuite) {
        Objects.requireNonNull(cryptosuite, "cryptosuite");
        ConformanceReport r = ConformanceKit.builder().expectedCryptosuite(cryptosuite).robustness(false).build()
                .check(credential);
        List<Violation> v = r.violationsOf(ConformanceRules.SIGNED_WITH);
        if (!v.isEmpty()) {
            throw new ConformanceError("Expected " + r.subject() + " to be signed with " + cryptosuite, v);
        }
        return this;
    }

    /**
     * Asserts that a subject identifier (plain, or hashed with its salt) is this recipient, as decided
     * by {@code VERIFY-RECIPIENT} or, when the verifier could not compare it, {@code RECIPIENT-MATCH}.
     *
     * @param identity an email address, URL, DID or other identity
     * @return this
     * @throws ConformanceError when none matches, or when the recipient could not be compared at all
     */
    public CredentialAssert hasRecipient(String identity) {
        forRecipient(identity);
        String headline = "Expected the credential to be issued to " + identity;
        String verifierRule = ConformanceRules.forCheck("recipient");
        requireNoErrors(headline, verifierRule, ConformanceRules.RECIPIENT_MATCH);
        ConformanceReport r = check();
        if (!r.checkedRules().contains(verifierRule) && !r.checkedRules().contains(ConformanceRules.RECIPIENT_MATCH)) {
            throw new ConformanceError(headline + " but the recipient could not be compared", r.errors());
        }
        return this;
    }

    /**
     * Asserts that no rule is violated with severity error: validator rules, verifier checks, issuer
     * profile checks and the robustness self-test.
     *
     * @return this
     * @throws ConformanceError listing every error
     */
    public CredentialAssert conformsToOpenBadges3() {
        ConformanceReport r = check();
        if (!r.isConformant()) {
            throw new ConformanceError("Expected " + r.subject() + " to conform to Open Badges 3.0", r.errors());
        }
        return this;
    }

    /**
     * Asserts that no rule is violated at all, not even with a warning.
     *
     * @return this
     * @throws ConformanceError listing every violation
     */
    public CredentialAssert hasNoWarnings() {
        ConformanceReport r = check();
        if (!r.violations().isEmpty()) {
            throw new ConformanceError("Expected " + r.subject() + " to raise no warning", r.violations());
        }
        return this;
    }

    /**
     * Asserts that each of these rules is violated (for tests of a kit, or of deliberately broken input).
     *
     * @param ruleIds rule ids from {@link ConformanceRules}
     * @return this
     * @throws AssertionError naming the rules that were not violated, with the report
     */
    public CredentialAssert violates(String... ruleIds) {
        ConformanceReport r = check();
        List<String> missing = new ArrayList<>();
        for (String id : ruleIds) {
            if (r.violationsOf(id).isEmpty()) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("Expected " + r.subject() + " to violate " + missing + " but the report is:\n" + r);
        }
        return this;
    }

    /** @return the report under the current settings, without asserting anything */
    public ConformanceReport check() {
        ConformanceReport r = cached;
        if (r == null) {
            ConformanceKit.Builder b = ConformanceKit.builder();
            settings.forEach(s -> s.accept(b));
            r = b.build().check(credential);
            cached = r;
        }
        return r;
    }

    private CredentialAssert requireNoErrors(String headline, String... ruleIds) {
        ConformanceReport r = check();
        List<Violation> bad = new ArrayList<>();
        for (String id : ruleIds) {
            r.violationsOf(id).stream().filter(v -> v.severity() == Severity.ERROR).forEach(bad::add);
        }
        if (!bad.isEmpty()) {
            throw new ConformanceError(headline, bad);
        }
        return this;
    }
}
