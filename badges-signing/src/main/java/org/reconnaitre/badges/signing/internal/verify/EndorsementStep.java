package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.internal.JsonNodes;
import org.reconnaitre.badges.signing.internal.id.Identifier;
import org.reconnaitre.badges.signing.internal.jwt.JwtException;
import org.reconnaitre.badges.signing.internal.jwt.VcJwtPayload;

/**
 * Verifies every embedded endorsement ({@code endorsement} objects and {@code endorsementJwt}
 * compact JWTs on the credential, its issuer profile, its achievement and the achievement's
 * creator) with the same verifier, one nested report each. An endorsement counts only when all of
 * this holds; otherwise its nested report carries the failed check that says why (so it is never
 * counted as an endorsement) and the {@code endorsements} check fails: the issuer signed into the
 * credential a claim that cannot be trusted (the 1EdTech validator judges it the same way).
 * <ul>
 *   <li>it verifies in full as a credential (its own report is valid);</li>
 *   <li>it is an {@code EndorsementCredential} (its {@code type}, read from the verified JSON or
 *       from the verified JWT payload; otherwise its {@code context-and-type} check fails);</li>
 *   <li>its {@code credentialSubject.id} is the id of the object it is attached to, compared as
 *       parsed identifiers, for JSON and JWT endorsements alike (otherwise its {@code recipient}
 *       check, which says whom a credential is about, fails).</li>
 * </ul>
 * Bounds fail closed: endorsements that lie deeper than {@code Verifier.Builder.maxEndorsementDepth}
 * fail the check (naming the limit to raise), and so does a credential that carries more than
 * {@value #MAX_PER_CREDENTIAL} endorsements (none is verified). Internal.
 */
final class EndorsementStep implements Step {
    static final String ID = "endorsements";
    static final int MAX_PER_CREDENTIAL = 16;
    private static final String ENDORSEMENT_TYPE = "EndorsementCredential";

    private final Pipeline pipeline;

    EndorsementStep(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String id() {
        return ID;
    }

    /** An endorsement, the id of what it is attached to, and what that is (for messages). */
    private record Found(JsonNode endorsement, @Nullable String target, String where) {}

    @Override
    public void run(VerificationContext ctx) {
        JsonNode c = ctx.credential();
        List<Found> found = new ArrayList<>();
        collect(c, "the credential", found);
        JsonNode issuer = c.get("issuer");
        if (issuer != null && issuer.isObject()) {
            collect(issuer, "the issuer profile", found);
        }
        for (JsonNode subject : Json.elements(c.get("credentialSubject"))) {
            JsonNode achievement = subject.get("achievement");
            if (achievement != null && achievement.isObject()) {
                collect(achievement, "the achievement", found);
                JsonNode creator = achievement.get("creator");
                if (creator != null && creator.isObject()) {
                    collect(creator, "the achievement's creator", found);
                }
            }
        }
        if (found.isEmpty()) {
            ctx.notApplicable(ID, "The credential carries no endorsements.");
            return;
        }
        int limit = ctx.config.maxEndorsementDepth();
        if (ctx.depth >= limit) {
            ctx.failed(ID, found.size() + " endorsement(s) lie deeper than the limit of " + limit + " level(s) of nesting,"
                    + " so they were not verified and cannot be trusted; raise the limit with"
                    + " Verifier.Builder.maxEndorsementDepth (at most 8).");
            return;
        }
        if (found.size() > MAX_PER_CREDENTIAL) {
            ctx.failed(ID, "The credential carries " + found.size() + " endorsements, more than the " + MAX_PER_CREDENTIAL
                    + " verified per credential, so none was verified and they cannot be trusted.");
            return;
        }
        int invalid = 0;
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            VerificationReport r = pipeline.verifyNested(f.endorsement(), ctx.depth + 1, ctx.now, null);
            if (r.isValid()) {
                CheckResult role = role(f);
                if (role != null) {
                    r = with(r, role);
                }
            }
            ctx.report.addEndorsement(r);
            if (!r.isValid()) {
                invalid++;
                String label = "endorsement " + (i + 1) + " of " + f.where() + r.credentialId().map(id -> " (" + id + ")").orElse("");
                reasons.add(label + ": " + r.failures().get(0).message());
            }
        }
        if (invalid == 0) {
            ctx.passed(ID, "All " + found.size() + " endorsement(s) verify and endorse what they are attached to.");
        } else {
            ctx.failed(ID, invalid + " of " + found.size() + " endorsement(s) do not verify or do not endorse what they"
                    + " are attached to: " + String.join("; ", reasons) + ".");
        }
    }

    /**
     * @return the failed check of a verified endorsement that is not in its role (not an
     *     EndorsementCredential, or about something other than its target), or null when it is
     */
    private static @Nullable CheckResult role(Found f) {
        JsonNode credential;
        try {
            JsonNode e = f.endorsement();
            credential = e.isObject() ? e : VcJwtPayload.credentialOf(e.isTextual() ? e.asText() : Json.write(e));
        } catch (BadgeException | JwtException e) {
            return CheckResult.failed("context-and-type", "The endorsement cannot be read back as a credential: "
                    + e.getMessage());
        }
        List<String> types = JsonNodes.strings(credential.get("type"));
        if (!types.contains(ENDORSEMENT_TYPE)) {
            return CheckResult.failed("context-and-type", "This credential is attached to " + f.where()
                    + " as an endorsement but is not an EndorsementCredential (its type is " + types + ").");
        }
        if (f.target() == null) {
            return CheckResult.failed("recipient", "This endorsement is attached to " + f.where()
                    + ", which has no id, so nothing shows that it endorses it.");
        }
        List<JsonNode> subjects = Json.elements(credential.get("credentialSubject"));
        if (subjects.isEmpty()) {
            return CheckResult.failed("recipient", "This endorsement has no credentialSubject, so it endorses nothing.");
        }
        for (JsonNode subject : subjects) {
            String id = subject.isObject() ? JsonNodes.text(subject.get("id")) : null;
            if (id == null) {
                return CheckResult.failed("recipient", "This endorsement's credentialSubject has no id, so nothing shows"
                        + " that it endorses " + f.where() + " (" + f.target() + ").");
            }
            if (!Identifier.same(id, f.target())) {
                return CheckResult.failed("recipient", "This endorsement endorses " + id + ", not " + f.where() + " ("
                        + f.target() + ") where it is attached.");
            }
        }
        return null;
    }

    /** @return the report with {@code check} in place of the check of the same id (or added) */
    private static VerificationReport with(VerificationReport r, CheckResult check) {
        VerificationReport.Builder b = VerificationReport.builder(r.format());
        boolean replaced = false;
        for (CheckResult c : r.checks()) {
            if (c.id().equals(check.id()) && !replaced) {
                b.add(check);
                replaced = true;
            } else if (!c.id().equals(check.id())) {
                b.add(c);
            }
        }
        if (!replaced) {
            b.add(check);
        }
        b.issuerId(r.issuerId().orElse(null)).credentialId(r.credentialId().orElse(null));
        r.endorsements().forEach(b::addEndorsement);
        r.credentials().forEach(b::addCredential);
        return b.build();
    }

    private static void collect(JsonNode holder, String where, List<Found> out) {
        String target = JsonNodes.text(holder.get("id"));
        Json.elements(holder.get("endorsement")).forEach(e -> out.add(new Found(e, target, where)));
        Json.elements(holder.get("endorsementJwt")).forEach(e -> out.add(new Found(e, target, where)));
    }
}
