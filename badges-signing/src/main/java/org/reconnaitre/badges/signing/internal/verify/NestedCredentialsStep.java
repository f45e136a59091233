package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.internal.JsonNodes;

/**
 * CLR 2.0: verifies each credential in {@code credentialSubject.verifiableCredential} (objects or
 * compact JWTs) with the same settings, one nested report each. Any nested credential that does
 * not verify fails the {@code credentials} check: a CLR vouches for all of them. Runs only for a
 * {@code ClrCredential}.
 *
 * <p>A CLR about a learner may only carry credentials about that learner. Each nested credential
 * is therefore verified with an expected recipient: the caller's ({@code Verifier.forRecipient}),
 * or else the CLR's own learner (its {@code credentialSubject.id}, or an identifier it gives in
 * plain text). CLR {@code association}s relate achievements to one another, not learners, so they
 * never allow a credential about someone else. A CLR that names its learner only by hashed
 * identifiers (or by nothing usable) cannot be tied to its nested credentials unless the caller
 * says whom to expect: the check fails and says so.
 *
 * <p>A CLR nested deeper than {@code Verifier.Builder.maxEndorsementDepth} fails the check (its
 * credentials were not verified) and names the limit to raise. Internal.
 */
final class NestedCredentialsStep implements Step {
    static final String ID = "credentials";
    static final int MAX_NESTED = 256;
    private static final String RECIPIENT = "recipient";

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

    /** A nested credential and the CLR subject that carries it. */
    private record Nested(JsonNode credential, JsonNode subject) {}

    @Override
    public void run(VerificationContext ctx) {
        if (!applies(ctx)) {
            return;
        }
        List<Nested> nested = new ArrayList<>();
        for (JsonNode subject : Json.elements(ctx.credential().get("credentialSubject"))) {
            Json.elements(subject.get("verifiableCredential")).forEach(c -> nested.add(new Nested(c, subject)));
        }
        if (nested.isEmpty()) {
            ctx.warning(ID, "The CLR contains no credentials.");
            return;
        }
        if (nested.size() > MAX_NESTED) {
            ctx.failed(ID, "The CLR contains " + nested.size() + " credentials, more than the " + MAX_NESTED + " accepted.");
            return;
        }
        int limit = ctx.config.maxEndorsementDepth();
        if (ctx.depth >= limit) {
            ctx.failed(ID, "The CLR's " + nested.size() + " nested credential(s) lie deeper than the limit of " + limit
                    + " level(s) of nesting, so they were not verified and the CLR cannot vouch for them; raise the"
                    + " limit with Verifier.Builder.maxEndorsementDepth (at most 8).");
            return;
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < nested.size(); i++) {
            Nested n = nested.get(i);
            ExpectedRecipient expected = ctx.expectedRecipient;
            boolean caller = expected != null;
            if (expected == null) {
                expected = learner(n.subject()).orElse(null);
            }
            VerificationReport r = pipeline.verifyNested(n.credential(), ctx.depth + 1, ctx.now, expected);
            ctx.report.addCredential(r);
            String label = "credential " + (i + 1) + r.credentialId().map(id -> " (" + id + ")").orElse("");
            if (expected == null) {
                reasons.add(label + ": it cannot be tied to the CLR's learner, for whom the CLR gives no identity to"
                        + " compare (no usable credentialSubject.id nor plain identifier, only hashes); verify through"
                        + " Verifier.forRecipient with the learner's identity");
                continue;
            }
            if (!r.isValid()) {
                Optional<CheckResult> recipient = r.check(RECIPIENT).filter(c -> c.outcome() == CheckOutcome.FAILED);
                reasons.add(label + ": " + (recipient.isPresent()
                        ? "it is not about " + (caller ? "the expected recipient" : "the CLR's learner") + " ("
                                + recipient.get().message() + ")"
                        : r.failures().get(0).message()));
            }
        }
        if (reasons.isEmpty()) {
            ctx.passed(ID, "All " + nested.size() + " nested credential(s) verify and are about "
                    + (ctx.expectedRecipient != null ? "the expected recipient." : "the CLR's learner."));
        } else {
            ctx.failed(ID, reasons.size() + " of " + nested.size() + " nested credential(s) do not verify or are about someone else: "
                    + String.join("; ", reasons) + ".");
        }
    }

    /**
     * The learner a CLR subject names, as an expected recipient: its {@code id}, or else an
     * identifier given in plain text. Empty when it names the learner only by hashes.
     */
    static Optional<ExpectedRecipient> learner(JsonNode subject) {
        String id = JsonNodes.text(subject.get("id"));
        if (id != null) {
            return Optional.ofNullable(fromId(id));
        }
        for (JsonNode identifier : Json.elements(subject.get("identifier"))) {
            String type = JsonNodes.text(identifier.get("identityType"));
            String value = JsonNodes.text(identifier.get("identityHash"));
            if (type == null || value == null || identifier.path("hashed").asBoolean(false)) {
                continue;
            }
            String t = type.toLowerCase(Locale.ROOT);
            try {
                return Optional.of(t.equals("emailaddress") ? ExpectedRecipient.email(value)
                        : t.contains("phone") ? ExpectedRecipient.telephone(value) : ExpectedRecipient.id(value));
            } catch (BadgeException e) {
                // not usable as an identity (e.g. a bare student number): try the next one
            }
        }
        return Optional.empty();
    }

    private static @Nullable ExpectedRecipient fromId(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("mailto:")) {
                return ExpectedRecipient.email(id.substring("mailto:".length()));
            }
            if (lower.startsWith("tel:")) {
                return ExpectedRecipient.telephone(id.substring("tel:".length()));
            }
            if (lower.startsWith("did:")) {
                return ExpectedRecipient.did(id);
            }
            return ExpectedRecipient.id(id);
        } catch (BadgeException e) {
            return null;
        }
    }
}
