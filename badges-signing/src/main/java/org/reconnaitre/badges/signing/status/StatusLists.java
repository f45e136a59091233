package org.reconnaitre.badges.signing.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.Fetcher;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.status.internal.Entries;
import org.reconnaitre.badges.signing.status.internal.ListChecker;

/**
 * Decides what a status list says about a credential: W3C Bitstring Status List
 * ({@code BitstringStatusListEntry}: revocation, suspension, message, {@code statusSize} up to 8
 * bits, multibase base64url GZIP lists), StatusList2021 ({@code StatusList2021Entry}, read only)
 * and the Open Badges {@code 1EdTechRevocationList}.
 *
 * <p>Untrusted input never throws here: a malformed entry or list, an index outside the list, a
 * purpose mismatch or a GZIP bomb (lists are inflated to at most 16 MiB) gives an
 * {@link StatusResult.Outcome#ERROR} with the W3C error name and a reason. A list shorter than
 * the specification's minimum of 131,072 entries is still read, with a
 * {@code STATUS_LIST_LENGTH_ERROR} warning (real issuers publish such lists, e.g. the Digital
 * Credentials Consortium's 100,000-bit list).
 *
 * <p>Verifying the status list credential itself is the caller's job: fetch
 * {@link StatusEntry#listUrl()}, verify it as a credential in full (proof, a key its issuer
 * controls, validity dates) and check that its issuer is the credential's, then call
 * {@link #check(StatusEntry, String, String)}; or use
 * {@link #check(StatusEntry, String, Fetcher, StatusListCache, StatusPolicy, ListProofCheck)}. The
 * verifier's {@link StatusListCheck} does all of this.
 *
 * <pre>{@code
 * StatusResult r = StatusLists.check(entryJson, listCredentialJson);
 * if (r.outcome() == StatusResult.Outcome.REVOKED) reject(r.message());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusLists {
    private StatusLists() {}

    /**
     * Verifies a fetched status list credential before it is trusted: as a credential in full
     * (proof, a key its issuer controls, validity dates), and that its issuer is the credential's
     * issuer. Implementations must be thread-safe.
     *
     * <pre>{@code
     * StatusLists.ListProofCheck check = list -> {
     *     VerificationReport r = verifier.verify(list);
     *     boolean bound = r.check("key-binding").map(c -> c.outcome() == CheckOutcome.PASSED).orElse(false);
     *     return r.isValid() && bound && r.issuerId().equals(Optional.of(credentialIssuer))
     *             ? Optional.empty() : Optional.of("it does not verify as the issuer's status list");
     * };
     * }</pre>
     */
    @FunctionalInterface
    public interface ListProofCheck {
        /**
         * @param listJson the fetched status list credential
         * @return a reason when its proof (or issuer) is not acceptable; empty when it is
         */
        Optional<String> problem(String listJson);
    }

    /**
     * Reads the {@code credentialStatus} entries of a credential (an object or an array; a VC-JWT
     * payload in the {@code vc}-claim shape is accepted).
     *
     * @param credentialJson the credential
     * @return its entries, empty when it has none
     * @throws BadgeException {@code MALFORMED_JSON} or {@code INVALID_DOCUMENT} naming the problem
     */
    public static List<StatusEntry> entries(String credentialJson) throws BadgeException {
        return Entries.entriesOf(Objects.requireNonNull(credentialJson, "credentialJson"));
    }

    /**
     * Checks a Bitstring Status List or StatusList2021 entry against its list credential.
     *
     * @param credentialStatusJson the {@code credentialStatus} entry (one object)
     * @param statusListCredentialJson the status list credential, fetched and proof-checked by the caller
     * @return the result (never throws for bad input)
     */
    public static StatusResult check(String credentialStatusJson, String statusListCredentialJson) {
        return check(credentialStatusJson, statusListCredentialJson, null);
    }

    /**
     * As {@link #check(String, String)}, with the credential's id, which a
     * {@code 1EdTechRevocationList} needs.
     *
     * @param credentialStatusJson the {@code credentialStatus} entry (one object)
     * @param listJson the status list credential or revocation list
     * @param credentialId the credential's {@code id}, or null
     * @return the result (never throws for bad input)
     */
    public static StatusResult check(String credentialStatusJson, String listJson, @Nullable String credentialId) {
        Objects.requireNonNull(credentialStatusJson, "credentialStatusJson");
        Objects.requireNonNull(listJson, "listJson");
        StatusEntry entry;
        try {
            JsonNode node = Json.parse(credentialStatusJson);
            if (!supported(node)) {
                return ListChecker.unknown(null, "", "The credentialStatus type " + node.path("type")
                        + " is not supported (BitstringStatusListEntry, StatusList2021Entry, 1EdTechRevocationList are)");
            }
            entry = Entries.parse(node);
        } catch (BadgeException e) {
            return ListChecker.error(null, "MALFORMED_VALUE_ERROR", e.getMessage(), Optional.empty(), List.of());
        }
        return ListChecker.check(entry, listJson, credentialId);
    }

    /**
     * Checks a parsed entry against its list.
     *
     * @param entry the entry
     * @param listJson the status list credential or revocation list, fetched and proof-checked by the caller
     * @param credentialId the credential's {@code id} (needed for a 1EdTechRevocationList), or null
     * @return the result (never throws for bad input)
     */
    public static StatusResult check(StatusEntry entry, String listJson, @Nullable String credentialId) {
        return ListChecker.check(Objects.requireNonNull(entry, "entry"), Objects.requireNonNull(listJson, "listJson"),
                credentialId);
    }

    /**
     * Fetches the entry's list through the cache, has its proof checked, then checks the entry.
     * A list that cannot be fetched gives {@link StatusResult.Outcome#ERROR} under
     * {@link StatusPolicy#FAIL} and {@link StatusResult.Outcome#UNKNOWN} under
     * {@link StatusPolicy#WARN}, with {@code STATUS_RETRIEVAL_ERROR}; a list whose proof is refused
     * always gives {@code ERROR} with {@code STATUS_VERIFICATION_ERROR} (and is dropped from the cache).
     *
     * @param entry the entry
     * @param credentialId the credential's {@code id}, or null
     * @param fetcher how to reach the list
     * @param cache where fetched lists are kept
     * @param policy what an unfetchable list means
     * @param proofCheck verifies the list credential's proof (typically with the verifier)
     * @return the result (never throws for bad input or a failed fetch)
     */
    public static StatusResult check(StatusEntry entry, @Nullable String credentialId, Fetcher fetcher,
            StatusListCache cache, StatusPolicy policy, ListProofCheck proofCheck) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(proofCheck, "proofCheck");
        String list;
        try {
            list = cache.get(entry.listUrl(), fetcher);
        } catch (BadgeException e) {
            String message = "The status list could not be retrieved, so " + entry.purpose() + " was not checked: "
                    + e.getMessage();
            return policy == StatusPolicy.FAIL
                    ? ListChecker.error(entry, "STATUS_RETRIEVAL_ERROR", message, Optional.empty(), List.of())
                    : ListChecker.unknown(entry, "STATUS_RETRIEVAL_ERROR", message);
        }
        Optional<String> problem;
        try {
            problem = proofCheck.problem(list);
        } catch (RuntimeException e) {
            problem = Optional.of("the proof check failed unexpectedly: " + e);
        }
        if (problem.isPresent()) {
            cache.invalidate(entry.listUrl());
            return ListChecker.error(entry, "STATUS_VERIFICATION_ERROR", "The status list " + entry.listUrl()
                    + " is not trustworthy: " + problem.get(), Optional.empty(), List.of());
        }
        StatusResult result = ListChecker.check(entry, list, credentialId);
        return apply(policy, result);
    }

    /**
     * Applies a policy to a result: under {@link StatusPolicy#FAIL} an {@code UNKNOWN} becomes an
     * {@code ERROR}; everything else is unchanged.
     *
     * @param policy the policy
     * @param result a result
     * @return the result the policy gives
     */
    public static StatusResult apply(StatusPolicy policy, StatusResult result) {
        if (policy == StatusPolicy.FAIL && result.outcome() == StatusResult.Outcome.UNKNOWN) {
            return new StatusResult(result.method(), result.purpose(), result.index(), result.value(),
                    StatusResult.Outcome.ERROR, result.message(), result.errorCode(), result.listCredentialId(),
                    result.warnings());
        }
        return result;
    }

    private static boolean supported(JsonNode entry) {
        JsonNode type = entry.path("type");
        for (StatusEntry.Method m : StatusEntry.Method.values()) {
            if (type.isTextual() && type.asText().equals(m.type())) {
                return true;
            }
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (t.asText().equals(m.type())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
