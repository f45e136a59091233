package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.jsonld.Deadline;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.Verifier;
import org.reconnaitre.badges.signing.internal.ob2.Ob2Verifier;

/**
 * The verifier pipeline: format → parse → context and type → schema → proof → signed data → key
 * binding → recipient → validity period → status → endorsements (→ nested CLR credentials). Each
 * step adds its checks to the report; when the input cannot be read the remaining checks are listed
 * as skipped. A step that throws (a bug, never bad input) is reported as a failed check, so
 * {@link #verify} never throws.
 *
 * <p><b>Fail closed.</b> Every step's check is required unless the step recorded it as not
 * applicable ({@link VerificationContext#notApplicable}: no status entry, no endorsement, no
 * expected recipient, schema validation turned off by the caller). When no check failed, a required
 * check that was skipped — it could not run: no fetcher, a depth or size limit, an unsupported
 * method — is turned into a failure that says why and what the caller can do, so a report is valid
 * only when every required check ran and passed (a warning is a remark on a check that passed).
 * Immutable and thread-safe. Internal.
 */
public final class Pipeline {
    /** Largest input accepted, in bytes (16 MiB: a baked image with a credential fits). */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    private final PipelineConfig config;
    private final List<Step> steps;

    public Pipeline(PipelineConfig config, Verifier verifier) {
        this.config = config;
        this.steps = List.of(new FormatStep(), new ParseStep(), new ContextAndTypeStep(), new SchemaStep(),
                new ProofStep(), new SignedDataStep(), new KeyBindingStep(), new RecipientStep(), new ValidityPeriodStep(), new StatusStep(verifier),
                new EndorsementStep(this), new NestedCredentialsStep(this));
    }

    /** Verifies raw input at the configured clock's current instant. */
    public VerificationReport verify(byte[] input) {
        return verify(input, null);
    }

    /**
     * Verifies raw input at the configured clock's current instant.
     *
     * @param expected the recipient the credential must be awarded to, or null to skip that check
     */
    public VerificationReport verify(byte[] input, @Nullable ExpectedRecipient expected) {
        // one deadline per call; a verification started inside another on this thread (a status
        // list verified by the caller's StatusCheck) keeps the enclosing, earlier deadline
        long deadline = Deadline.within(config.timeout());
        return Deadline.run(deadline, () -> run(input, 0, config.clock().instant(), expected, deadline));
    }

    /**
     * Nested endorsements and CLR credentials, with the same settings one level deeper and the same
     * deadline.
     *
     * @param expected the recipient a nested CLR credential must be awarded to (the caller's, or
     *     the CLR's learner); null for an endorsement, which is about what it is attached to
     */
    VerificationReport verifyNested(JsonNode node, int depth, Instant now, @Nullable ExpectedRecipient expected) {
        String text = node.isTextual() ? node.asText() : Json.write(node);
        return run(text.getBytes(StandardCharsets.UTF_8), depth, now, expected, Deadline.current());
    }

    /** The reason given when the deadline stops a verification. */
    String stopped() {
        long ms = config.timeout().toMillis();
        String budget = ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
        return "Verification stopped after " + budget + ": the credential is too complex to verify in time; raise"
                + " Verifier.Builder.timeout if you trust its source. The credential is not considered verified.";
    }

    private VerificationReport run(byte[] input, int depth, Instant now, @Nullable ExpectedRecipient expected,
            long deadline) {
        VerificationContext ctx = new VerificationContext(config, now, depth, input);
        boolean timedOut = false;
        ctx.expectedRecipient = expected;
        if (input.length > MAX_INPUT_BYTES) {
            ctx.failed(FormatStep.ID, "The input is " + input.length + " bytes, more than the " + MAX_INPUT_BYTES + " accepted.");
            ctx.halted = true;
        }
        for (Step step : steps) {
            if (step instanceof ParseStep && !ctx.halted && ctx.text != null) {
                Ob2Verifier.Sniff sniff = Ob2Verifier.sniff(ctx.text);
                if (sniff.ob2()) {
                    // an Open Badges 2.0 document (or a JWS whose payload is one) has its own verification
                    return Ob2Verifier.verify(ctx.report, ctx.text, config.fetcher(), now, config.clockSkew(), expected,
                            depth, config.maxEndorsementDepth());
                }
                ctx.sniffed = sniff;
            }
            if (!ctx.halted && Deadline.passed(deadline)) {
                // the remaining checks are not run: the first of them fails with the reason
                ctx.failed(step.id(), stopped());
                ctx.halted = true;
                timedOut = true;
                continue;
            }
            if (ctx.halted) {
                boolean reported = ctx.reported(step.id());
                if (!reported && !(step instanceof NestedCredentialsStep)) {
                    ctx.skipped(step.id(), timedOut ? "Not checked: verification stopped at its deadline."
                            : "Not checked: the input could not be read as a credential.");
                }
                continue;
            }
            try {
                step.run(ctx);
            } catch (Deadline.Exceeded e) {
                ctx.failed(step.id(), stopped());
                ctx.halted = true;
                timedOut = true;
            } catch (RuntimeException e) {
                ctx.failed(step.id(), "The check could not be completed (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + "); the credential is not considered verified.");
            }
            if (!timedOut && Deadline.passed(deadline) && ctx.hasFailed()) {
                ctx.halted = true; // a step failed on the deadline (e.g. the proof's budget): stop here
                timedOut = true;
            }
        }
        enforceRequired(ctx);
        ctx.checks.forEach(ctx.report::add);
        return ctx.report.build();
    }

    /** Ids that every credential verification must report (a step that reports nothing is not run). */
    private static final List<String> ALWAYS = List.of(FormatStep.ID, ParseStep.ID, ContextAndTypeStep.ID, ProofStep.ID,
            SignedDataStep.ID, KeyBindingStep.ID, RecipientStep.ID, ValidityPeriodStep.ID, StatusStep.ID, EndorsementStep.ID);

    private void enforceRequired(VerificationContext ctx) {
        if (ctx.hasFailed()) {
            return; // already not valid: the failures say why, the skipped checks stay as they are
        }
        for (int i = 0; i < ctx.checks.size(); i++) {
            CheckResult c = ctx.checks.get(i);
            if (c.outcome() == CheckOutcome.SKIPPED && !ctx.notRequired.contains(c.id())) {
                ctx.checks.set(i, CheckResult.failed(c.id(), "Not verified: this check is required and could not run. "
                        + c.message()));
            }
        }
        for (String id : ALWAYS) {
            if (!ctx.reported(id)) {
                ctx.failed(id, "Not verified: the required " + id + " check did not run.");
            }
        }
    }
}
