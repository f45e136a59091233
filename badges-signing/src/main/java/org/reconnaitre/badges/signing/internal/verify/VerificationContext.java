package org.reconnaitre.badges.signing.internal.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.signing.CheckOutcome;
import org.reconnaitre.badges.signing.CheckResult;
import org.reconnaitre.badges.signing.ExpectedRecipient;
import org.reconnaitre.badges.signing.KeySource;
import org.reconnaitre.badges.signing.VerificationKey;
import org.reconnaitre.badges.signing.VerificationReport;
import org.reconnaitre.badges.signing.internal.jwt.CompactJws;
import org.reconnaitre.badges.signing.internal.jwt.VcJwtPayload;

/**
 * The state of one verification: the input, what each step found, and the report being built.
 * Created per call and confined to the calling thread. Internal.
 */
public final class VerificationContext {

    /**
     * A key that checked a signature.
     *
     * @param reference how the key was named (verification method URL, kid, "jwk header")
     * @param controller the controller of the verification method (the id of the document it was
     *     read from), or null for an embedded key
     * @param source how the key was obtained
     * @param key the key
     * @param assertionMethod whether the controller's document lists the method under
     *     {@code assertionMethod}
     */
    public record Signer(String reference, @Nullable String controller, KeySource source, VerificationKey key,
            boolean assertionMethod) {}

    final PipelineConfig config;
    final Instant now;
    final int depth;
    final VerificationReport.Builder report = VerificationReport.builder(VerificationReport.Format.UNKNOWN);

    byte[] input;
    VerificationReport.Format format = VerificationReport.Format.UNKNOWN;
    /** Set when a baked image carried a compact JWS. */
    boolean jwtInImage;
    @Nullable String text;
    @Nullable ObjectNode credential;
    /** What the OB 2.0 detection parsed of {@link #text} (reused by the parse step), if it ran. */
    org.reconnaitre.badges.signing.internal.ob2.Ob2Verifier.@Nullable Sniff sniffed;
    @Nullable CompactJws jws;
    @Nullable VcJwtPayload jwt;
    /** Signers whose signature verified; the key-binding step ties them to the issuer. */
    final List<Signer> signers = new ArrayList<>();
    /** The recipient the caller expects, or null (always null for nested credentials). */
    @Nullable ExpectedRecipient expectedRecipient;
    /** Set when a step cannot let the following ones run (nothing to look at). */
    boolean halted;

    VerificationContext(PipelineConfig config, Instant now, int depth, byte[] input) {
        this.config = config;
        this.now = now;
        this.depth = depth;
        this.input = input;
    }

    /** The checks reported so far, in order (moved into the report by the pipeline at the end). */
    final List<CheckResult> checks = new ArrayList<>();
    /** Ids of checks that do not apply to this credential or that the caller turned off. */
    final java.util.Set<String> notRequired = new java.util.HashSet<>();

    void add(CheckResult result) {
        checks.add(result);
    }

    /**
     * Records that a check does not apply to this credential (no status entry, no endorsement, no
     * expected recipient) or was turned off by the caller: skipped, and not required for a valid verdict.
     */
    void notApplicable(String id, String message) {
        notRequired.add(id);
        skipped(id, message);
    }

    void passed(String id, String message) {
        add(CheckResult.passed(id, message));
    }

    void failed(String id, String message) {
        add(CheckResult.failed(id, message));
    }

    void warning(String id, String message) {
        add(CheckResult.warning(id, message));
    }

    void skipped(String id, String message) {
        add(CheckResult.skipped(id, message));
    }

    boolean hasFailed() {
        return checks.stream().anyMatch(c -> c.outcome() == CheckOutcome.FAILED);
    }

    boolean hasFailedCheck(String id) {
        return checks.stream().anyMatch(c -> c.id().equals(id) && c.outcome() == CheckOutcome.FAILED);
    }

    boolean reported(String id) {
        return checks.stream().anyMatch(c -> c.id().equals(id));
    }

    /** @return the credential; only called by steps that run after a successful parse */
    ObjectNode credential() {
        ObjectNode c = credential;
        if (c == null) {
            throw new IllegalStateException("no credential parsed");
        }
        return c;
    }

    @Nullable String issuerId() {
        return credential == null ? null : VcJwtPayload.issuerId(credential);
    }
}
