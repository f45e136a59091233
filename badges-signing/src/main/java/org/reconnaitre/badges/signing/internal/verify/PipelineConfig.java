package org.reconnaitre.badges.signing.internal.verify;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.validation.Engine;
import org.reconnaitre.badges.signing.DataIntegrity;
import org.reconnaitre.badges.signing.KeyResolver;
import org.reconnaitre.badges.signing.Verifier;

/**
 * The immutable settings of a verifier, as the pipeline steps read them. Internal.
 *
 * @param clock the time source
 * @param clockSkew tolerance on both ends of the validity period
 * @param fetcher the caller's fetcher (wrapped in a bounded cache)
 * @param fetcherConfigured whether the caller plugged in a fetcher (status is skipped otherwise)
 * @param keyResolver resolves verification methods and JWT key ids
 * @param maxEndorsementDepth how deep endorsements (and CLR nested credentials) are followed
 * @param trustEmbeddedJwk whether a self-asserted JWT {@code jwk} is a warning instead of a failure
 * @param allowUnboundFragmentKeys whether a key read only from an http(s) issuer URL's fragment (the
 *     1EdTech convention) is a key-binding warning instead of a failure
 * @param statusCheck the caller's credential status checker, or null for the built-in behaviour
 * @param dataIntegrity JSON-LD budget and context source for embedded proofs, and what the proofs of the
 *     presented credential are judged against (clock, skew, expected challenge and domain)
 * @param validator schema and data-model validation (the engine of the model's {@code Validator}, so that
 *     the parsed credential is validated as it is), or null when turned off
 * @param nestedDataIntegrity as {@code dataIntegrity}, without challenge or domain: for endorsements, nested
 *     credentials and status list credentials, which were not made for the caller's exchange
 * @param timeout the time budget of one {@code verify} call, nested verifications included
 */
public record PipelineConfig(Clock clock, Duration clockSkew, Fetcher fetcher, boolean fetcherConfigured,
        KeyResolver keyResolver, int maxEndorsementDepth, boolean trustEmbeddedJwk, boolean allowUnboundFragmentKeys,
        Verifier.@Nullable StatusCheck statusCheck, DataIntegrity.Settings dataIntegrity,
        @Nullable Engine validator, DataIntegrity.Settings nestedDataIntegrity, Duration timeout) {

    /** @return the same settings without a status check (for verifying status list credentials) */
    public PipelineConfig withoutStatusCheck() {
        return new PipelineConfig(clock, clockSkew, fetcher, fetcherConfigured, keyResolver, maxEndorsementDepth,
                trustEmbeddedJwk, allowUnboundFragmentKeys, null, nestedDataIntegrity, validator, nestedDataIntegrity,
                timeout);
    }
}
