package org.reconnaitre.badges.signing.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;

/**
 * Plugs status lists into a {@link Verifier}: for every {@code credentialStatus} entry it fetches
 * the list through the verifier's fetcher and a {@link StatusListCache}, verifies the list
 * credential's own proof with the same verifier (and warns when the list's issuer is not the
 * credential's), then reads the entry. One {@code status} check sums up all entries: failed if
 * any entry is revoked, suspended or in error; a warning if any is unknown or flagged, or a list is
 * too short; passed otherwise.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *         .fetcher(Fetcher.http(Set.of("status.example.org")))
 *         .statusCheck(StatusListCheck.create(StatusListCache.create(Duration.ofMinutes(5)), StatusPolicy.FAIL))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StatusListCheck implements Verifier.StatusCheck {
    private static final String ID = "status";
    /** A status list whose own status points to a status list is checked one level deep only. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final StatusListCache cache;
    private final StatusPolicy policy;

    private StatusListCheck(StatusListCache cache, StatusPolicy policy) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param cache where fetched lists are kept
     * @param policy what a list that cannot be fetched (or an unsupported status method) means
     * @return a status check for {@link Verifier.Builder#statusCheck(Verifier.StatusCheck)}
     */
    public static StatusListCheck create(StatusListCache cache, StatusPolicy policy) {
        return new StatusListCheck(cache, policy);
    }

    @Override
    public CheckResult check(Verifier.StatusRequest request) {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            return CheckResult.warning(ID, "The status of a status list credential itself is not checked.");
        }
        JsonNode credential;
        List<StatusEntry> entries;
        try {
            credential = Json.parse(request.credentialJson());
            entries = StatusLists.entries(request.credentialJson());
        } catch (BadgeException e) {
            String message = "The credentialStatus cannot be read, so revocation was not checked: " + e.getMessage();
            return policy == StatusPolicy.FAIL ? CheckResult.failed(ID, message) : CheckResult.warning(ID, message);
        }
        if (entries.isEmpty()) {
            return CheckResult.skipped(ID, "The credential declares no credentialStatus.");
        }
        String credentialId = credential.path("id").isTextual() ? credential.path("id").asText() : null;
        String issuer = issuerId(credential);
        List<String> failed = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (StatusEntry entry : entries) {
            List<String> listWarnings = new ArrayList<>();
            StatusResult r = StatusLists.check(entry, credentialId, request.fetcher(), cache, policy,
                    list -> verifyList(list, request.verifier(), issuer, listWarnings));
            List<String> notes = new ArrayList<>(r.warnings());
            notes.addAll(listWarnings);
            String text = r.message() + (notes.isEmpty() ? "" : " Warning: " + String.join(" ", notes));
            switch (r.outcome()) {
                case REVOKED, SUSPENDED, ERROR -> failed.add(text);
                case UNKNOWN, FLAGGED -> warned.add(text);
                case VALID -> (notes.isEmpty() ? passed : warned).add(text);
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

    private static Optional<String> verifyList(String list, Verifier verifier, @Nullable String issuer, List<String> warnings) {
        VerificationReport report;
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            report = verifier.verify(list);
        } finally {
            depth[0]--;
        }
        Optional<CheckResult> proof = report.check("proof");
        CheckOutcome proofOutcome = proof.map(CheckResult::outcome).orElse(CheckOutcome.SKIPPED);
        if (proofOutcome != CheckOutcome.PASSED && proofOutcome != CheckOutcome.WARNING) {
            return Optional.of("its proof does not verify ("
                    + proof.map(CheckResult::message).orElse("no proof check was made") + ")");
        }
        if (proofOutcome == CheckOutcome.WARNING) {
            warnings.add("The status list's proof verifies with a warning: " + proof.get().message());
        }
        Optional<CheckResult> validity = report.check("validity-period");
        if (validity.isPresent() && validity.get().outcome() == CheckOutcome.FAILED) {
            return Optional.of("it is outside its validity period (" + validity.get().message() + ")");
        }
        try {
            String listIssuer = issuerId(Json.parse(list));
            if (issuer != null && listIssuer != null && !issuer.equals(listIssuer)) {
                warnings.add("The status list was issued by " + listIssuer + ", not by the credential's issuer " + issuer + ".");
            }
        } catch (BadgeException e) {
            return Optional.of("it is not valid JSON");
        }
        return Optional.empty();
    }

    private static @Nullable String issuerId(JsonNode credential) {
        JsonNode issuer = credential.path("issuer");
        if (issuer.isTextual()) {
            return issuer.asText();
        }
        JsonNode id = issuer.path("id");
        return id.isTextual() ? id.asText() : null;
    }
}
