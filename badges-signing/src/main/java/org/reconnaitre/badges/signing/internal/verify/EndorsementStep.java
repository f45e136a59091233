package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.internal.JsonNodes;

/**
 * Verifies every embedded endorsement ({@code endorsement} objects and {@code endorsementJwt}
 * strings on the credential, its issuer, and the achievement and its creator) with the same
 * verifier, one nested report each, up to the configured depth and at most
 * {@value #MAX_PER_CREDENTIAL} per credential. An embedded endorsement must also endorse what it is
 * attached to (its {@code credentialSubject.id} is that object's id). An embedded endorsement that
 * does not verify fails the check: the issuer signed it into the credential, so the credential
 * vouches for a claim that cannot be trusted (the 1EdTech validator judges it the same way). Its
 * own report says why. Internal.
 */
final class EndorsementStep implements Step {
    static final String ID = "endorsements";
    static final int MAX_PER_CREDENTIAL = 16;

    private final Pipeline pipeline;

    EndorsementStep(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String id() {
        return ID;
    }

    /** An endorsement and the id of what it is attached to. */
    private record Found(JsonNode endorsement, @Nullable String target) {}

    @Override
    public void run(VerificationContext ctx) {
        JsonNode c = ctx.credential();
        List<Found> found = new ArrayList<>();
        collect(c, found);
        JsonNode issuer = c.get("issuer");
        if (issuer != null && issuer.isObject()) {
            collect(issuer, found);
        }
        for (JsonNode subject : Json.elements(c.get("credentialSubject"))) {
            JsonNode achievement = subject.get("achievement");
            if (achievement != null && achievement.isObject()) {
                collect(achievement, found);
                JsonNode creator = achievement.get("creator");
                if (creator != null && creator.isObject()) {
                    collect(creator, found);
                }
            }
        }
        if (found.isEmpty()) {
            ctx.skipped(ID, "The credential carries no endorsements.");
            return;
        }
        if (ctx.depth >= ctx.config.maxEndorsementDepth()) {
            ctx.skipped(ID, "Not checked: " + found.size() + " endorsement(s) lie deeper than the configured limit of "
                    + ctx.config.maxEndorsementDepth() + " level(s).");
            return;
        }
        int checked = Math.min(found.size(), MAX_PER_CREDENTIAL);
        int invalid = 0;
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < checked; i++) {
            Found f = found.get(i);
            VerificationReport r = pipeline.verifyNested(f.endorsement(), ctx.depth + 1, ctx.now, null);
            ctx.report.addEndorsement(r);
            String label = "endorsement " + (i + 1) + r.credentialId().map(id -> " (" + id + ")").orElse("");
            String subject = subjectId(f.endorsement());
            if (!r.isValid()) {
                invalid++;
                reasons.add(label + ": " + r.failures().get(0).message());
            } else if (f.target() != null && subject != null && !subject.equals(f.target())) {
                invalid++;
                reasons.add(label + " endorses " + subject + ", not " + f.target() + " where it is attached");
            }
        }
        String more = found.size() > checked ? " Only the first " + checked + " of " + found.size() + " were verified." : "";
        if (invalid == 0 && more.isEmpty()) {
            ctx.passed(ID, "All " + checked + " endorsement(s) verify.");
        } else if (invalid == 0) {
            ctx.warning(ID, "The " + checked + " endorsement(s) checked verify." + more);
        } else {
            ctx.failed(ID, invalid + " of " + checked + " endorsement(s) do not verify: "
                    + String.join("; ", reasons) + "." + more);
        }
    }

    private static void collect(JsonNode holder, List<Found> out) {
        String target = JsonNodes.text(holder.get("id"));
        Json.elements(holder.get("endorsement")).forEach(e -> out.add(new Found(e, target)));
        Json.elements(holder.get("endorsementJwt")).forEach(e -> out.add(new Found(e, target)));
    }

    /** @return the credentialSubject id of an embedded JSON endorsement (null for a JWT or none) */
    private static @Nullable String subjectId(JsonNode endorsement) {
        if (!endorsement.isObject()) {
            return null;
        }
        JsonNode subject = endorsement.get("credentialSubject");
        return subject == null ? null : JsonNodes.text(subject.get("id"));
    }
}
