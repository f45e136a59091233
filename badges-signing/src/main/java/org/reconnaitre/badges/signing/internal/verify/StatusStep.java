package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.JsonNodes;
import org.reconnaitre.badges.signing.internal.id.Identifier;

/**
 * Credential status (revocation, suspension). A credential that declares a
 * {@code credentialStatus} must have it checked; whatever prevents that fails the check (fail
 * closed):
 * <ul>
 *   <li>no fetcher configured: failed, naming the hosts of the status lists to allow;</li>
 *   <li>otherwise the verifier's {@link Verifier.StatusCheck} decides: the caller's, or by default
 *       the built-in {@code StatusListCheck} with {@code StatusPolicy.FAIL} (an unsupported status
 *       method, a list that cannot be fetched or trusted, a revoked, suspended or flagged entry
 *       all fail; only an explicit {@code StatusPolicy.WARN} turns an unreachable list into a
 *       warning);</li>
 *   <li>no status check at all: that is the verifier of status list credentials themselves, whose
 *       own {@code credentialStatus} is not followed (status is checked one level deep), so such a
 *       list is not trusted.</li>
 * </ul>
 * Without a {@code credentialStatus} the check is skipped: there is nothing to look up. Internal.
 */
final class StatusStep implements Step {
    static final String ID = "status";

    private final Verifier verifier;

    StatusStep(Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void run(VerificationContext ctx) {
        JsonNode status = ctx.credential().get("credentialStatus");
        if (status == null || status.isNull() || (status.isArray() && status.isEmpty())) {
            ctx.notApplicable(ID, "The credential declares no credentialStatus: there is no revocation list to check.");
            return;
        }
        String described = describe(status);
        if (!ctx.config.fetcherConfigured()) {
            Set<String> hosts = hosts(status);
            ctx.failed(ID, "The credential has a status entry (" + described + "), but revocation and suspension could"
                    + " not be checked: configure a fetcher that allows " + (hosts.isEmpty() ? "the status list's host"
                            : String.join(", ", hosts)) + " (Verifier.Builder.fetcher), so the credential is not"
                    + " considered current.");
            return;
        }
        Verifier.StatusCheck check = ctx.config.statusCheck();
        if (check == null) {
            ctx.failed(ID, "This document, verified as a status list, declares a status of its own (" + described
                    + "), which is not followed (status is checked one level deep), so it cannot be trusted as a status"
                    + " list.");
            return;
        }
        CheckResult result;
        try {
            result = check.check(new Verifier.StatusRequest(Json.write(ctx.credential()), Json.write(status),
                    ctx.config.fetcher(), ctx.now, verifier));
        } catch (RuntimeException e) {
            result = CheckResult.failed(ID, "The status check failed unexpectedly (" + e.getClass().getSimpleName()
                    + "), so revocation was not checked.");
        }
        if (result == null) {
            result = CheckResult.failed(ID, "The status checker returned no result.");
        }
        ctx.add(result.id().equals(ID) ? result : new CheckResult(ID, result.outcome(), result.message()));
    }

    /** @return the hosts of the status lists an entry names (statusListCredential, or id) */
    private static Set<String> hosts(JsonNode status) {
        Set<String> hosts = new LinkedHashSet<>();
        for (JsonNode e : status.isArray() ? status : List.of(status)) {
            String list = JsonNodes.text(e.get("statusListCredential"));
            String url = list != null ? list : JsonNodes.text(e.get("id"));
            if (url == null) {
                continue;
            }
            // the identifier parser's host (lowercased); not a valid http(s) URL: nothing to allow
            Identifier.tryParse(url.strip()).flatMap(Identifier::host).ifPresent(hosts::add);
        }
        return hosts;
    }

    private static String describe(JsonNode status) {
        List<String> parts = new ArrayList<>();
        for (JsonNode e : status.isArray() ? status : List.of(status)) {
            String type = JsonNodes.text(e.get("type"));
            String list = JsonNodes.text(e.get("statusListCredential"));
            String id = JsonNodes.text(e.get("id"));
            parts.add((type == null ? "untyped" : type) + " " + (list != null ? list : id != null ? id : ""));
        }
        return String.join(", ", parts).strip();
    }
}
