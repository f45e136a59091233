package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.internal.JsonNodes;

/**
 * CLR 2.0: verifies each credential in {@code credentialSubject.verifiableCredential} (objects or
 * compact JWTs), one nested report each. Any nested credential that does not verify fails the
 * {@code credentials} check: a CLR vouches for all of them. Runs only for a {@code ClrCredential}.
 * Internal.
 */
final class NestedCredentialsStep implements Step {
    static final String ID = "credentials";
    static final int MAX_NESTED = 256;

    private final Pipeline pipeline;

    NestedCredentialsStep(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String id() {
        return ID;
    }

    static boolean applies(VerificationContext ctx) {
        return ctx.credential != null && JsonNodes.strings(ctx.credential.get("type")).contains("ClrCredential");
    }

    @Override
    public void run(VerificationContext ctx) {
        if (!applies(ctx)) {
            return;
        }
        List<JsonNode> nested = new ArrayList<>();
        for (JsonNode subject : Json.elements(ctx.credential().get("credentialSubject"))) {
            nested.addAll(Json.elements(subject.get("verifiableCredential")));
        }
        if (nested.isEmpty()) {
            ctx.warning(ID, "The CLR contains no credentials.");
            return;
        }
        if (nested.size() > MAX_NESTED) {
            ctx.failed(ID, "The CLR contains " + nested.size() + " credentials, more than the " + MAX_NESTED + " accepted.");
            return;
        }
        if (ctx.depth >= ctx.config.maxEndorsementDepth()) {
            ctx.skipped(ID, "Not checked: the nested credentials lie deeper than the configured limit.");
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < nested.size(); i++) {
            VerificationReport r = pipeline.verifyNested(nested.get(i), ctx.depth + 1, ctx.now);
            ctx.report.addCredential(r);
            if (!r.isValid()) {
                reasons.add("credential " + (i + 1) + r.credentialId().map(id -> " (" + id + ")").orElse("") + ": "
                        + r.failures().get(0).message());
            }
        }
        if (reasons.isEmpty()) {
            ctx.passed(ID, "All " + nested.size() + " nested credential(s) verify.");
        } else {
            ctx.failed(ID, reasons.size() + " of " + nested.size() + " nested credential(s) do not verify: "
                    + String.join("; ", reasons) + ".");
        }
    }
}
