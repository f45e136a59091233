package org.reconnaitre.badges.conformance;

import java.util.Objects;

/**
 * Entry point of the fluent conformance assertions, meant for an issuer's own test suite (add
 * {@code badges-conformance} as a test-scoped dependency). No test framework is needed: a failed
 * assertion throws a {@link ConformanceError} ({@link AssertionError}) listing every violated rule.
 * Stateless and thread-safe; each {@link CredentialAssert} it returns is not. Next to AssertJ's
 * static {@code assertThat}, import {@link #assertThatBadge(String)} instead.
 *
 * <pre>{@code
 * import static org.reconnaitre.badges.conformance.OpenBadgesAssertions.assertThat;
 *
 * assertThat(signedJson)
 *         .atInstant(Instant.parse("2026-01-01T00:00:00Z"))
 *         .verifiesWith(issuerKey.publicKey())
 *         .isSignedWith("eddsa-rdfc-2022")
 *         .conformsToOpenBadges3()
 *         .hasNoWarnings();
 * }</pre>
 */
public final class OpenBadgesAssertions {
    private OpenBadgesAssertions() {}

    /**
     * @param credential a JSON credential with an embedded proof, or a compact VC-JWT
     * @return the fluent assertion on it
     */
    public static CredentialAssert assertThat(String credential) {
        return new CredentialAssert(Objects.requireNonNull(credential, "credential"));
    }

    /**
     * The same as {@link #assertThat(String)}, under a name that does not clash with AssertJ's
     * {@code assertThat(String)} when both are statically imported.
     *
     * @param credential a JSON credential with an embedded proof, or a compact VC-JWT
     * @return the fluent assertion on it
     */
    public static CredentialAssert assertThatBadge(String credential) {
        return assertThat(credential);
    }
}
