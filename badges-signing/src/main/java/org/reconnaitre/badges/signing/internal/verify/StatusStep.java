package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.JsonNodes;

/**
 * Credential status (revocation, suspension). Without a fetcher nothing can be looked up, so the
 * check is skipped with a warning naming the status entry. With a fetcher, the caller's
 * {@link Verifier.StatusCheck} decides (the extension point for status-list decoding). Internal.
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
            ctx.skipped(ID, "Warning: the credential has a status entry (" + described + ") but no fetcher is configured,"
                    + " so revocation and suspension were NOT checked.");
            return;
        }
        Verifier.StatusCheck check = ctx.config.statusCheck();
        if (check == null) {
            ctx.warning(ID, "The credential has a status entry (" + described + ") but this verifier has no status"
                    + " checker for it, so revocation and suspension were not checked.");
            return;
        }
        CheckResult result;
        try {
            result = check.check(new Verifier.StatusRequest(Json.write(ctx.credential()), Json.write(status),
                    ctx.config.fetcher(), ctx.now, verifier));
        } catch (RuntimeException e) {
            result = CheckResult.failed(ID, "The status check failed unexpectedly: " + e);
        }
        if (result == null) {
            result = CheckResult.failed(ID, "The status checker returned no result.");
        }
        ctx.add(result.id().equals(ID) ? result : new CheckResult(ID, result.outcome(), result.message()));
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
