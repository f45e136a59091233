package org.reconnaitre.badges.signing.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.jwt.JwtException;
import org.reconnaitre.badges.signing.internal.jwt.VcJwtPayload;
import org.reconnaitre.badges.signing.status.internal.Entries;
import org.reconnaitre.badges.signing.status.internal.ListChecker;

/**
 * Plugs status lists into a {@link Verifier}; the verifier uses one with {@link StatusPolicy#FAIL}
 * by default whenever a fetcher is configured. For every {@code credentialStatus} entry it fetches
 * the list through the verifier's fetcher and a {@link StatusListCache}, then trusts the list only
 * when all of this holds:
 * <ul>
 *   <li>the list verifies as a credential in full with the same verifier settings: proof, a
 *       signing key that its issuer controls ({@code key-binding} passed, not merely warned),
 *       validity dates, schema (a list that declares a status of its own is refused: status is
 *       followed one level deep);</li>
 *   <li>it is issued by the credential's issuer (identifiers compared parsed, not as strings), or
 *       by an issuer the operator trusts for it ({@link Builder#trustListIssuer(String, String)});</li>
 *   <li>it is of the type the entry calls for ({@code BitstringStatusListCredential} for a
 *       {@code BitstringStatusListEntry}, {@code StatusList2021Credential} for a
 *       {@code StatusList2021Entry}) and its {@code credentialSubject.statusPurpose} is the entry's.</li>
 * </ul>
 * A list that fails any of these says nothing about the credential: the {@code status} check
 * fails, whatever the policy. One {@code status} check sums up all entries: failed if any entry is
 * revoked, suspended, set for another purpose, in error, of an unsupported status method or could
 * not be determined; passed otherwise (a warning when a remark applies, e.g. a list shorter than
 * the specification's minimum). {@link StatusPolicy#WARN} is the explicit opt-in leniency: a list
 * that could not be fetched, or an entry set for a purpose other than revocation and suspension,
 * is then a warning instead of a failure.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *         .fetcher(Fetcher.http(Set.of("university.example", "status.example.org")))
 *         .statusCheck(StatusListCheck.builder()
 *                 .cache(StatusListCache.create(Duration.ofMinutes(5)))
 *                 .policy(StatusPolicy.FAIL)
 *                 // the university publishes its lists through a status service with its own DID
 *                 .trustListIssuer("did:web:status.example.org", "did:web:university.example")
 *                 .build())
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (the cache it shares is thread-safe).
 */
public final class StatusListCheck implements Verifier.StatusCheck {
    private static final String ID = "status";
    private static final String KEY_BINDING = "key-binding";

    private final StatusListCache cache;
    private final StatusPolicy policy;
    /** Canonical list issuer id to the canonical credential issuer ids it may speak for. */
    private final Map<String, Set<String>> trustedFor;
    /** Canonical list issuer ids trusted for the credentials of every issuer. */
    private final Set<String> trustedForAll;

    private StatusListCheck(StatusListCache cache, StatusPolicy policy, Map<String, Set<String>> trustedFor,
            Set<String> trustedForAll) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.policy = Objects.requireNonNull(policy, "policy");
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        trustedFor.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        this.trustedFor = Map.copyOf(copy);
        this.trustedForAll = Set.copyOf(trustedForAll);
    }

    /**
     * A check that accepts only lists issued by the credential's own issuer.
     *
     * <pre>{@code
     * Verifier.builder().fetcher(fetcher)
     *         .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.FAIL));
     * }</pre>
     *
     * @param cache where fetched lists are kept
     * @param policy what a list that cannot be fetched means ({@link StatusPolicy#FAIL}: the
     *     credential is not valid; {@link StatusPolicy#WARN}: a warning)
     * @return a status check for {@link Verifier.Builder#statusCheck(Verifier.StatusCheck)}
     */
    public static StatusListCheck create(StatusListCache cache, StatusPolicy policy) {
        return new StatusListCheck(cache, policy, Map.of(), Set.of());
    }

    /**
     * A builder for a check that also trusts lists from issuers the operator names.
     *
     * <pre>{@code
     * StatusListCheck check = StatusListCheck.builder()
     *         .trustListIssuer("did:web:status.example.org", "did:web:university.example")
     *         .build();
     * }</pre>
     *
     * @return a builder with a 5-minute cache and {@link StatusPolicy#FAIL}
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CheckResult check(Verifier.StatusRequest request) {
        JsonNode credential;
        List<JsonNode> raw = new ArrayList<>();
        try {
            credential = Json.parse(request.credentialJson());
            JsonNode status = Json.parse(request.credentialStatusJson());
            for (JsonNode e : status.isArray() ? status : List.of(status)) {
                raw.add(e);
            }
        } catch (BadgeException e) {
            return CheckResult.failed(ID, "The credentialStatus cannot be read, so revocation was not checked: " + e.getMessage());
        }
        List<String> unsupported = new ArrayList<>();
        for (JsonNode e : raw) {
            Entries.unsupportedType(e).ifPresent(unsupported::add);
        }
        if (!unsupported.isEmpty()) {
            return CheckResult.failed(ID, "Unsupported status method " + String.join(", ", unsupported)
                    + ": revocation and suspension could not be checked (supported: BitstringStatusListEntry,"
                    + " StatusList2021Entry, 1EdTechRevocationList), so the credential is not considered current.");
        }
        List<StatusEntry> entries = new ArrayList<>();
        try {
            for (JsonNode e : raw) {
                entries.add(Entries.parse(e));
            }
        } catch (BadgeException e) {
            return CheckResult.failed(ID, "The credentialStatus cannot be read, so revocation was not checked: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            return CheckResult.skipped(ID, "The credential declares no credentialStatus.");
        }
        String credentialId = credential.path("id").isTextual() ? credential.path("id").asText() : null;
        String issuer = VcJwtPayload.issuerId(credential);
        List<String> failed = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (StatusEntry entry : entries) {
            StatusResult r = checkEntry(entry, credentialId, issuer, request);
            String text = r.message() + (r.warnings().isEmpty() ? "" : " Warning: " + String.join(" ", r.warnings()));
            switch (r.outcome()) {
                case REVOKED, SUSPENDED, ERROR -> failed.add(text);
                case UNKNOWN, FLAGGED -> {
                    if (policy == StatusPolicy.WARN) {
                        warned.add(text + " (accepted with a warning because the status policy is WARN)");
                    } else {
                        failed.add(text + (r.outcome() == StatusResult.Outcome.FLAGGED
                                ? " A status other than 0 is not accepted under StatusPolicy.FAIL (StatusPolicy.WARN"
                                        + " reports it as a warning)." : ""));
                    }
                }
                case VALID -> (r.warnings().isEmpty() ? passed : warned).add(text);
                default -> throw new IllegalStateException("unexpected outcome " + r.outcome());
            }
        }
        List<String> all = new ArrayList<>(failed);
        all.addAll(warned);
        all.addAll(passed);
        String message = String.join(" ", all);
        if (!failed.isEmpty()) {
            return CheckResult.failed(ID, message);
        }
        return warned.isEmpty() ? CheckResult.passed(ID, message) : CheckResult.warning(ID, message);
    }

    private StatusResult checkEntry(StatusEntry entry, @Nullable String credentialId, @Nullable String issuer,
            Verifier.StatusRequest request) {
        String list;
        try {
            list = cache.get(entry.listUrl(), request.fetcher());
        } catch (BadgeException e) {
            String message = "The status list could not be retrieved, so " + entry.purpose() + " was not checked: "
                    + e.getMessage();
            return StatusLists.apply(policy, ListChecker.unknown(entry, "STATUS_RETRIEVAL_ERROR", message));
        }
        VerificationReport report = request.verifier().verify(list);
        Optional<String> problem = problem(report, issuer);
        JsonNode listCredential = null;
        if (problem.isEmpty()) {
            try {
                listCredential = VcJwtPayload.credentialOf(list);
            } catch (BadgeException | JwtException e) {
                problem = Optional.of("it cannot be read as a credential (" + e.getMessage() + ")");
            }
        }
        if (problem.isPresent() || listCredential == null) {
            cache.invalidate(entry.listUrl());
            return ListChecker.error(entry, "STATUS_VERIFICATION_ERROR", "The status list " + entry.listUrl()
                    + " is not trustworthy, so " + entry.purpose() + " was not checked: "
                    + problem.orElse("it cannot be read") + ".", Optional.empty(), List.of());
        }
        StatusResult result = ListChecker.check(entry, listCredential, credentialId);
        if (result.outcome() == StatusResult.Outcome.ERROR) {
            cache.invalidate(entry.listUrl());
        }
        return StatusLists.apply(policy, result);
    }

    /** @return why a verified status list credential cannot speak for the credential's status, if it cannot */
    private Optional<String> problem(VerificationReport report, @Nullable String issuer) {
        if (!report.isValid()) {
            return Optional.of("it does not verify as a credential ("
                    + report.failures().stream().findFirst().map(CheckResult::message).orElse("no check passed") + ")");
        }
        Optional<CheckResult> binding = report.check(KEY_BINDING);
        if (binding.isEmpty() || binding.get().outcome() != CheckOutcome.PASSED) {
            return Optional.of("nothing shows that the key which signed it is controlled by its issuer ("
                    + binding.map(CheckResult::message).orElse("no key-binding check was made") + ")");
        }
        String listIssuer = report.issuerId().orElse(null);
        if (listIssuer == null) {
            return Optional.of("it names no issuer");
        }
        if (issuer == null) {
            return Optional.of("the credential names no issuer to compare the list's issuer " + listIssuer + " with");
        }
        if (Identifier.same(issuer, listIssuer) || trusted(listIssuer, issuer)) {
            return Optional.empty();
        }
        return Optional.of("it was issued by " + listIssuer + ", not by the credential's issuer " + issuer
                + " (to accept lists that this issuer publishes through another, name it with"
                + " StatusListCheck.builder().trustListIssuer(listIssuer, credentialIssuer))");
    }

    private boolean trusted(String listIssuer, String credentialIssuer) {
        Optional<String> list = Identifier.tryParse(listIssuer).map(Identifier::toString);
        Optional<String> credential = Identifier.tryParse(credentialIssuer).map(Identifier::toString);
        if (list.isEmpty() || credential.isEmpty()) {
            return false;
        }
        return trustedForAll.contains(list.get()) || trustedFor.getOrDefault(list.get(), Set.of()).contains(credential.get());
    }

    /**
     * Configures a {@link StatusListCheck}. Not thread-safe; the check it builds is.
     *
     * <pre>{@code
     * StatusListCheck check = StatusListCheck.builder()
     *         .policy(StatusPolicy.FAIL)
     *         .trustListIssuer("did:web:status.example.org", "did:web:university.example")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private StatusListCache cache = StatusListCache.create(Duration.ofMinutes(5));
        private StatusPolicy policy = StatusPolicy.FAIL;
        private final Map<String, Set<String>> trustedFor = new LinkedHashMap<>();
        private final Set<String> trustedForAll = new LinkedHashSet<>();

        private Builder() {}

        /**
         * @param cache where fetched lists are kept (default: 5 minutes, 256 lists)
         * @return this builder
         */
        public Builder cache(StatusListCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * @param policy what a list that cannot be fetched means (default {@link StatusPolicy#FAIL})
         * @return this builder
         */
        public Builder policy(StatusPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Trusts status lists issued by {@code listIssuer} for the credentials of
         * {@code credentialIssuer} (for example a status service that publishes lists for a
         * university under its own DID). The list must still verify in full, with a key its own
         * issuer controls.
         *
         * @param listIssuer the issuer id of the status list credentials (a DID or URL)
         * @param credentialIssuer the issuer id of the credentials they speak for
         * @return this builder
         * @throws IllegalArgumentException when either is not a valid DID or absolute URI
         */
        public Builder trustListIssuer(String listIssuer, String credentialIssuer) {
            trustedFor.computeIfAbsent(canonical(listIssuer), k -> new LinkedHashSet<>()).add(canonical(credentialIssuer));
            return this;
        }

        /**
         * Trusts status lists issued by {@code listIssuer} for the credentials of every issuer (a
         * status authority the operator relies on). Prefer {@link #trustListIssuer(String, String)}.
         *
         * @param listIssuer the issuer id of the status list credentials (a DID or URL)
         * @return this builder
         * @throws IllegalArgumentException when it is not a valid DID or absolute URI
         */
        public Builder trustListIssuerForAll(String listIssuer) {
            trustedForAll.add(canonical(listIssuer));
            return this;
        }

        private static String canonical(String id) {
            Objects.requireNonNull(id, "id");
            return Identifier.tryParse(id).map(Identifier::toString).orElseThrow(() -> new IllegalArgumentException(
                    "not a valid DID or absolute URI: " + id));
        }

        /** @return the immutable check */
        public StatusListCheck build() {
            return new StatusListCheck(cache, policy, trustedFor, trustedForAll);
        }
    }
}
