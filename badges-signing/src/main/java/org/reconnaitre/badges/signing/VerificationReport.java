package org.reconnaitre.badges.signing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.internal.json.Json;
import org.reconnaitre.badges.model.internal.text.TerminalText;

/**
 * What a {@link Verifier} concluded about one credential: the ordered checks it ran, each with an
 * outcome and a message a person understands, the detected input format, the issuer and credential
 * ids when they could be read, and one nested report per endorsement (embedded, or for Open
 * Badges 2.0 also referenced by URL) and, for a CLR, per nested credential.
 *
 * <p>Check ids are stable, in this order: {@code format}, {@code parse}, {@code jwt-claims} (VC-JWT
 * only), {@code context-and-type}, {@code schema}, {@code proof}, {@code signed-data},
 * {@code key-binding}, {@code recipient} (skipped unless {@link Verifier#forRecipient} names one),
 * {@code validity-period}, {@code status}, {@code endorsements} and {@code credentials} (CLR
 * only). The verifier fails closed: a check the credential requires that could not run (no fetcher,
 * a depth limit, an unsupported method) is reported as {@linkplain CheckOutcome#FAILED failed}
 * with a message starting "Not verified" or naming what to allow, so a report is
 * {@linkplain #isValid() valid} only when every required check ran and passed. A skipped check is
 * one that does not apply (no expected recipient, no status entry, no endorsement) or that an
 * earlier failure made pointless; a warning is a remark on a check that passed. Show both to the person deciding.
 *
 * <pre>{@code
 * VerificationReport report = Verifier.builder().build().verify(credentialJson);
 * if (!report.isValid()) {
 *     report.failures().forEach(c -> System.out.println(c.id() + ": " + c.message()));
 * }
 * System.out.println(report.toJson());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class VerificationReport {

    /** The format of the verified input, as detected from its bytes. */
    public enum Format {
        /** A JSON credential secured by an embedded proof. */
        JSON,
        /** A compact JWS (VC-JWT / VC-JOSE). */
        JWT,
        /** A baked PNG image. */
        PNG,
        /** A baked SVG image. */
        SVG,
        /** Not recognised. */
        UNKNOWN;

        /** @return the lower-case name used in JSON output */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Format format;
    private final List<CheckResult> checks;
    private final @Nullable String issuerId;
    private final @Nullable String credentialId;
    private final List<VerificationReport> endorsements;
    private final List<VerificationReport> credentials;

    private VerificationReport(Builder b) {
        this.format = b.format;
        this.checks = List.copyOf(b.checks);
        this.issuerId = b.issuerId;
        this.credentialId = b.credentialId;
        this.endorsements = List.copyOf(b.endorsements);
        this.credentials = List.copyOf(b.credentials);
    }

    /** @return a builder, for verifier extensions and tests */
    public static Builder builder(Format format) {
        return new Builder(format);
    }

    /** @return whether no check failed */
    public boolean isValid() {
        return checks.stream().noneMatch(c -> c.outcome() == CheckOutcome.FAILED);
    }

    /** @return whether at least one check ended with a warning */
    public boolean hasWarnings() {
        return checks.stream().anyMatch(c -> c.outcome() == CheckOutcome.WARNING);
    }

    /** @return the detected input format */
    public Format format() {
        return format;
    }

    /** @return every check, in the order it ran */
    public List<CheckResult> checks() {
        return checks;
    }

    /** @return the checks that failed, in order */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> c.outcome() == CheckOutcome.FAILED).toList();
    }

    /** @return the first check with this id, if it ran */
    public Optional<CheckResult> check(String id) {
        Objects.requireNonNull(id, "id");
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** @return the issuer id, when the credential could be read */
    public Optional<String> issuerId() {
        return Optional.ofNullable(issuerId);
    }

    /** @return the credential id, when it has one */
    public Optional<String> credentialId() {
        return Optional.ofNullable(credentialId);
    }

    /** @return one report per embedded endorsement, in document order */
    public List<VerificationReport> endorsements() {
        return endorsements;
    }

    /** @return one report per nested credential (CLR 2.0), in document order */
    public List<VerificationReport> credentials() {
        return credentials;
    }

    /**
     * The report as compact JSON:
     * {@code {"valid": bool, "format": "...", "checks": [{"id": "...", "outcome": "passed|failed|warning|skipped", "message": "..."}]}}.
     * Control, DEL, C1 and bidi/format characters in strings are written as JSON escapes, so the text
     * is safe to print on a terminal and parses back to the same values.
     *
     * @return the JSON text
     */
    public String toJson() {
        return Json.writeForDisplay(toJsonNode(false));
    }

    /**
     * The same as {@link #toJson()} plus {@code issuer}, {@code id} and the nested
     * {@code endorsements} and {@code credentials} reports.
     *
     * @return the JSON text
     */
    public String toDetailedJson() {
        return Json.writeForDisplay(toJsonNode(true));
    }

    private ObjectNode toJsonNode(boolean detailed) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("valid", isValid());
        root.put("format", format.jsonName());
        if (detailed) {
            if (issuerId != null) {
                root.put("issuer", issuerId);
            }
            if (credentialId != null) {
                root.put("id", credentialId);
            }
        }
        ArrayNode arr = root.putArray("checks");
        for (CheckResult c : checks) {
            ObjectNode n = arr.addObject();
            n.put("id", c.id());
            n.put("outcome", c.outcome().jsonName());
            n.put("message", c.message());
        }
        if (detailed) {
            if (!endorsements.isEmpty()) {
                ArrayNode e = root.putArray("endorsements");
                endorsements.forEach(r -> e.add(r.toJsonNode(true)));
            }
            if (!credentials.isEmpty()) {
                ArrayNode e = root.putArray("credentials");
                credentials.forEach(r -> e.add(r.toJsonNode(true)));
            }
        }
        return root;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof VerificationReport r && r.format == format && r.checks.equals(checks)
                && Objects.equals(r.issuerId, issuerId) && Objects.equals(r.credentialId, credentialId)
                && r.endorsements.equals(endorsements) && r.credentials.equals(credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, checks, issuerId, credentialId, endorsements, credentials);
    }

    /**
     * @return a short human-readable summary, one line per check; values taken from the credential
     *     (issuer id, messages quoting it) have their control, DEL, C1 and bidi/format characters shown
     *     as {@code \}{@code uXXXX} escapes, so that printing the summary cannot rewrite the VALID/INVALID line
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(isValid() ? "VALID" : "INVALID").append(" (").append(format.jsonName()).append(")");
        if (issuerId != null) {
            sb.append(" issuer ").append(TerminalText.escape(issuerId));
        }
        for (CheckResult c : checks) {
            sb.append(System.lineSeparator()).append("  ").append(c);
        }
        return sb.toString();
    }

    /**
     * Collects checks in order. Not thread-safe; the report it builds is.
     */
    public static final class Builder {
        private Format format;
        private final List<CheckResult> checks = new ArrayList<>();
        private @Nullable String issuerId;
        private @Nullable String credentialId;
        private final List<VerificationReport> endorsements = new ArrayList<>();
        private final List<VerificationReport> credentials = new ArrayList<>();

        private Builder(Format format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        /** Changes the detected format. */
        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Appends a check. */
        public Builder add(CheckResult check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Sets the issuer id. */
        public Builder issuerId(@Nullable String issuerId) {
            this.issuerId = issuerId;
            return this;
        }

        /** Sets the credential id. */
        public Builder credentialId(@Nullable String credentialId) {
            this.credentialId = credentialId;
            return this;
        }

        /** Appends an endorsement's report. */
        public Builder addEndorsement(VerificationReport report) {
            endorsements.add(Objects.requireNonNull(report, "report"));
            return this;
        }

        /** Appends a nested credential's report (CLR). */
        public Builder addCredential(VerificationReport report) {
            credentials.add(Objects.requireNonNull(report, "report"));
            return this;
        }

        /** @return whether a check with this outcome was added */
        public boolean has(CheckOutcome outcome) {
            return checks.stream().anyMatch(c -> c.outcome() == outcome);
        }

        /** @return the immutable report */
        public VerificationReport build() {
            return new VerificationReport(this);
        }
    }
}
